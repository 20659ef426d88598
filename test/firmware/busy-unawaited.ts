// A sync wrapper returns an async method's future: one call site for all its callers, so a second
// call made before the first is awaited stops the firmware with a BUSY panic (test/runtime/busy-call.test.ts).
import { Timer, Duration, log, task } from "outpost";

class Adc {
  async sample(ch: i32): Promise<i32> {
    await Timer.after(Duration.millis(1));
    return ch * 10;
  }
  read(ch: i32): Promise<i32> {
    return this.sample(ch);
  }
}
const adc = new Adc();

export const user = task(1, async (): Promise<void> => {
  log.infoInt("one at a time", await adc.read(1));
  const a = adc.read(2);
  const b = adc.read(3);
  log.infoInt("never", (await a) + (await b));
});

export function main(): void {
  user.spawn();
}
