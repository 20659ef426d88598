// Test firmware for test/conformance/ (chains.test.ts, firmware.ts): a rule the host enforces
// (a pin written before it is configured: a PERIPHERAL panic) broken two
// calls deep in task poker, after an await in each. Every host names the
// task and prints its await chain under the panic.
import { Duration, Timer, task } from "outpost";
import { gpio_write } from "outpost/abi";

async function poke(): Promise<void> {
  await Timer.after(Duration.millis(5));
  gpio_write(3, 1); // never configured
}

async function reach(): Promise<void> {
  await Timer.after(Duration.millis(5));
  await poke();
}

export const poker = task(1, async (): Promise<void> => {
  await reach();
});

export function main(): void {
  poker.spawn();
}
