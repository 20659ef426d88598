/**
 * `Output`: an ABI-backed push-pull output pin, implementing `OutputPin`.
 *
 *   const led = new Output(LED1, "LED1");   // at init: claims the pin, drives it low
 *   led.toggle();                           // anywhere, any time
 *
 * The constructor claims the pin (`gpio_configure`, mode OUTPUT) and panics
 * PERIPHERAL if the host refuses, e.g.
 * `pin 13 (LED1) is already in use: each pin can be configured once`.
 * `name` is only for such messages. Methods are synchronous, never
 * allocate, cost one host call (`isSetHigh` none) and cannot fail.
 */
import { gpio_write, PinMode } from "outpost/abi";
import { OutputPin } from "outpost/hal/digital";
import { claimPin } from "outpost/hal/pins";

export class Output implements OutputPin {
  readonly pin: i32;
  private high: bool = false;

  /** Claims `pin` as an output starting at `initialHigh`. Init only. */
  constructor(pin: i32, name: string = "", initialHigh: bool = false) {
    this.pin = pin;
    claimPin(pin, PinMode.OUTPUT, name);
    if (initialHigh) this.setHigh();
  }

  setHigh(): void {
    this.high = true;
    gpio_write(this.pin, 1);
  }

  setLow(): void {
    this.high = false;
    gpio_write(this.pin, 0);
  }

  /** Drives high for `high`, low otherwise. */
  set(high: bool): void {
    if (high) this.setHigh();
    else this.setLow();
  }

  toggle(): void {
    this.set(!this.high);
  }

  isSetHigh(): bool {
    return this.high;
  }
}
