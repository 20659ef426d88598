// Parity program (test/parity/): a pool of job workers spawned with
// arguments from main() report completion through a Channel; a supervisor
// task respawns each finished job with new arguments while slots are free,
// uses trySpawn on a full pool, and logs running counts as jobs end.
import { Timer, Duration, Channel, log, task } from "outpost";

class Job {
  constructor(public id: i32, public steps: i32, public stepMs: i32) {}
}

const jobs: StaticArray<Job> = [new Job(1, 2, 3), new Job(2, 1, 4), new Job(3, 3, 1), new Job(4, 2, 2), new Job(5, 1, 1)];
const done = new Channel<i32>(4, 4, "done");

async function work(job: Job, step: i32): Promise<i32> {
  await Timer.after(Duration.millis(job.stepMs));
  return job.id * 100 + step;
}

export const worker = task(3, async (job: Job, gen: i32): Promise<void> => {
  let last = 0;
  try {
    for (let s = 0; s < job.steps; s++) last = await work(job, s);
  } finally {
    log.info(`job-supervisor job ${job.id} gen ${gen} finished last=${last}`);
  }
  await done.send(job.id);
});

export const supervisor = task(1, async (): Promise<void> => {
  let next = 3;
  let finished = 0;
  let gen = 1;
  while (finished < 7) {
    const id = await done.receive();
    finished++;
    const running: i32 = worker.running();
    log.info(`job-supervisor ended ${id} running=${running} finished=${finished}`);
    if (next < jobs.length) {
      gen++;
      worker.spawn(jobs[next], gen);
      next++;
    } else if (finished < 5) {
      gen++;
      worker.spawn(jobs[id - 1], gen);
    }
    const extra: bool = worker.trySpawn(jobs[0], 99) != null;
    const after: i32 = worker.running();
    log.info(`job-supervisor extra ${extra} running=${after}`);
    if (!extra) await Timer.after(Duration.millis(1));
  }
});

export function main(): void {
  supervisor.spawn();
  for (let i = 0; i < 3; i++) worker.spawn(jobs[i], 1);
}
