// Button LED: each press of BTN1 toggles LED1. The Button driver debounces
// the contacts (20 ms quiet), so a bouncing press toggles exactly once.
import { log, task } from "outpost";
import { Input, Output, Pull, TimerDelay } from "outpost/hal";
import { Button, ButtonEvent } from "outpost/drivers/button";
import { BTN1, BTN1_ACTIVE_LOW, LED1 } from "outpost/board";

export const buttonLed = task(1, async (button: Button, led: Output): Promise<void> => {
  for await (const event of button) {
    if (event == ButtonEvent.PRESS) led.toggle();
  }
});

export function main(): void {
  log.info("button-led: press BTN1 to toggle LED1");
  const led = new Output(LED1, "LED1");
  // The board says which way BTN1 works: active low (pulled up, a press
  // connects it to ground) on the sim board, active high on Espruino boards.
  const pull = BTN1_ACTIVE_LOW ? Pull.UP : Pull.DOWN;
  const button = new Button(new Input(BTN1, pull, "BTN1"), new TimerDelay("button"), BTN1_ACTIVE_LOW, 20);
  buttonLed.spawn(button, led);
}
