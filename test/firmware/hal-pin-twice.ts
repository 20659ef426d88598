// Test firmware for test/hal/pin.test.ts: claims LED1 twice, which must
// stop the firmware with a PERIPHERAL panic naming the pin.
import { Input, Output, Pull } from "outpost/hal";
import { LED1 } from "outpost/board";

export function main(): void {
  new Output(LED1, "LED1");
  new Input(LED1, Pull.NONE, "LED1");
}
