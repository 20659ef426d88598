/**
 * The traps an Espruino build raises where WebAssembly traps, shared by the
 * translation (src/toolchain/espruino/traps.ts makes the firmware call an
 * import of module `outpost_trap` there; helpers.ts throws the message) and
 * the simulator's Espruino host (sim/espruino/runtime.ts), which reports
 * them in every host's words (traps.ts: "integer divide by zero").
 *
 * Each message is V8's for that trap, which traps.ts already translates.
 */

/** The import module of the trap calls. */
export const TRAP_MODULE = "outpost_trap";

/** Trap import name → its message. */
export const TRAP_MESSAGES: Readonly<Record<string, string>> = {
  divide_by_zero: "divide by zero",
  remainder_by_zero: "remainder by zero",
  divide_unrepresentable: "divide result unrepresentable",
  float_unrepresentable: "float unrepresentable in integer range",
};

/** What an `unreachable` (a failed check, `abort`) throws on Espruino, as in V8. */
export const UNREACHABLE_MESSAGE = "unreachable";

/** What a checked build (src/toolchain/espruino/checked.ts) throws for an access outside memory, as in V8. */
export const OUT_OF_BOUNDS_MESSAGE = "memory access out of bounds";

/** What V8 throws when the translation recurses past its stack (the simulated Espruino host runs in V8): the hosts' stack trap. */
export const STACK_MESSAGE = "Maximum call stack size exceeded";

/** Every message above: a TRAP line carrying one is a WebAssembly trap, not a script's exception. */
export const WASM_TRAP_MESSAGES: ReadonlySet<string> = new Set([UNREACHABLE_MESSAGE, OUT_OF_BOUNDS_MESSAGE, STACK_MESSAGE, ...Object.values(TRAP_MESSAGES)]);
