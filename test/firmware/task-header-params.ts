// A task over a named async function whose parameters are named as the
// task's own header fields (`id`, the waker; `name`, `state`, `deadline`):
// each keeps its own value and the task keeps its own id, so a Signal
// wakes the task that waits on it; and an async function whose parameters
// and locals are named as the methods of a frame's base class (`failure`,
// `awaitSite`, …) keeps them apart (test/runtime/task-header-params.test.ts).
import { Duration, Signal, Timer, log, task } from "outpost";

const ready = new Signal<i32>("ready");

async function step(failure: i32, awaiting: i32, isLost: i32): Promise<i32> {
  const pollCancel: i32 = failure + 1;
  await Timer.after(Duration.millis(1));
  const awaitSite: i32 = awaiting * 2;
  return pollCancel * 100 + awaitSite * 10 + isLost;
}

async function waiter(id: i32, name: i32, state: i32, deadline: i64): Promise<void> {
  const v = await ready.wait();
  log.infoInt("waiter step", await step(1, 2, 3));
  log.infoInt("waiter got", v);
  log.infoInt("waiter params", <i64>id * 1000 + <i64>name * 100 + <i64>state * 10 + deadline);
}

export const first = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(10));
  log.info("first done");
});
export const waiters = task(1, waiter);
export const sender = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(1));
  ready.signal(7);
});

export function main(): void {
  first.spawn();
  waiters.spawn(0, 2, 3, 4);
  sender.spawn();
}
