/**
 * The panics of async code (the lowering's generated code calls them; see
 * src/toolchain/lower/): an error that escaped a task, a cleanup that
 * threw, an async function value called while busy, a sync generator that
 * threw, the value of a future that lost a select read, an async call
 * outside async code after init. A file of its own, so firmware without
 * them does not carry their messages. Like errors.ts, each builds its text with the text.ts writers
 * (no allocation) and stops the firmware through `panicNow`.
 */
import { PanicCode } from "./abi";
import { panicNow } from "./panic";
import { textAsker } from "./errors";
import { Text, textBegin, textLiteral, textPut, textString } from "./text";
import { chainEscaped } from "./chain";
import { Future } from "./future";
import { initFinished } from "./executor";

/**
 * An error escaped the task that raised it (`throw` with no `catch` on the
 * way up): a task has no awaiter, so this is a panic naming the task and the
 * error. The host's report adds the task's await chain.
 */
export function panicUncaught(error: Error): void {
  chainEscaped();
  textBegin();
  textAsker();
  textLiteral(" failed: uncaught ");
  textString(error.name);
  textLiteral(": ");
  textString(error.message);
  textLiteral(" (catch it with try { … } catch (e) { … }, or return an error value instead of throwing)");
  panicNow(PanicCode.ABORT);
}

/**
 * A `finally` block that ran because its future was cancelled threw: the
 * error has nowhere to go (the canceller is not waiting for a result), so it
 * is a bug, reported like a panic in a destructor. The host's report adds
 * the chain its `throw` was made in, ending at the throw (inside the
 * cleanup), as for an error that escapes a task.
 */
export function panicCleanup(error: Error, fn: Text): void {
  chainEscaped();
  textBegin();
  textPut(fn);
  textLiteral(": a finally block threw while the call was being cancelled: ");
  textString(error.name);
  textLiteral(": ");
  textString(error.message);
  textLiteral(" (cleanup must not throw: catch inside the finally block)");
  panicNow(PanicCode.ABORT);
}

/**
 * An async function value (a closure, or a named async function used as a
 * value) was called while its previous call is still in flight: a value has
 * one frame, so one call at a time. Names the value and both calls.
 */
export function panicBusyCall(what: Text, first: Text, second: Text): void {
  textBegin();
  textPut(what);
  textLiteral(" was called at ");
  textPut(second);
  textLiteral(" while its call at ");
  textPut(first);
  textLiteral(" is still in flight: an async function value runs one call at a time; await (or cancel) the first call before making the next, or make one value per concurrent caller");
  panicNow(PanicCode.BUSY);
}

/**
 * A sync generator (`function*`) threw: `next()` returns the generator's
 * object, which cannot carry an error in AssemblyScript, so the error stops
 * the firmware here instead of being lost.
 */
export function panicGenerator(error: Error, fn: Text): void {
  chainEscaped();
  textBegin();
  textLiteral("generator ");
  textPut(fn);
  textLiteral(" threw ");
  textString(error.name);
  textLiteral(": ");
  textString(error.message);
  textLiteral(" (a sync generator cannot throw to its consumer: yield an error value, or use an async generator, whose errors reach for await)");
  panicNow(PanicCode.ABORT);
}

/**
 * `f.value` in async code, for a future `f` the code keeps: `f` itself,
 * or a panic when it lost a select (or a failed join cancelled it), so it
 * never finished and has no value. `read` names the read (`main.ts:9:24
 * a.value`).
 */
export function wonValue<F extends Future>(f: F, read: Text): F {
  if (f.isLost()) panicLostValue(read);
  return f;
}

function panicLostValue(read: Text): void {
  textBegin();
  textPut(read);
  textLiteral(" reads the value of a future that lost a select (or that a failed join cancelled): it never finished, so it has none; read the winner's (select returns its index)");
  panicNow(PanicCode.ABORT);
}

/**
 * An async function called outside async code (a sync helper, main(),
 * module level) makes a new frame per call: fine at init, but after init
 * it would be an allocation. Generated code calls this first, so the panic
 * names the call instead of only its bytes. `call` is `work(n)
 * (main.ts:3:38)`.
 */
export function frameOutside(call: Text): void {
  if (!initFinished()) return;
  textBegin();
  textPut(call);
  textLiteral(" makes a new frame per call, and this call runs after init outside async code, where nothing may be allocated: await the call in async code (its frame is then part of the caller's), or make the future at init");
  panicNow(PanicCode.ALLOC_AFTER_INIT);
}
