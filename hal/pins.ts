/**
 * Claiming a pin from the host: `gpio_configure` with a panic that names the
 * pin and the problem when it fails. Called by `Output` and `Input`
 * constructors (init only); a pin is claimed once for the firmware's life.
 */
import { gpio_configure, PinMode } from "outpost/abi";
import { panicPinConfigure } from "outpost/hal/messages";

/** Pull resistor of an `Input`. */
export namespace Pull {
  /** Floating: the level is whatever drives the pin (reads 0 in the simulator when nothing does). */
  // @ts-ignore: decorator
  @inline export const NONE: i32 = 0;
  /** Pulled up: reads high unless driven low (active-low buttons). */
  // @ts-ignore: decorator
  @inline export const UP: i32 = 1;
  /** Pulled down: reads low unless driven high. */
  // @ts-ignore: decorator
  @inline export const DOWN: i32 = 2;
}

/** The ABI mode for an input with `pull`. */
export function inputMode(pull: i32): i32 {
  if (pull == Pull.UP) return PinMode.INPUT_PULLUP;
  if (pull == Pull.DOWN) return PinMode.INPUT_PULLDOWN;
  return PinMode.INPUT;
}

/** Configures `pin` in `mode`; PERIPHERAL panic naming the pin (`pin 13 (LED1)`, with `name`) if the host refuses. */
export function claimPin(pin: i32, mode: i32, name: string): void {
  const error = gpio_configure(pin, mode);
  if (error != 0) panicPinConfigure(pin, name, error, mode);
}
