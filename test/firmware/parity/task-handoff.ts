// Parity program (test/parity/): a task that finishes after handing its
// result to another task through a Signal; the waiting task, parked before
// the result exists, resumes with it, and a task spawned later from a task
// runs in the freed pool slot.
import { Timer, Duration, Signal, log, task } from "outpost";

const result = new Signal<i32>("result");

export const producer = task(1, async (n: i32): Promise<void> => {
  let acc = 0;
  for (let i = 1; i <= n; i++) {
    await Timer.after(Duration.millis(i));
    acc += i;
  }
  result.signal(acc);
  log.infoInt("task-handoff produced", acc);
});

export const consumer = task(1, async (): Promise<void> => {
  log.infoInt("task-handoff got", await result.wait());
  log.infoInt("task-handoff running", producer.running());
  await Timer.after(Duration.millis(1));
  log.infoInt("task-handoff running later", producer.running());
  producer.spawn(2);
  log.infoInt("task-handoff again", await result.wait());
});

export function main(): void {
  consumer.spawn();
  producer.spawn(4);
}
