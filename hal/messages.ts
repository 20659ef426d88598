/**
 * The HAL's panic messages, in one place. Each writes its text with the
 * runtime's text writers (no allocation, so they work after the heap is
 * sealed), names the pin, port or object and says how to fix the problem,
 * then stops the firmware through `panicNow`. Called by HAL implementation
 * files only; drivers report failures as ErrorKind values instead.
 */
import { AbiError, PanicCode } from "outpost/abi";
import { panicNow } from "outpost/panic";
import { textBegin, textInt, textString } from "outpost/text";

/**
 * A second operation was started on a direction that has one in flight.
 *   `UART0 already has a read in flight: await it or cancel it before starting another`
 */
export function panicBusy(owner: string, what: string): void {
  textBegin();
  textString(owner);
  textString(" already has a ");
  textString(what);
  textString(" in flight: await it or cancel it before starting another");
  panicNow(PanicCode.BUSY);
}

/** The label of a pin in messages: `pin 13 (LED1)`, or `pin 13` without a name. Init only: it allocates. */
export function pinLabel(pin: i32, name: string): string {
  const number = "pin " + pin.toString();
  return name.length > 0 ? number + " (" + name + ")" : number;
}

/** The label of a UART in messages: its name, or `UART<port>`. Init only: it allocates. */
export function uartLabel(port: i32, name: string): string {
  return name.length > 0 ? name : "UART" + port.toString();
}

/** `gpio_configure` failed. */
export function panicPinConfigure(label: string, error: i32, modeName: string): void {
  textBegin();
  textString(label);
  if (error == AbiError.PIN_BUSY) {
    textString(" is already in use: each pin can be configured once");
  } else if (error == AbiError.NO_PIN) {
    textString(" does not exist on this board: use a pin constant from outpost/board");
  } else if (error == AbiError.BAD_CONFIG) {
    textString(" does not support mode ");
    textString(modeName);
    textString(": choose another mode or another pin");
  } else {
    textString(" could not be configured (error ");
    textInt(error);
    textString(")");
  }
  panicNow(PanicCode.PERIPHERAL);
}

/** `uart_configure` failed. */
export function panicUartConfigure(label: string, error: i32, baud: i32): void {
  textBegin();
  textString(label);
  if (error == AbiError.PORT_BUSY) {
    textString(" is already in use: each UART can be configured once");
  } else if (error == AbiError.NO_PORT) {
    textString(" does not exist on this board: use a UART constant from outpost/board");
  } else if (error == AbiError.PIN_BUSY) {
    textString(" cannot claim its TX/RX pins: one of them is already configured as a GPIO");
  } else if (error == AbiError.BAD_CONFIG) {
    textString(" rejected ");
    textInt(baud);
    textString(" baud: use a standard rate such as 9600 or 115200");
  } else {
    textString(" could not be configured (error ");
    textInt(error);
    textString(")");
  }
  panicNow(PanicCode.PERIPHERAL);
}

/**
 * A buffer range outside its buffer.
 *   `UART0 read: range [0, 40) is outside a buffer of 32 bytes`
 */
export function panicRange(owner: string, what: string, start: i32, end: i32, length: i32): void {
  textBegin();
  textString(owner);
  textString(" ");
  textString(what);
  textString(": range [");
  textInt(start);
  textString(", ");
  textInt(end);
  textString(") is outside a buffer of ");
  textInt(length);
  textString(" bytes");
  panicNow(PanicCode.ABORT);
}

/** A constructor or method got an argument it cannot work with. */
export function panicArgument(owner: string, what: string, value: i64): void {
  textBegin();
  textString(owner);
  textString(": ");
  textString(what);
  textString(" (got ");
  textInt(value);
  textString(")");
  panicNow(PanicCode.ABORT);
}
