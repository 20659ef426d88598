/**
 * Errors of the async lowering: every one names the user's original file,
 * line and column (1-based), and says what to write instead.
 *
 * Codes:
 *   ASYNC_SYNTAX     a construct the lowering cannot turn into a state machine
 *   ASYNC_TYPE       a value lives across an await and its type is unknown
 *   ASYNC_RECURSION  async functions that call each other in a cycle
 *   ASYNC_DROPPED    a future made and thrown away (it would never run)
 *
 * Warnings (the build succeeds and prints them):
 *   ASYNC_UNUSED     a future kept in a variable that nothing awaits
 *   ASYNC_COUNT      the byte count of a HAL read or write thrown away
 *
 * Lowering collects every error of a file before failing, so one build
 * shows them all. `formatLowerErrors` is the one formatter.
 */

export type LowerCode = "ASYNC_SYNTAX" | "ASYNC_TYPE" | "ASYNC_RECURSION" | "ASYNC_DROPPED";

/** Warning codes: the build succeeds, and prints them. */
export type LowerWarningCode = "ASYNC_UNUSED" | "ASYNC_COUNT";

export interface LowerDiagnostic {
  code: LowerCode | LowerWarningCode;
  message: string;
  file: string;
  line: number;
  column: number;
}

/**
 * `file:line:col: error ASYNC_TYPE: message`, one per line, in the order of the source (the lowering's
 * passes find them in their own order): each file's in line and column order, files as they were lowered.
 */
export function formatLowerErrors(diagnostics: LowerDiagnostic[], severity: "error" | "warning" = "error"): string {
  const files = [...new Set(diagnostics.map((d) => d.file))];
  const sorted = [...diagnostics].sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file) || a.line - b.line || a.column - b.column);
  return sorted.map((d) => `${d.file}:${d.line}:${d.column}: ${severity} ${d.code}: ${d.message}`).join("\n");
}

/** The messages, in one place. `what` strings are short source excerpts. */
/** What firmware writes instead of each piece of JavaScript's Promise API (`messages.promiseApi`). */
const PROMISE_API: Record<string, string> = {
  "new Promise": "for a delay `await Timer.after(Duration.millis(ms))`, for an event from another task or an interrupt a Signal (`await signal.wait()`)",
  "Promise.all": "`await join(a(), b())` (join3 for three) runs them together and fails with the first error",
  "Promise.allSettled": "`await join(a(), b())` with each call's errors caught inside it",
  "Promise.race": "`await select(a(), b())` returns the index of the first to finish and cancels the other",
  "Promise.any": "`await select(a(), b())` returns the index of the first to finish and cancels the other",
  "Promise.resolve": "an async function returns its value (`return v;`)",
  "Promise.reject": "an async function throws (`throw new Error(\"…\")`)",
  ".then": "await the future (`const v = await f()`), then use its value",
  ".catch": "await the future inside `try { … } catch (e) { … }`",
  ".finally": "await the future inside `try { … } finally { … }`",
  Promise: "use an async function, join, select or withTimeout from \"outpost\"",
};

/** JavaScript's timer functions, and what a task does instead. */
export const JS_TIMERS: Record<string, string> = {
  setTimeout: "in a task, `await Timer.after(Duration.millis(ms))`, then do the work",
  setInterval: "in a task, a Ticker: `ticker.every(Duration.millis(ms))`, then `while (true) { await ticker.next(); … }`",
  setImmediate: "in a task, `await Yield.now()` lets the other ready tasks run first",
  queueMicrotask: "in a task, `await Yield.now()` lets the other ready tasks run first",
  clearTimeout: "stop a wait by racing it (`await select(Timer.after(d), signal.wait())`) or with a flag the task checks",
  clearInterval: "stop a ticking task with a flag it checks after each `await ticker.next()`",
};

/**
 * Standard-library calls no Outpost host serves (asc imports them from `env`), by the callee as written:
 * refused at the call by the lowering (sync-syntax.ts), and by the import, if one gets through, by the
 * build (host-imports.ts).
 */
export const HOST_APIS: { callee: string; import: RegExp; what: string; instead: string }[] = [
  { callee: "Date.now", import: /^env\.Date\.now$/, what: "`Date.now()` reads a wall clock, which Outpost boards do not have", instead: "`Instant.now()` (µs since start, from the board's timer; virtual time in the simulator)" },
  { callee: "Math.random", import: /^env\.seed$/, what: "`Math.random()` asks the host for a seed, which Outpost hosts do not give", instead: "a small generator of your own (xorshift32) seeded at init from something that varies (`Instant.now()` at a button press, an unconnected pin)" },
  { callee: "console", import: /^env\.console\.\w+$/, what: "`console` is not part of Outpost's host interface", instead: "`log.info(…)` (or log.warn, log.error, log.debug)" },
  { callee: "trace", import: /^env\.trace$/, what: "`trace()` is not part of Outpost's host interface", instead: "`log.debug(…)`" },
];

export const messages = {
  needsAnnotation: (name: string) =>
    `cannot tell the type of "${name}", which lives across an await: annotate it (e.g. \`let ${name}: i32 = …\`)`,
  needsValueType: (what: string) =>
    `cannot tell what \`${what}\` resolves to: assign it to an annotated local first (\`const v: i32 = await …\`)`,
  notDeclared: (name: string) => `cannot find \`${name}\`: nothing in this file declares or imports it (check its spelling and the imports)`,
  noMember: (cls: string, name: string) => `\`${cls}\` has no member \`${name}\` (check its spelling)`,
  needsTempType: (what: string) =>
    `cannot tell the type of \`${what}\`, which is evaluated before an await later in the same expression: move it into an annotated local first (\`const v: i32 = …;\`)`,
  awaitPosition: (what: string) =>
    `await is not supported inside \`${what}\`: move the await into its own statement first (\`const v = await …;\`)`,
  forOfSource: (what: string) =>
    `for…of needs an Array, a StaticArray or a typed array: cannot tell the type of \`${what}\` (annotate it), or iterate a string by index`,
  errorConstructorEffect: (what: string, cls: string, statement: string) =>
    `\`throw ${what}\`: errors are made once, at init, so ${cls}'s constructor runs once, not at each throw, and \`${statement}\` would not happen when it is thrown; keep the constructor to super(…) and this.field = … from its arguments, and do the rest where you throw`,
  caughtErrorChanged: (what: string, name: string) =>
    `\`${what}\` changes the caught error, and errors are made once, at init (one object per throw site): the next throw from the same place would carry the change; copy the field into a local (\`let n = ${name}.…\`) and change that`,
  overrideDefault: (param: string, ours: string, base: string, theirs: string) =>
    `the default of "${param}" (${ours}) differs from ${base}'s (${theirs}): a call through the base type that leaves it out gets ${theirs} here, where JavaScript would use ${ours}; give both the same default, or pass the argument`,
  valueArity: (what: string, params: number, args: number) =>
    `\`${what}\` calls an async function value with ${args} of its ${params} arguments: a call through a value (a field, a parameter, a variable given other functions) passes every argument, as its type says; pass the rest, or call a named async function, whose defaults apply`,
  throwAllocates: (what: string) =>
    `\`throw ${what}\` would allocate after init: errors are made once, at init; pass values known then (literals, module-level consts, static readonly fields, expressions over them), or create the error as a module-level const and throw that`,
  receiverType: (what: string, method: string) =>
    `cannot tell the type of \`${what}\`, whose async method ${method}() is called here: annotate it (each call site gets the frame of the method it calls)`,
  genericDispatch: (what: string) =>
    `${what} is dispatched between several implementations, and one of them is in a generic class: call it on a value of that class's own type`,
  arrayLiteral: (what: string) =>
    `\`${what}\` makes a new array each time it runs, after init (async code runs after init), which stops the firmware: make the array a module-level const, or fill one made at init`,
  newAfterInit: (what: string) =>
    `\`${what}\` makes a new object each time it runs, after init (async code runs after init), which stops the firmware: make the object at init (a module-level const, a field) and reuse it`,
  logicalAssignment: (what: string, instead: string) =>
    `\`${what}\`: AssemblyScript has no logical assignment (only async code, which Outpost rewrites, takes it): write \`${instead}\``,
  keptFunctionTypes: (what: string, untyped: string[], written: string | null, inferred: boolean) =>
    `\`${what}\` is kept in a variable without ` +
    (untyped.length ? `the types of its parameters (${untyped.join(", ")}), which AssemblyScript needs: write them and what it returns (\`(x: i32): i32 => …\`)`
      : `saying what it returns, which AssemblyScript needs: write \`${written}\`${inferred ? "" : " with T its return type"}`),
  untypedField: (name: string, written: string | null) =>
    `field "${name}" has no type, and AssemblyScript infers none from its initial value: ${written ? `write \`${written}\`` : `write its type (\`${name}: T = …\`)`}`,
  optionalParameter: (what: string) =>
    `\`${what}\`: AssemblyScript needs a default value for an optional parameter: write \`${what.replace(/\?\s*:\s*(.+)$/, ": $1 = …")}\` (0, false, null, or what it should be)`,
  logicalTarget: (what: string) =>
    `\`${what}\` assigns to a place that is computed (AssemblyScript has no logical assignment, so the target is read and written separately here): ` +
    `keep the place in a local first, or write it with \`if\``,
  returnedFuture: (what: string, arrow: boolean) =>
    `${arrow ? `the async arrow's body \`${what}\` is` : `\`return ${what}\` returns`} a future unawaited, which runs as if awaited only ` +
    `${arrow ? "" : "outside `try` and "}for a call of an async function or of an async method of \`this\`: write \`${arrow ? "" : "return "}await ${what}\``,
  dropped: (what: string, inAsync: boolean) =>
    `the future of \`${what}\` is thrown away, so it never runs (futures are lazy: they run when awaited, joined or selected): ` +
    (inAsync ? `write \`await ${what}\`, or spawn a task to run it alongside` : `await it in async code, or spawn a task to run it`),
  sharedFuture: (first: string, second: string) =>
    `\`${second}\` and \`${first}\` share one future (the object's one operation in that direction), so the second would take over the first: await them one after the other`,
  countDropped: (what: string, op: "read" | "write") =>
    op === "write"
      ? `\`${what}\` throws away how many bytes were written: write() takes what the device has room for, maybe less than the range, and the rest is never sent; write the whole range with a WriteAll made at init (\`await all.arm(uart, buf, 0, n)\`), or loop on the count`
      : `\`${what}\` throws away how many bytes were read: read() delivers what has arrived, maybe less than the range; keep the count (\`const n = await …\`), or fill the whole range with a ReadExact made at init`,
  unused: (name: string) =>
    `the future kept in "${name}" is never awaited, joined or selected, so it never runs (futures are lazy): await it, or drop the call`,
  stringBuilt: (what: string) =>
    `\`${what}\` builds a string, which allocates, and async code runs after init (an ALLOC_AFTER_INIT panic): log it with log.info(\`…\`), or write it into a ByteBuf made at init (out.str(\`…\`))`,
  floatRadix: (what: string, value: string) =>
    `\`${what}\`: AssemblyScript writes a float in base 10 whatever the radix (JavaScript would not): write \`\${${value}}\`, or convert it to an integer first (\`i64(${value}).toString(16)\`)`,
  stringPieceType: (what: string, type: string) =>
    `cannot put \`${what}\` (a ${type}) into text without allocating: only strings, integers, floats and bools are written; write one of its fields, or convert it first`,
  stringPieceUnknown: (what: string) =>
    `cannot tell the type of \`${what}\` in this text: keep it in an annotated local first (\`const v: i32 = ${what};\`), then write \`\${v}\``,
  capturedPerIteration: (name: string) =>
    `a closure captures "${name}", declared inside a loop: JavaScript makes a new "${name}" per iteration, a closure here sees one per call; declare it before the loop, or pass it as an argument`,
  thisBeforeFields: (cls: string, fields: { name: string; type: string }[]) =>
    `an async closure in ${cls}'s constructor captures \`this\` before ${fields.length > 1 ? "fields" : "field"} ${fields.map((f) => `"${f.name}"`).join(" and ")} ${fields.length > 1 ? "are" : "is"} set, and AssemblyScript needs every field set before \`this\` is used: declare ${fields.map((f) => `\`${f.name}!: ${f.type}\``).join(", ")} (set in the constructor), or give ${fields.length > 1 ? "them values" : "it a value"} where declared`,
  closureParamType: (name: string) =>
    `cannot tell the type of the closure's parameter "${name}": annotate it (\`async (${name}: i32): Promise<void> => …\`)`,
  closureReturnType: () =>
    `cannot tell what this async closure resolves to: write its return type (\`async (…): Promise<i32> => …\`) or pass it where an async function type is expected`,
  closureArity: () => `async closures take at most 6 parameters: pass an object instead`,
  closureEscapes: (name: string | null) =>
    `${name ? `"${name}", an async closure made in an async function,` : "an async closure made in an async function"} would outlive the call that made it (its captured variables live in that call's frame): call it, await it, or pass it as an argument here; a closure that must live on is made at init (in main() or a sync factory)`,
  closureInGeneric: (where: string) =>
    `an async closure inside ${where} is not supported (its state machine would need the type parameters): write it as a generic async function that takes what it captures as parameters, or move it out of the generic code`,
  closureThis: () => `\`this\` in an async closure needs an enclosing method: use a variable instead`,
  typeArgument: (param: string, callee: string) =>
    `cannot infer the type argument ${param} of ${callee}(…) from its arguments: write it (\`${callee}<i32>(…)\`)`,
  yieldOutside: () => `yield belongs in a generator (function* or async function*)`,
  yieldValue: () => `the value of a yield expression (what next(x) passes in) is not supported: write yield as a statement`,
  yieldStarSource: (what: string) =>
    `yield* needs a generator's object (a call of a function*), an async generator's in an async generator, or an array: cannot tell what \`${what}\` is`,
  objectLiteral: (what: string) =>
    `\`${what}\` allocates after init (async code runs after init): an object literal works in async code where its class is known (a return, an annotated variable, \`as C\`) and its fields are named; otherwise make the object at init and set its fields`,
  syncThrows: (what: string, fn: string, through: string[]) => {
    const thrower = through.length ? through[through.length - 1]! : fn;
    const accessor = /^(.*) \(a [gs]etter\)$/.exec(thrower);
    const fix = accessor ? `make ${accessor[1]} an async method` : `make ${thrower} async`;
    return `\`${what}\` throws inside ${fn}${through.length ? ` (in ${through.join(", which calls ")}, which throws)` : ""}, sync code, and AssemblyScript has no exceptions: that throw stops the firmware and never reaches this catch; ${fix} (an async function's throw reaches the catch) or have it return an error value`;
  },
  namespacedAsyncValue: (what: string, name: string) =>
    `\`${what}\`: an async function reached through a namespace import cannot be used as a value: import it by name (\`import { ${name} } from …\`) and pass \`${name}\``,
  nullishCall: (left: string, right: string) =>
    `\`${left} ?? ${right}\`: AssemblyScript has no \`??\`, and its left side is not a variable or field that can be tested and read again: keep it in a local first (\`const v = ${left};\`), then \`v != null ? v! : ${right}\``,
  nullish: (left: string, right: string) =>
    `\`${left} ?? ${right}\`: AssemblyScript has no \`??\`: write \`${left} != null ? ${left}! : ${right}\` (keep a call's result in a local first)`,
  generatorThrows: (what: string, fn: string) =>
    `\`${what}\`: generator ${fn} throws, and a sync generator's throw cannot reach its consumer (its next() carries no error): it would stop the firmware, never reaching this catch; make it an async generator (\`async function*\`, read with for await), whose errors reach the catch, or yield an error value`,
  labelUnsupported: () => `labeled statements are not supported (AssemblyScript has no labels): use a flag the outer loop tests, or move the loops into a function and return`,
  awaitInCase: () => `await in a case label is not supported: compute the value before the switch`,
  nestedFunction: (name: string) =>
    `a function declared inside async code (\`function ${name}\`) is not supported: write it as an arrow (\`const ${name} = (x: i32): i32 => …\`), or move it to module level`,
  nestedAsync: () =>
    `a nested async function declaration is not supported: write it as an async arrow (\`const f = async (…): Promise<T> => …\`), which may capture locals, or move it to module level`,
  asyncGenerator: () =>
    `generator methods (\`*m()\`, \`async *m()\`) are not supported: declare a \`function*\` (or \`async function*\`) at module level that takes the object as a parameter`,
  asyncValue: (name: string) =>
    `async function "${name}" used as a value: call it (each call site gets its own preallocated state) or pass it to task()`,
  awaitNew: (cls: string) =>
    `\`await new ${cls}(…)\` would allocate on every call: create the future once (a field or module const) and re-arm it`,
  optionalChaining: (what: string, conditional: string, statement: string) =>
    `\`${what}\`: AssemblyScript has no optional chaining (\`?.\`): test for null first: \`${conditional}\`, or \`${statement}\``,
  promiseApi: (what: string) =>
    `\`${what}\` is JavaScript's Promise API, which Outpost firmware does not have (its futures are preallocated state machines): ${PROMISE_API[what] ?? PROMISE_API["Promise"]}`,
  hostApi: (api: { what: string; instead: string }) => `${api.what}: use ${api.instead}`,
  jsTimer: (name: string) => `\`${name}\` is JavaScript's timer API, which Outpost firmware does not have (tasks wait instead): ${JS_TIMERS[name]}`,
  destructuring: () => `destructuring is not supported by AssemblyScript: declare one variable per value`,
  taskForm: () =>
    `task() must initialise a module-level const: \`export const name = task(size, async (…): Promise<void> => { … })\``,
  taskSize: () => `task(size, …) needs a literal pool size ≥ 1`,
  taskBody: () =>
    `task(size, body): body must be an async arrow function returning Promise<void>, or the name of an async function or of a module-level const holding one (not a closure a call makes: write the arrow in the task)`,
  asyncDefault: (param: string) =>
    `parameter "${param}" defaults to an async function, which AssemblyScript would make anew for each call, after init: pass it at each call instead, or call it in the body when the parameter is null (\`op: ((x: i32) => Promise<i32>) | null = null\`)`,
  taskResult: () =>
    `a task's body returns Promise<void>: what a task returns has nowhere to go (log it, or send it on a Channel to a task that waits for it), so write \`async (…): Promise<void> => …\``,
  syncTry: (fn: { name: string; asyncForm: string } | null) =>
    `\`try\` in ${fn ? `${fn.name}, which is not async` : "module code"}: AssemblyScript has no exceptions, so sync code cannot catch (a throw there stops the firmware); ${fn ? `make it async (\`${fn.asyncForm}\`) and await it where it is called, ` : "move it into an async function, "}or have what fails return an error value`,
  awaitOutsideAsync: (fn: { name: string; asyncForm: string } | null) =>
    fn ? `\`await\` in ${fn.name}, which is not async: make it async, returning a Promise (\`${fn.asyncForm}\`), and await it where it is called`
      : `\`await\` at module level: module code runs once at init, where nothing can wait; await inside a task (\`export const t = task(1, async (): Promise<void> => { … })\`)`,
  // Also `outpost check`'s words (check/entry-main.ts), so a build and a check say the same.
  mainMissing: () =>
    "the entry exports no main(): add `export function main(): void { … }`, which outpost build calls once at start (it spawns the tasks)",
  mainAsync: () =>
    "main() is async: outpost build calls it once at start, synchronously; make it `export function main(): void` and spawn a task for the async work",
  unionValue: (what: string) =>
    `\`${what}\`: AssemblyScript has no union types but \`T | null\`: return one type (a class with a field for each case, or an error thrown for the other)`,
  returnType: () => `async functions are written with a Promise<T> return type (\`async function f(): Promise<void>\`)`,
  recursion: (cycle: string) =>
    `recursive async functions: ${cycle}: each call preallocates the callee's state, so recursion would need unbounded memory; rewrite it as a loop`,
  forAwaitType: (what: string) =>
    `for await needs a Stream<T> or an async generator: cannot tell what \`${what}\` is; declare its type where it is made (\`const input: Stream<u8> = …\`)`,
  forAwaitArray: (what: string, type: string) =>
    `for await over \`${what}\`, a ${type}, which is not a stream: loop with \`for (const x of ${what})\` (for await reads a Stream<T> or an async generator)`,
  futureInSyncClosure: (what: string) =>
    `\`${what}\` makes a future inside a sync arrow or function in async code, which runs after init, when the heap is sealed (and a future nothing awaits never runs): make the arrow async and await the call (\`async (…): Promise<T> => await ${what}\`), or call it where it is awaited`,
  asyncCallback: (call: string, over: string) =>
    `\`${call}\` calls its callback without awaiting what it returns, so an async callback's futures would never run (futures are lazy): loop instead, \`for (const x of ${over}) { … await … }\``,
  timeoutValue: (what: string) =>
    `\`${what}\` has no value: a WithTimeout completes telling whether the deadline passed first; keep it (\`const t = withTimeout(d, f)\`), \`await t\`, then read \`t.timedOut\` and, when it is false, the result in \`t.inner!.value\``,
  voidValue: (what: string) => `\`${what}\` resolves to nothing (Promise<void>): it has no value to use`,
  asyncGeneratorNext: (gen: string) =>
    `\`await ${gen}.next()\` on an async generator is not supported: read it with \`for await (const v of ${gen}) { … }\` (\`break\` leaves it early and runs its finally blocks)`,
  anonymousClass: () => `an async method of a class without a name is not supported: name the class (\`export default class Meter { … }\`)`,
  namespaceAsync: () =>
    `async functions, methods and arrows inside a namespace are not supported: move them to module level (a module is already a namespace to its importers: \`import * as drv from "./drv"\`)`,
  defaultExport: (name: string | null) =>
    `export default async functions and generators are not supported: ${name ? `export it by name (\`export async function ${name}…\`) and import it in braces (\`import { ${name} } from …\`)` : "give it a name and export it by name (`export async function name…`)"}`,
} as const;
