// Parity program (test/parity/): a task body that awaits an async arrow
// returned by a sync factory at init, and a task over a named async
// function with parameters that awaits an async callback, run with their
// spawn arguments.
import { Timer, Duration, log, task } from "outpost";

function makeBody(tag: i32): (n: i32) => Promise<void> {
  return async (n: i32): Promise<void> => {
    for (let i = 0; i < n; i++) {
      await Timer.after(Duration.millis(tag));
      log.infoInt("task-callback-body tick", tag * 100 + i);
    }
  };
}

const report = async (v: i32): Promise<void> => {
  await Timer.after(Duration.millis(1));
  log.infoInt("task-callback-body report", v);
};

async function runner(id: i32, times: i32): Promise<void> {
  for (let i = 0; i < times; i++) {
    await Timer.after(Duration.millis(3));
    await report(id * 10 + i);
  }
}

const tickBody = makeBody(2);
export const ticker = task(1, async (n: i32): Promise<void> => {
  await tickBody(n);
});
export const worker = task(1, runner);

export function main(): void {
  ticker.spawn(3);
  worker.spawn(7, 2);
}
