/**
 * The words of ABI v1's host rules (boards/ABI.md): a pin or UART port used
 * before the firmware configured it, or one the board lacks, stops the
 * firmware with a PERIPHERAL panic. Every host says it in these words: the
 * simulator (sim/gpio.ts, sim/uart.ts) from its board; the Espruino glue,
 * which carries no board names (they would cost JsVars on the chip), by
 * number, which the simulated Espruino host says again in the board's words
 * (inBoardWords).
 */
import { type Board, pinLabel } from "./boards.ts";

/** `call` used the pin or UART `name` before gpio_configure or uart_configure. */
export function notConfigured(call: string, name: string, kind: "gpio" | "uart"): string {
  return `${call} on ${name}, which is not configured: call ${kind}_configure first`;
}

/** `call` used `pin`, which is not configured (or which the board lacks). */
export function pinRule(board: Board, call: string, pin: number): string {
  if (!Object.values(board.pins).includes(pin)) return `${call} on pin ${pin}, which board "${board.name}" lacks`;
  return notConfigured(call, pinLabel(board, pin), "gpio");
}

/** `call` used UART `port`, which is not configured (or which the board lacks). */
export function portRule(board: Board, call: string, port: number): string {
  const name = Object.keys(board.uarts).find((n) => board.uarts[n]!.port === port);
  if (name === undefined) return `${call} on port ${port}, which board "${board.name}" lacks`;
  return notConfigured(call, name, "uart");
}

/** A host-rule message that names its pin or port by number (`gpio_write on pin 3, …`), in `board`'s words; other text unchanged. */
export function inBoardWords(board: Board, message: string): string {
  const m = /^(\w+) on (pin|port) (-?\d+), which is not configured: call (?:gpio|uart)_configure first$/.exec(message);
  if (!m) return message;
  return m[2] === "pin" ? pinRule(board, m[1]!, Number(m[3])) : portRule(board, m[1]!, Number(m[3]));
}
