/**
 * The firmware side of ABI v1 (boards/ABI.md): host imports and the numeric
 * codes both sides agree on. Only runtime and HAL implementation files call
 * these; firmware uses the typed APIs built on them.
 */

export const ABI_VERSION: i32 = 1;

// @ts-ignore: decorator
@external("outpost", "now_us") export declare function now_us(): i64;
// @ts-ignore: decorator
@external("outpost", "gpio_configure") export declare function gpio_configure(pin: i32, mode: i32): i32;
// @ts-ignore: decorator
@external("outpost", "gpio_write") export declare function gpio_write(pin: i32, level: i32): void;
// @ts-ignore: decorator
@external("outpost", "gpio_read") export declare function gpio_read(pin: i32): i32;
// @ts-ignore: decorator
@external("outpost", "gpio_listen") export declare function gpio_listen(pin: i32, edges: i32): void;
// @ts-ignore: decorator
@external("outpost", "uart_configure") export declare function uart_configure(port: i32, baud: i32, flags: i32): i32;
// @ts-ignore: decorator
@external("outpost", "uart_write") export declare function uart_write(port: i32, ptr: usize, len: i32): i32;
// @ts-ignore: decorator
@external("outpost", "uart_read") export declare function uart_read(port: i32, ptr: usize, len: i32): i32;
// @ts-ignore: decorator
@external("outpost", "uart_listen") export declare function uart_listen(port: i32, events: i32): void;
// @ts-ignore: decorator
@external("outpost", "log") export declare function log_write(level: i32, ptr: usize, len: i32): void;
// @ts-ignore: decorator
@external("outpost", "panic")
export declare function panic_raise(
  code: i32, task: i32, msg: usize, msgLen: i32, file: usize, fileLen: i32, line: i32, column: i32,
): void;

/** Pin modes for `gpio_configure`. */
export namespace PinMode {
  // @ts-ignore: decorator
  @inline export const INPUT: i32 = 0;
  // @ts-ignore: decorator
  @inline export const OUTPUT: i32 = 1;
  // @ts-ignore: decorator
  @inline export const INPUT_PULLUP: i32 = 2;
  // @ts-ignore: decorator
  @inline export const INPUT_PULLDOWN: i32 = 3;
}

/** Edge masks for `gpio_listen`. */
export namespace Edge {
  // @ts-ignore: decorator
  @inline export const RISING: i32 = 1;
  // @ts-ignore: decorator
  @inline export const FALLING: i32 = 2;
  // @ts-ignore: decorator
  @inline export const BOTH: i32 = 3;
}

/** Event masks for `uart_listen`. */
export namespace UartEvents {
  // @ts-ignore: decorator
  @inline export const RX: i32 = 1;
  // @ts-ignore: decorator
  @inline export const TX: i32 = 2;
  // @ts-ignore: decorator
  @inline export const ERROR: i32 = 4;
}

/** `source` values of `outpost_event`. */
export namespace EventSource {
  // @ts-ignore: decorator
  @inline export const GPIO_EDGE: i32 = 1;
  // @ts-ignore: decorator
  @inline export const UART_RX: i32 = 2;
  // @ts-ignore: decorator
  @inline export const UART_TX: i32 = 3;
  // @ts-ignore: decorator
  @inline export const UART_ERROR: i32 = 4;
  /** One past the largest source, for dispatch tables. */
  // @ts-ignore: decorator
  @inline export const COUNT: i32 = 5;
}

/** Negative results of `*_configure`. */
export namespace AbiError {
  // @ts-ignore: decorator
  @inline export const OK: i32 = 0;
  // @ts-ignore: decorator
  @inline export const NO_PIN: i32 = -1;
  // @ts-ignore: decorator
  @inline export const PIN_BUSY: i32 = -2;
  // @ts-ignore: decorator
  @inline export const NO_PORT: i32 = -3;
  // @ts-ignore: decorator
  @inline export const PORT_BUSY: i32 = -4;
  // @ts-ignore: decorator
  @inline export const BAD_CONFIG: i32 = -5;
}

/** `code` values of `panic`. */
export namespace PanicCode {
  // @ts-ignore: decorator
  @inline export const ABORT: i32 = 1;
  // @ts-ignore: decorator
  @inline export const POOL_FULL: i32 = 2;
  // @ts-ignore: decorator
  @inline export const ALLOC_AFTER_INIT: i32 = 3;
  // @ts-ignore: decorator
  @inline export const BUSY: i32 = 4;
  // @ts-ignore: decorator
  @inline export const PERIPHERAL: i32 = 5;
}
