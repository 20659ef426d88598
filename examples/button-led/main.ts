// Button LED: each press of BTN1 toggles LED1. The Button driver debounces
// the contacts (20 ms quiet), so a bouncing press toggles exactly once.
import { log, task } from "outpost";
import { Input, Output, Pull, TimerDelay } from "outpost/hal";
import { Button, ButtonEvent } from "outpost/drivers/button";
import { BTN1, LED1 } from "outpost/board";

export const buttonLed = task(1, async (button: Button, led: Output): Promise<void> => {
  for await (const event of button) {
    if (event == ButtonEvent.PRESS) led.toggle();
  }
});

export function main(): void {
  log.info("button-led: press BTN1 to toggle LED1");
  const led = new Output(LED1, "LED1");
  // BTN1 is active low: pulled up, and a press connects it to ground.
  const button = new Button(new Input(BTN1, Pull.UP, "BTN1"), new TimerDelay("button"), true, 20);
  buttonLed.spawn(button, led);
}
