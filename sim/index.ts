/**
 * Outpost's simulator: run a firmware (.wasm, ABI v1) on a simulated board
 * in virtual time, drive its pins, buttons and UARTs, and inspect what it
 * did. Tests and the `outpost sim` command import from here only.
 *
 *   const sim = await Simulator.load(wasmBytes, { board: "sim" });
 *   sim.button("BTN1").tap("1s", "50ms");
 *   sim.runFor("2s");
 *   sim.pin("LED1").history;   // [{ at: 1000000, level: 1 }, ...]
 *   sim.tasks();               // state, polls, wakes and await site of each task
 *   sim.liveness();            // running, idle, done or deadlock (liveness.ts)
 *
 *   const outcome = runScenario(sim, parseScenario(yamlText, "shell.yaml"));
 *   outcome.status;            // "passed", or why not, with the failing step
 */
export { HISTORY_LIMIT, LOG_RATE, Simulator, STALL_POLLS } from "./simulator.ts";
export * from "./types.ts";
export { TASK_STATES } from "../src/contract/abi-codes.ts";
export { parseDuration, formatDuration, formatTime } from "../src/contract/duration.ts";
export { type Scenario, type Step, type StepKind, parseScenario, checkScenario } from "./scenario.ts";
export { type RunOptions, type RunOutcome, type RunStatus, type ScenarioTarget, ScenarioRun, runScenario } from "./scenario-run.ts";
export { assessLiveness } from "./liveness.ts";
export { formatSite, parseSiteTable } from "./sites.ts";
export { type VcdOptions, VcdWriter, formatVcd } from "./vcd.ts";
export { type TraceEvent, type TraceFile, TraceRecorder } from "./trace.ts";
export { mergeListeners } from "./listeners.ts";
export { type FuzzFailure, type FuzzInvariant, type FuzzOptions, type FuzzResult, fuzzSeed, fuzzSeedTwice } from "./fuzz.ts";
