/**
 * What a WebAssembly trap is called on every Outpost host. Engines word
 * them differently (V8: "divide by zero", wasm3: "[trap] integer divide by
 * zero", wasm2c: WASM_RT_TRAP_DIV_BY_ZERO); every host reports a trap as
 * `panic TRAP in task …: <words>` with the words below, which are wasm3's
 * but for a stack overflow (boards/wasm/host/report.c strips wasm3's tag
 * and names its "stack overflow" as below; wasm2c_runtime.c maps wasm2c's
 * kinds to the same words).
 */

export const TRAP_WORDS = {
  unreachable: "unreachable executed",
  outOfBounds: "out of bounds memory access",
  divideByZero: "integer divide by zero",
  overflow: "integer overflow",
  conversion: "invalid conversion to integer",
  indirectCall: "indirect call type mismatch",
  stack: "call stack exhausted",
} as const;

/** V8's messages (a RuntimeError's, or the RangeError of a stack overflow), in the hosts' words. */
const V8_TRAPS: [RegExp, string][] = [
  [/^unreachable/, TRAP_WORDS.unreachable],
  [/memory access out of bounds|out of bounds memory access/, TRAP_WORDS.outOfBounds],
  [/(divide|remainder) by zero/, TRAP_WORDS.divideByZero],
  [/divide result unrepresentable|integer overflow/, TRAP_WORDS.overflow],
  [/float unrepresentable|invalid conversion/, TRAP_WORDS.conversion],
  [/signature mismatch|null function|table index is out of bounds|indirect call/, TRAP_WORDS.indirectCall],
  [/call stack/i, TRAP_WORDS.stack],
];

/** The hosts' words for an engine's trap message; an unknown message stays as it is. */
export function trapWords(message: string): string {
  return V8_TRAPS.find(([pattern]) => pattern.test(message))?.[1] ?? message;
}
