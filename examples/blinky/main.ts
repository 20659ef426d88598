// Blinky: LED1 on at boot, then toggled every 500 ms, for ever.
import { Ticker, Duration, log, task } from "outpost";
import { Output } from "outpost/hal";
import { LED1 } from "outpost/board";

let led!: Output;
const ticker = new Ticker();

export const blink = task(1, async (): Promise<void> => {
  ticker.every(Duration.millis(500));
  while (true) {
    await ticker.next();
    led.toggle();
  }
});

export function main(): void {
  log.info("blinky: LED1 toggles every 500 ms");
  led = new Output(LED1, "LED1", true);
  blink.spawn();
}
