/**
 * The runtime's panic messages, in one place. Each builds its text with the
 * text.ts writers (no allocation, so they work after the heap is sealed),
 * names the thing that went wrong and says how to fix it, then stops the
 * firmware through `panicNow`. Called by the runtime's primitives only.
 *
 * A primitive without a name is described by its type (`Channel<i32>`);
 * with one, by both (`Channel<i32> "uart-rx"`).
 */
import { PanicCode } from "./abi";
import { panicNow } from "./panic";
import { runningTask } from "./current";
import { taskAt } from "./registry";
import { Text, textBegin, textInt, textLiteral, textPut, textString } from "./text";

/** Writes `Kind "name"` (or just `Kind` for an unnamed primitive). */
function textPrimitive(kind: string, name: string): void {
  textString(kind);
  if (name.length > 0) {
    textLiteral(" \"");
    textString(name);
    textLiteral("\"");
  }
}

/** Writes `task "name"`, or `an event handler` outside a poll. */
export function textAsker(): void {
  const task = runningTask();
  if (task !== null) {
    textLiteral("task \"");
    textString(task.name);
    textLiteral("\"");
  } else {
    textLiteral("an event handler");
  }
}

/**
 * `TaskPool.spawn()` found every slot of the pool running. The fix names
 * both ways a pool is declared rather than the task's class, which for a
 * `task(size, async …)` is a name the build made up.
 */
export function panicPoolFull(pool: string, size: i32): void {
  textBegin();
  textLiteral("cannot spawn task \"");
  textString(pool);
  textLiteral("\": its pool (size ");
  textInt(size);
  textLiteral(") is full; raise the pool size where it is declared (task(size, …) or new TaskPool(name, size)) or use trySpawn() to handle it");
  panicNow(PanicCode.POOL_FULL);
}

/**
 * A waiter pool is exhausted: `op` (e.g. "receive") was asked for while all
 * `size` of its waiter futures were in flight. `args` lists the
 * constructor's parameters, for the fix: `new Channel<i32>(capacity, waiters)`.
 */
export function panicWaitersBusy(kind: string, name: string, op: Text, size: i32, args: Text): void {
  textBegin();
  textPrimitive(kind, name);
  textLiteral(": ");
  textAsker();
  textLiteral(" started a ");
  textPut(op);
  textLiteral("() while all ");
  textInt(size);
  textLiteral(" of its ");
  textPut(op);
  textLiteral(" waiters were in flight; raise `waiters` in new ");
  textString(kind);
  textLiteral("(");
  textPut(args);
  textLiteral(") (each ");
  textPut(op);
  textLiteral("() future holds a waiter until it completes or is cancelled)");
  panicNow(PanicCode.BUSY);
}

/**
 * A second waiter on a one-waiter primitive (Signal): the running task (or
 * handler) wants to wait while task `holder` is parked on it.
 */
export function panicSecondWaiter(kind: string, name: string, holder: i32): void {
  textBegin();
  textPrimitive(kind, name);
  textLiteral(": ");
  textAsker();
  textLiteral(" waits on it while task \"");
  textString(taskAt(holder).name); // a parked task's id
  textLiteral("\" is already waiting; it has one waiter: give each waiter its own ");
  textString(kind);
  textLiteral(", or use a Channel");
  panicNow(PanicCode.BUSY);
}

/** A primitive was used against its rules (e.g. unlocking a free Mutex). */
export function panicMisuse(kind: string, name: string, what: Text): void {
  textBegin();
  textPrimitive(kind, name);
  textLiteral(": ");
  textAsker();
  textLiteral(" ");
  textPut(what);
  panicNow(PanicCode.ABORT);
}

/**
 * A constructor or arm method got an argument it cannot work with:
 *   `Ticker: every() needs a period of at least 1 µs (got 0)`
 * `kind` is a literal (`textOf("Ticker")`); `panicBadArgumentOf` takes a name
 * made at run time (a UART's label, a Channel's type).
 */
export function panicBadArgument(kind: Text, what: Text, value: i64): void {
  textBegin();
  textPut(kind);
  badArgument(what, value);
}

/** `panicBadArgument` for a thing whose name is a string. */
export function panicBadArgumentOf(name: string, what: Text, value: i64): void {
  textBegin();
  textString(name);
  badArgument(what, value);
}

function badArgument(what: Text, value: i64): void {
  textLiteral(": ");
  textPut(what);
  textLiteral(" (got ");
  textInt(value);
  textLiteral(")");
  panicNow(PanicCode.ABORT);
}

