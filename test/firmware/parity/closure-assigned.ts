// Parity program (test/parity/): an object's async callback field is set in
// main() from module-level arrows and swapped by a task between calls, and
// each call runs the arrow the field holds at that moment.
import { Timer, Duration, log, task } from "outpost";

class Port {
  onData: (v: i32) => Promise<i32> = noop;
  received: i32 = 0;
  async deliver(v: i32): Promise<i32> {
    this.received++;
    await Timer.after(Duration.millis(1));
    return await this.onData(v);
  }
}

const noop = async (v: i32): Promise<i32> => v;
const double = async (v: i32): Promise<i32> => {
  await Timer.after(Duration.millis(2));
  return v * 2;
};
const negate = async (v: i32): Promise<i32> => {
  await Timer.after(Duration.millis(1));
  return -v;
};

const port = new Port();

export const user = task(1, async (): Promise<void> => {
  log.infoInt("closure-assigned first", await port.deliver(5));
  port.onData = negate;
  log.infoInt("closure-assigned second", await port.deliver(6));
  port.onData = noop;
  log.infoInt("closure-assigned third", await port.deliver(7));
  log.infoInt("closure-assigned count", port.received);
});

export function main(): void {
  port.onData = double;
  user.spawn();
}
