// Parity program (test/parity/): an async function with eight parameters of
// mixed types (i32, i64, bool, u8, string, an object, a default) keeps
// every one across its awaits.
import { Timer, Duration, log, task } from "outpost";

class Pin {
  constructor(public n: i32) {}
}
const led = new Pin(13);

async function configure(a: i32, b: i64, c: bool, d: u8, e: string, f: Pin, g: i32, h: i64 = 7_000_000_000): Promise<i64> {
  await Timer.after(Duration.millis(1));
  log.info(`many-params ${a} ${b} ${c ? 1 : 0} ${d} ${e} ${f.n} ${g} ${h}`);
  await Timer.after(Duration.millis(2));
  return <i64>a + b + <i64>d + <i64>f.n + <i64>g + h + (c ? 1 : 0);
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("many-params sum", await configure(1, 5_000_000_000, true, 200, "uart", led, -4));
  log.infoInt("many-params sum", await configure(-1, -2, false, 0, "spi", led, 9, 3));
});

export function main(): void {
  user.spawn();
}
