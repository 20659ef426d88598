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
  { name: "method-twice" },
  { name: "stored-future" },
  { name: "lazy-stored", lazy: "a stored future starts when awaited, where a native call starts at once" },
  { name: "closure-local" },
  { name: "closure-field" },
  { name: "closure-argument" },
  { name: "closure-factory" },
  { name: "closure-join" },
  { name: "closure-nested" },
  { name: "async-fn-param" },
  { name: "map-sum" },
  { name: "named-as-value" },
  { name: "callback-array" },
  { name: "generic-fn" },
  { name: "generic-method" },
  { name: "override" },
  { name: "super-call" },
  { name: "abstract-method" },
  { name: "interface-method" },
  { name: "and-await" },
  { name: "or-await" },
  { name: "nullish-await" },
  { name: "conditional-await" },
  { name: "call-then-await" },
  { name: "args-order" },
  { name: "await-value" },
  { name: "for-of-array" },
  { name: "for-of-static" },
  { name: "template-log" },
  { name: "concat-log" },
  // Issue 13: async parity II.
  { name: "throw-await" },
  { name: "throw-before-await" },
  { name: "catch-continue" },
  { name: "nested-try" },
  { name: "rethrow" },
  { name: "finally-return" },
  { name: "finally-swallow" },
  { name: "error-classes" },
  { name: "join-error" },
  { name: "select-error" },
  { name: "timeout-error" },
  { name: "finally-order-cancel" },
  { name: "finally-await-select" },
  { name: "finally-await-timeout" },
  { name: "mutex-cleanup" },
  { name: "select-nested3" },
  { name: "cleanup-bounded" },
  { name: "cleanup-cancelled" },
  { name: "generator" },
  { name: "generator-delegate" },
  { name: "async-generator" },
  { name: "async-generator-delegate" },
  { name: "for-await-break" },
  { name: "async-generator-cancel" },
  { name: "async-next" },
  // Everyday forms tried beside those: compound assignment, switch, loop headers, shadowing, defaults, results,
  // a retry loop with back-off, a channel drained to a sentinel, awaits in call arguments and conditionals,
  // an async arrow as a field's initial value, a nullable local narrowed across awaits.
  { name: "compound-await" },
  { name: "switch-await" },
  { name: "loop-header-await" },
  { name: "shadowing" },
  { name: "early-exit" },
  { name: "method-state" },
  { name: "default-params" },
  { name: "class-results" },
  { name: "closure-ctor" },
  { name: "retry-backoff" },
  { name: "sentinel-drain" },
  { name: "await-in-args" },
  { name: "closure-field-init" },
  { name: "nullable-narrow" },
  { name: "same-instant" },
];
