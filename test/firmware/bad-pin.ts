// Imports a pin the sim board lacks: the build must name it and list valid pins.
import { LED9 } from "outpost/board";
import { Output } from "outpost/hal";

const led = new Output(LED9);

export function main(): void {
  led.setHigh();
}
