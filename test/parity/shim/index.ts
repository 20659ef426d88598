/**
 * A promise-based twin of Outpost's firmware API ("outpost") for Node: a
 * parity program (test/firmware/parity/) runs as plain TypeScript with
 * native async/await over a virtual clock. native.ts imports each program
 * with "outpost" pointing here, and the differential test compares its
 * trace with the lowered firmware's in the simulator.
 *
 * It is a model of Outpost's executor and futures, not of any expected
 * output:
 * - tasks, the FIFO run queue and timer wakes as in src/runtime/executor.ts
 *   (executor.ts);
 * - every native async call is a frame that polls the future its body
 *   awaits, as a lowered state machine does (core.ts); calls start when
 *   called, as in native TypeScript, or — for programs that observe
 *   Outpost's laziness on purpose — when first polled;
 * - errors complete a future as failed and are thrown at its await;
 *   cancellation is two-phase and lets finally blocks await (core.ts);
 * - select, join, withTimeout (combinators.ts) and Channel, Signal, Mutex
 *   (sync.ts) with the runtime's ordering rules;
 * - `log` writes "<µs> <text>" lines (log.ts).
 *
 * `$async` and `$rethrowCancel` are for native.ts's rewrite of a program,
 * never for programs themselves.
 */
export { $async, $enterFinally, $leaveFinally, $rethrowCancel, Cancelled, ShimError, ShimFuture, Frame } from "./core.ts";
export { reset, runUntil, task, traceLines } from "./executor.ts";
export { Duration, Instant, Timer, Yield } from "./time.ts";
export { log } from "./log.ts";
export { Join, Select, WithTimeout, join, join3, select, select3, withTimeout } from "./combinators.ts";
export { Channel, Mutex, Signal } from "./sync.ts";
