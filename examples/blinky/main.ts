// Blinky: LED1 on at boot, then toggled every 500 ms, for ever.
import { Ticker, Duration, log, task } from "outpost";
import { Output } from "outpost/hal";
import { LED1 } from "outpost/board";

const ticker = new Ticker();

// The task gets its LED when it is spawned: peripherals are set up in main().
export const blink = task(1, async (led: Output): Promise<void> => {
  ticker.every(Duration.millis(500));
  while (true) {
    await ticker.next();
    led.toggle();
  }
});

export function main(): void {
  log.info("blinky: LED1 toggles every 500 ms");
  blink.spawn(new Output(LED1, "LED1", true));
}
