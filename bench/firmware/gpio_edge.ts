/**
 * GPIO edge benchmark firmware: a task waits for any edge on BTN1 and
 * toggles LED1 at each one. The host (bench/gpio_edge.bench.ts) raises the
 * edges and watches LED1: the time between an edge and the LED's change is
 * the edge-to-task latency, in virtual time.
 */
import { task } from "outpost";
import { Input, Output, Pull } from "outpost/hal";
import { BTN1, LED1 } from "outpost/board";

export const follower = task(1, async (input: Input, led: Output): Promise<void> => {
  while (true) {
    await input.waitForAnyEdge();
    led.toggle();
  }
});

export function main(): void {
  follower.spawn(new Input(BTN1, Pull.NONE, "BTN1"), new Output(LED1, "LED1"));
}
