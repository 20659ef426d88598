// Parity program (test/parity/): a generic instance made at init by a
// generic factory function with an inferred type argument, whose async
// method result lives across an await.
import { Timer, Duration, log, task } from "outpost";

class Box<T> {
  constructor(public v: T) {}
  async get(): Promise<T> {
    await Timer.after(Duration.millis(1));
    return this.v;
  }
}
function boxOf<T>(v: T): Box<T> {
  return new Box<T>(v);
}
const box = boxOf(5);

export const user = task(1, async (): Promise<void> => {
  const a = await box.get();
  await Timer.after(Duration.millis(1));
  log.infoInt("generic-factory a", a);
});

export function main(): void {
  user.spawn();
}
