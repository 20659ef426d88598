/**
 * The parity programs (test/firmware/parity/<name>.ts) the differential
 * suite runs, in the order of issues 12 and 13. Each program logs lines
 * that start with its name and says in its opening comment what it checks.
 *
 * - `waitsFor`: the program does not build or run as native TypeScript does
 *   yet; the suite keeps it as a skipped test naming the missing form.
 *   Delete the field when the lowering supports it.
 * - `lazy`: the program observes on purpose that Outpost's futures are
 *   lazy (a call runs when awaited, joined or selected), so the native run
 *   models that rule; the text says why.
 * - `us`: virtual time to run (default 1 s).
 */
export interface Program {
  name: string;
  waitsFor?: string;
  lazy?: string;
  us?: number;
}

export const programs: Program[] = [
  // What the lowering and the runtime did before issues 12 and 13 (they keep the shim honest).
  { name: "loops", us: 200_000 },
  { name: "select-finally", us: 200_000 },
  { name: "task-pool", us: 100_000 },
  { name: "join3-select3" },
  { name: "channel-fifo" },
  { name: "signal-latest" },
  { name: "mutex-fifo" },
  // Issue 12: async parity I.
  { name: "method-twice", waitsFor: "frames per call site for async methods (issue 12)" },
  { name: "stored-future" },
  { name: "lazy-stored", lazy: "a stored future starts when awaited, where a native call starts at once" },
  { name: "closure-local", waitsFor: "async closures (issue 12)" },
  { name: "closure-field", waitsFor: "async closures (issue 12)" },
  { name: "closure-argument", waitsFor: "async closures (issue 12)" },
  { name: "closure-factory", waitsFor: "async closures (issue 12)" },
  { name: "closure-join", waitsFor: "async closures (issue 12)" },
  { name: "async-fn-param", waitsFor: "async functions as values (issue 12)" },
  { name: "map-sum", waitsFor: "async functions as values (issue 12)" },
  { name: "named-as-value", waitsFor: "async functions as values (issue 12)" },
  { name: "callback-array", waitsFor: "async functions as values (issue 12)" },
  { name: "generic-fn", waitsFor: "generic async functions (issue 12)" },
  { name: "generic-method", waitsFor: "generic async methods (issue 12)" },
  { name: "override", waitsFor: "overriding async methods (issue 12)" },
  { name: "super-call", waitsFor: "await super.m() (issue 12)" },
  { name: "abstract-method" },
  { name: "interface-method" },
  { name: "and-await", waitsFor: "await right of && (issue 12)" },
  { name: "or-await", waitsFor: "await right of || (issue 12)" },
  { name: "nullish-await", waitsFor: "await right of ?? (issue 12)" },
  { name: "conditional-await", waitsFor: "await in ?: branches (issue 12)" },
  { name: "call-then-await", waitsFor: "await after a call in one expression (issue 12)" },
  { name: "args-order", waitsFor: "await after a call in one expression (issue 12)" },
  { name: "await-value", waitsFor: "await of values that are not futures (issue 12)" },
  { name: "for-of-array", waitsFor: "for … of in async bodies (issue 12)" },
  { name: "for-of-static", waitsFor: "for … of in async bodies (issue 12)" },
  { name: "template-log", waitsFor: "strings built in async code without allocating (issue 12)" },
  { name: "concat-log", waitsFor: "strings built in async code without allocating (issue 12)" },
  // Issue 13: async parity II.
  { name: "throw-await", waitsFor: "catch across awaits (issue 13)" },
  { name: "throw-before-await", waitsFor: "catch across awaits (issue 13)" },
  { name: "catch-continue", waitsFor: "catch across awaits (issue 13)" },
  { name: "nested-try", waitsFor: "catch across awaits (issue 13)" },
  { name: "rethrow", waitsFor: "catch across awaits (issue 13)" },
  { name: "finally-return" },
  { name: "finally-swallow", waitsFor: "errors completing futures (issue 13)" },
  { name: "error-classes", waitsFor: "catch across awaits (issue 13)" },
  { name: "join-error", waitsFor: "errors through join, select and withTimeout (issue 13)" },
  { name: "select-error", waitsFor: "errors through join, select and withTimeout (issue 13)" },
  { name: "timeout-error", waitsFor: "errors through join, select and withTimeout (issue 13)" },
  { name: "finally-order-cancel" },
  { name: "finally-await-select", waitsFor: "await in finally (issue 13)" },
  { name: "finally-await-timeout", waitsFor: "await in finally (issue 13)" },
  { name: "mutex-cleanup", waitsFor: "await in finally (issue 13)" },
  { name: "select-nested3", waitsFor: "await in finally (issue 13)" },
  { name: "cleanup-bounded", waitsFor: "await in finally (issue 13)" },
  { name: "cleanup-cancelled", waitsFor: "await in finally (issue 13)" },
  { name: "generator", waitsFor: "generators (issue 13)" },
  { name: "generator-delegate", waitsFor: "generators (issue 13)" },
  { name: "async-generator", waitsFor: "async generators (issue 13)" },
  { name: "async-generator-delegate", waitsFor: "async generators (issue 13)" },
  { name: "for-await-break", waitsFor: "async generators (issue 13)" },
  { name: "async-generator-cancel", waitsFor: "async generators (issue 13)" },
  { name: "async-next", waitsFor: "for await over an object with an async next() (issue 13)" },
];
