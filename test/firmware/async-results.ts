// The results of select and join, read the way README.md and hal/README.md
// show (test/docs/snippets.test.ts checks those pages quote this file and
// runs it): `await` of a select gives the index of the branch that finished
// first; each branch's own result stays in its future, read with `.value`.
import { Timer, Duration, join, select, log, task } from "outpost";
import { Uart } from "outpost/hal";
import { UART0 } from "outpost/board";

async function measure(ms: i32): Promise<i32> {
  await Timer.after(Duration.millis(ms));
  return ms * 10;
}

const buf = new StaticArray<u8>(16);

export const results = task(1, async (): Promise<void> => {
  for (let ms = 3; ms <= 9; ms += 6) {
    const reading = measure(ms);
    const winner = await select(reading, Timer.after(Duration.millis(5)));
    if (winner == 0) log.infoInt("read", reading.value); // reading finished first: its value
    else log.info("timed out"); // the timer won; reading was cancelled
  }

  const a = measure(2);
  const b = measure(4);
  await join(a, b); // both finish, whatever the order
  log.infoInt("sum", a.value + b.value);
});

export const listener = task(1, async (uart: Uart): Promise<void> => {
  for (let i = 0; i < 2; i++) {
    const read = uart.read(buf);
    const first = await select(read, Timer.after(Duration.millis(100)));
    if (first == 0) log.infoInt("received bytes:", read.value);
    else log.info("nothing within 100 ms"); // the read was cancelled: no byte lost
  }
});

export function main(): void {
  results.spawn();
  listener.spawn(new Uart(UART0, 115200, "UART0"));
}
