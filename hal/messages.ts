/**
 * The HAL's panic messages, in one place. Each writes its text with the
 * runtime's text writers (no allocation, so they work after the heap is
 * sealed), names the pin, port or object and says how to fix the problem,
 * then stops the firmware through `panicNow`. Called by HAL implementation
 * files only; drivers report failures as ErrorKind values instead.
 */
import { AbiError, PanicCode, PinMode } from "outpost/abi";
import { panicNow } from "outpost/panic";
import { Text, textBegin, textInt, textLiteral, textPut, textString } from "outpost/text";

/**
 * A second operation was started on a direction that has one in flight.
 *   `UART0 already has a read in flight: await it or cancel it before starting another`
 */
export function panicBusy(owner: string, what: Text): void {
  textBegin();
  textString(owner);
  busy(what);
}

/** `panicBusy` for an owner called `kind "name"` (`kind` alone for no name), written without building that string. */
export function panicBusyOf(kind: Text, name: string, what: Text): void {
  textBegin();
  textPut(kind);
  if (name.length > 0) {
    textLiteral(" \"");
    textString(name);
    textLiteral("\"");
  }
  busy(what);
}

function busy(what: Text): void {
  textLiteral(" already has a ");
  textPut(what);
  textLiteral(" in flight: await it or cancel it before starting another");
  panicNow(PanicCode.BUSY);
}

/** The label of a pin in messages: `pin 13 (LED1)`, or `pin 13` without a name. Init only: it allocates. */
export function pinLabel(pin: i32, name: string): string {
  return numberedLabel("pin ", pin, name);
}

/** The label of a UART in messages: its name, or `UART<port>`. Init only: it allocates. */
export function uartLabel(port: i32, name: string): string {
  return name.length > 0 ? name : numberedLabel("UART", port, "");
}

/**
 * `prefix`, `n` in decimal, then ` (name)` unless `name` is empty, as a new
 * string. Writes the characters straight into the string it allocates (no
 * concatenation or number formatting from the standard library, which would
 * cost more code than every label it builds). Init only: it allocates.
 */
function numberedLabel(prefix: string, n: i32, name: string): string {
  let u = <u32>(n < 0 ? -n : n); // |n|, also for i32.MIN_VALUE
  let digits: usize = 1;
  for (let v = u; v >= 10; v /= 10) digits++;
  let length = <usize>prefix.length + digits + (n < 0 ? 1 : 0);
  if (name.length > 0) length += <usize>name.length + 3;
  const label = changetype<string>(__new(length << 1, idof<string>())); // filled completely below
  let at = copyChars(changetype<usize>(label), prefix);
  if (n < 0) {
    store<u16>(at, 0x2d); // '-'
    at += 2;
  }
  at += digits << 1;
  for (let p = at; ; u /= 10) {
    p -= 2;
    store<u16>(p, 0x30 + u % 10); // p lies in the digits just reserved
    if (u < 10) break;
  }
  if (name.length > 0) {
    store<u32>(at, 0x28_0020); // " (": two UTF-16 code units, little-endian
    at = copyChars(at + 4, name);
    store<u16>(at, 0x29); // ')', the last code unit of `length`
  }
  return label;
}

/** Copies `s`'s UTF-16 code units to `to`; returns the address after them. */
function copyChars(to: usize, s: string): usize {
  const end = to + (<usize>s.length << 1);
  for (let from = changetype<usize>(s); to < end; to += 2, from += 2) store<u16>(to, load<u16>(from)); // caller sized `to` for s
  return end;
}

/** Writes a pin's label as `pinLabel` spells it, without allocating. */
export function textPinLabel(pin: i32, name: string): void {
  textLiteral("pin ");
  textInt(pin);
  if (name.length > 0) {
    textLiteral(" (");
    textString(name);
    textLiteral(")");
  }
}

/** `gpio_configure` failed for `mode` (a PinMode value) on `pin`, called `name` by the firmware. */
export function panicPinConfigure(pin: i32, name: string, error: i32, mode: i32): void {
  textBegin();
  textPinLabel(pin, name);
  if (error == AbiError.PIN_BUSY) {
    textLiteral(" is already in use: each pin can be configured once");
  } else if (error == AbiError.NO_PIN) {
    textLiteral(" does not exist on this board: use a pin constant from outpost/board");
  } else if (error == AbiError.BAD_CONFIG) {
    textLiteral(" does not support mode ");
    textPinMode(mode);
    textLiteral(": choose another mode or another pin");
  } else {
    textLiteral(" could not be configured (error ");
    textInt(error);
    textLiteral(")");
  }
  panicNow(PanicCode.PERIPHERAL);
}

/** Writes a PinMode's name: `INPUT_PULLUP`. */
function textPinMode(mode: i32): void {
  if (mode == PinMode.OUTPUT) textLiteral("OUTPUT");
  else if (mode == PinMode.INPUT) textLiteral("INPUT");
  else if (mode == PinMode.INPUT_PULLUP) textLiteral("INPUT_PULLUP");
  else if (mode == PinMode.INPUT_PULLDOWN) textLiteral("INPUT_PULLDOWN");
  else textLiteral("unknown");
}

/** `uart_configure` failed. */
export function panicUartConfigure(label: string, error: i32, baud: i32): void {
  textBegin();
  textString(label);
  if (error == AbiError.PORT_BUSY) {
    textLiteral(" is already in use: each UART can be configured once");
  } else if (error == AbiError.NO_PORT) {
    textLiteral(" does not exist on this board: use a UART constant from outpost/board");
  } else if (error == AbiError.PIN_BUSY) {
    textLiteral(" cannot claim its TX/RX pins: one of them is already configured as a GPIO");
  } else if (error == AbiError.BAD_CONFIG) {
    textLiteral(" rejected ");
    textInt(baud);
    textLiteral(" baud: use a standard rate such as 9600 or 115200");
  } else {
    textLiteral(" could not be configured (error ");
    textInt(error);
    textLiteral(")");
  }
  panicNow(PanicCode.PERIPHERAL);
}

/**
 * A buffer range outside its buffer.
 *   `UART0 read: range [0, 40) is outside a buffer of 32 bytes`
 */
export function panicRange(owner: string, what: Text, start: i32, end: i32, length: i32): void {
  textBegin();
  textString(owner);
  textLiteral(" ");
  textPut(what);
  textLiteral(": range [");
  textInt(start);
  textLiteral(", ");
  textInt(end);
  textLiteral(") is outside a buffer of ");
  textInt(length);
  textLiteral(" bytes");
  panicNow(PanicCode.ABORT);
}

