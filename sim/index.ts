/**
 * Outpost's simulator: run a firmware (.wasm, ABI v1) on a simulated board
 * in virtual time, drive its pins, buttons and UARTs, and inspect what it
 * did. Tests and the `outpost sim` command import from here only.
 *
 *   const sim = await Simulator.load(wasmBytes, { board: "sim" });
 *   sim.button("BTN1").tap("1s", "50ms");
 *   sim.runFor("2s");
 *   sim.pin("LED1").history;   // [{ at: 1000000, level: 1 }, ...]
 */
export { Simulator, STALL_POLLS } from "./simulator.ts";
export * from "./types.ts";
export { parseDuration, formatTime } from "../src/toolchain/duration.ts";
