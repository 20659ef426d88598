/**
 * Build errors of the async lowering: each names the user's file, line and
 * column, and says what to write instead. Lowering only (no asc): fast.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { lowerFiles, lowerSource } from "./support.ts";

/** The errors of lowering `source` as main.ts, with the directory stripped. */
function errorsOf(source: string, others: Record<string, string> = {}): string[] {
  return lowerFiles({ "main.ts": source, ...others }).errors.map((e) => e.replace(/^.*virtual\//, ""));
}

test("a local that lives across an await with no knowable type asks for an annotation at its declaration", () => {
  const errors = errorsOf(`import { Timer } from "outpost";
function make() { return 3; }
async function f(): Promise<void> {
  let v = make();
  await Timer.after(1);
  v++;
}`);
  assert.equal(errors, [
    'main.ts:4:7: error ASYNC_TYPE: cannot tell the type of "v", which lives across an await: annotate it (e.g. `let v: i32 = …`)',
  ]);
});

test("an annotated local, a typed call or a literal needs no annotation", () => {
  const { errors } = lowerSource(`import { Timer, Duration } from "outpost";
function make(): i32 { return 3; }
const timer = new Timer();
async function f(): Promise<void> {
  let a: i64 = 1;
  let b = make();
  let c = 2;
  let d = Duration.millis(5);
  let e = timer;
  await Timer.after(1);
  a++; b++; c++; d++; await e.after(1);
}`);
  assert.equal(errors, []);
});

test("an await whose value is used but cannot be typed asks for an annotated local", () => {
  const errors = errorsOf(`async function f(x: Foo): Promise<void> {
  const n = await x.get();
}`);
  assert.equal(errors, [
    "main.ts:2:13: error ASYNC_TYPE: cannot tell what `await x.get()` resolves to: assign it to an annotated local first (`const v: i32 = await …`)",
  ]);
  assert.equal(errorsOf(`async function f(x: Foo): Promise<void> {
  const n: i32 = await x.get();
}`), []);
});

test("labels are refused with what to use instead, and for…of over something that is not indexable asks for its type", () => {
  const errors = errorsOf(`import { Timer } from "outpost";
function items(): Foo { return new Foo(); }
async function f(a: StaticArray<i32>): Promise<void> {
  outer: while (true) { await Timer.after(1); break outer; }
  for (const x of a) await Timer.after(x);
  for (const y of items()) await Timer.after(1);
}`);
  assert.equal(errors, [
    "main.ts:4:3: error ASYNC_SYNTAX: labeled statements are not supported (AssemblyScript has no labels): use a flag the outer loop tests, or move the loops into a function and return",
    "main.ts:6:19: error ASYNC_TYPE: for…of needs an Array, a StaticArray or a typed array: cannot tell the type of `items()` (annotate it), or iterate a string by index",
  ]);
});

test("a value evaluated before an await in the same expression needs a type it can be kept in", () => {
  const errors = errorsOf(`function side(): i32 { return 1; }
function mystery() { return 1; }
async function v(): Promise<i32> { return 1; }
async function f(a: i32): Promise<i32> {
  const ok = side() + (await v());
  return mystery() + await v();
}`);
  assert.equal(errors, [
    "main.ts:6:10: error ASYNC_TYPE: cannot tell the type of `mystery()`, which is evaluated before an await later in the same expression: move it into an annotated local first (`const v: i32 = …;`)",
  ]);
});

test("throw of an error made with run-time values is refused: errors are made once, at init", () => {
  const errors = errorsOf(`class E extends Error { constructor(public code: i32) { super("e"); } }
const FIXED: i32 = 3;
async function f(a: i32): Promise<void> {
  if (a == 1) throw new E(FIXED);
  if (a == 2) throw new E(a);
}`);
  assert.equal(errors, [
    "main.ts:5:27: error ASYNC_SYNTAX: `throw new E(a)` would allocate after init: errors are made once, at init; pass values known then (literals, module-level consts, static readonly fields, expressions over them), or create the error as a module-level const and throw that",
  ]);
});

test("nested async function declarations are refused (an async arrow is the closure form); async arrows and named async functions are values", () => {
  const errors = errorsOf(`import { Timer } from "outpost";
async function f(): Promise<void> {}
const g = f;
export function main(): void {
  const h = async (): Promise<void> => { await Timer.after(1); };
  async function inner(): Promise<void> {}
}`);
  assert.equal(errors, [
    "main.ts:6:3: error ASYNC_SYNTAX: a nested async function declaration is not supported: write it as an async arrow (`const f = async (…): Promise<T> => …`), which may capture locals, or move it to module level",
  ]);
});

test("text built from a call's future reads what it resolved to; a piece that cannot be written is one error, not two", () => {
  const errors = errorsOf(`import { Timer, Duration, join, log } from "outpost";
async function sample(n: i32): Promise<i32> { await Timer.after(Duration.millis(n)); return n * 10; }
async function f(): Promise<void> {
  const a = sample(1), b = sample(2);
  await join(a, b);
  log.info(\`joined \${a.value} \${b.value}\`);
  const x: f64 = 1.5;
  log.info(\`x \${x} \${probe}\`);
  log.info(\`m \${mystery()}\`);
}
function mystery() { return 3; }
class Probe { id: i32 = 1; }
const probe = new Probe();
async function g(on: bool): Promise<void> {
  log.info(\`nested \${\`at \${1}\`} \${on ? \`at \${2}\` : "off"}\`);
}
export function main(): void {}`);
  assert.equal(errors, [
    "main.ts:8:22: error ASYNC_TYPE: cannot put `probe` (a Probe) into text without allocating: only strings, integers, floats and bools are written; write one of its fields, or convert it first",
    "main.ts:9:17: error ASYNC_TYPE: cannot tell the type of `mystery()` in this text: keep it in an annotated local first (`const v: i32 = mystery();`), then write `${v}`",
    "main.ts:15:40: error ASYNC_SYNTAX: ``at ${2}`` builds a string, which allocates, and async code runs after init (an ALLOC_AFTER_INIT panic): log it with log.info(`…`), or write it into a ByteBuf made at init (out.str(`…`))",
  ]);
});

test("a throw with a string built at run time, and an async closure without a return type, are one error each", () => {
  const errors = errorsOf(`import { Timer } from "outpost";
async function f(n: i32): Promise<i32> {
  await Timer.after(1);
  if (n > 2) throw new Error("bad " + n.toString());
  const g = async () => { await Timer.after(1); };
  await g();
  return n;
}
export function main(): void {}`);
  assert.equal(errors, [
    "main.ts:4:30: error ASYNC_SYNTAX: `throw new Error(\"bad \" + n.toString())` would allocate after init: errors are made once, at init; pass values known then (literals, module-level consts, static readonly fields, expressions over them), or create the error as a module-level const and throw that",
    "main.ts:5:13: error ASYNC_TYPE: cannot tell what this async closure resolves to: write its return type (`async (…): Promise<i32> => …`) or pass it where an async function type is expected",
  ]);
});

test("a generator method is refused with the module-level form to write instead, once (not again where it is read)", () => {
  const errors = errorsOf(`class Sensor {
  async *samples(): AsyncGenerator<i32> { yield 1; }
}
const s = new Sensor();
async function f(): Promise<i32> {
  let sum = 0;
  for await (const v of s.samples()) sum += v;
  return sum;
}
export function main(): void {}`);
  assert.equal(errors, [
    "main.ts:2:3: error ASYNC_SYNTAX: generator methods (`*m()`, `async *m()`) are not supported: declare a `function*` (or `async function*`) at module level that takes the object as a parameter",
  ]);
});

test("an async closure made in an async function may not outlive the call that made it", () => {
  const errors = errorsOf(`import { Timer } from "outpost";
let kept: (() => Promise<i32>) | null = null;
async function make(base: i32): Promise<i32> {
  const get = async (): Promise<i32> => base;
  kept = get;
  const twice = async (): Promise<i32> => base * 2;
  return await twice();
}`);
  assert.equal(errors, [
    'main.ts:5:10: error ASYNC_SYNTAX: "get", an async closure made in an async function, would outlive the call that made it (its captured variables live in that call\'s frame): call it, await it, or pass it as an argument here; a closure that must live on is made at init (in main() or a sync factory)',
  ]);
});

test("an async closure may move to another local of the same call (assigned, or picked by ?:), and still may not escape through it", () => {
  const errors = errorsOf(`import { Timer } from "outpost";
let kept: ((x: i32) => Promise<i32>) | null = null;
async function run(base: i32, up: bool): Promise<i32> {
  const inc = async (x: i32): Promise<i32> => x + base;
  const dec = async (x: i32): Promise<i32> => x - base;
  let op: (x: i32) => Promise<i32> = inc;
  op = up ? inc : dec;
  const v = await op(1);
  const alias = dec;
  kept = alias;
  return v;
}`);
  assert.equal(errors, [
    'main.ts:10:10: error ASYNC_SYNTAX: "alias", an async closure made in an async function, would outlive the call that made it (its captured variables live in that call\'s frame): call it, await it, or pass it as an argument here; a closure that must live on is made at init (in main() or a sync factory)',
  ]);
});

test("an async closure inside generic code is refused with what to write instead, not left to fail in generated code", () => {
  const errors = errorsOf(`import { Signal } from "outpost";
const s = new Signal<i32>("s");
async function twice<T>(v: T): Promise<T> {
  const g = async (): Promise<T> => { await s.wait(); return v; };
  return await g();
}
class Box<T> {
  constructor(public v: T) {}
  make(): void { const h = async (): Promise<void> => { await s.wait(); }; }
}`);
  const why = "is not supported (its state machine would need the type parameters): write it as a generic async function that takes what it captures as parameters, or move it out of the generic code";
  assert.equal(errors, [
    `main.ts:4:13: error ASYNC_SYNTAX: an async closure inside the generic function "twice" ${why}`,
    `main.ts:9:28: error ASYNC_SYNTAX: an async closure inside the generic class "Box" ${why}`,
  ]);
});

test("a closure capturing a variable declared in a loop is refused unless it is passed straight to a call", () => {
  const errors = errorsOf(`import { Timer } from "outpost";
async function each(f: () => Promise<void>): Promise<void> { await f(); }
async function run(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    const j = i * 2;
    await each(async (): Promise<void> => { await Timer.after(j); });
    const later = async (): Promise<void> => { await Timer.after(j); };
    await later();
  }
}`);
  assert.equal(errors, [
    'main.ts:7:19: error ASYNC_SYNTAX: a closure captures "j", declared inside a loop: JavaScript makes a new "j" per iteration, a closure here sees one per call; declare it before the loop, or pass it as an argument',
  ]);
});

test("awaiting a new future is refused: it would allocate after init", () => {
  assert.equal(errorsOf(`import { Timer } from "outpost";
async function f(): Promise<void> {
  await new Timer();
}`), [
    "main.ts:3:3: error ASYNC_SYNTAX: `await new Timer(…)` would allocate on every call: create the future once (a field or module const) and re-arm it",
  ]);
});

test("a generic async function's type argument that cannot be inferred asks for it to be written", () => {
  assert.equal(errorsOf(`import { Timer } from "outpost";
async function make<T>(n: i32): Promise<T> { await Timer.after(n); return <T>n; }
async function use(): Promise<i32> {
  const a = await make<i32>(1);
  return a + <i32>(await make(2));
}`), [
    "main.ts:5:26: error ASYNC_TYPE: cannot infer the type argument T of make(…) from its arguments: write it (`make<i32>(…)`)",
  ]);
});

test("an async function must say Promise<T>", () => {
  assert.equal(errorsOf(`async function f(): i32 {
  return 1;
}`), ["main.ts:1:1: error ASYNC_SYNTAX: async functions are written with a Promise<T> return type (`async function f(): Promise<void>`)"]);
});

test("task() needs a module-level const and a literal pool size", () => {
  assert.equal(errorsOf(`import { task } from "outpost";
export const t = task(0, async (): Promise<void> => {});
export function main(): void { const u = task(1, async (): Promise<void> => {}); }`), [
    "main.ts:2:23: error ASYNC_SYNTAX: task(size, …) needs a literal pool size ≥ 1",
    "main.ts:3:42: error ASYNC_SYNTAX: task() must initialise a module-level const: `export const name = task(size, async (…): Promise<void> => { … })`",
  ]);
});

test("recursion between async functions is a build error naming the cycle, at the call that closes it", () => {
  const errors = errorsOf(`import { Timer } from "outpost";
async function ping(n: i32): Promise<void> {
  await Timer.after(1);
  if (n > 0) await pong(n - 1);
}
async function pong(n: i32): Promise<void> {
  await ping(n);
}
async function countdown(n: i32): Promise<i32> {
  if (n == 0) return 0;
  return await countdown(n - 1);
}`);
  assert.equal(errors, [
    "main.ts:4:20: error ASYNC_RECURSION: recursive async functions: ping → pong → ping: each call preallocates the callee's state, so recursion would need unbounded memory; rewrite it as a loop",
    "main.ts:11:16: error ASYNC_RECURSION: recursive async functions: countdown → countdown: each call preallocates the callee's state, so recursion would need unbounded memory; rewrite it as a loop",
  ]);
});

test("recursion across modules is found too", () => {
  const errors = errorsOf(`import { b } from "./b";
export async function a(n: i32): Promise<void> {
  await b(n);
}`, {
    "b.ts": `import { a } from "./main";
export async function b(n: i32): Promise<void> {
  if (n > 0) await a(n - 1);
}`,
  });
  assert.equal(errors, [
    "main.ts:3:9: error ASYNC_RECURSION: recursive async functions: a → b → a: each call preallocates the callee's state, so recursion would need unbounded memory; rewrite it as a loop",
  ]);
});

test("a future thrown away is an error, in async code and out of it: it would never run", () => {
  const errors = errorsOf(`import { Timer, task } from "outpost";
import { Uart } from "outpost/hal";
async function work(n: i32): Promise<i32> { await Timer.after(n); return n; }
class Led { async blink(): Promise<void> {} }
const led = new Led();
const buf = new StaticArray<u8>(4);
export const t = task(1, async (u: Uart): Promise<void> => {
  work(1);
  led.blink();
  u.write(buf);
  await work(2);
});
export function main(): void { work(4); t.spawn(new Uart(0, 9600)); }`);
  assert.equal(errors, [
    "main.ts:8:3: error ASYNC_DROPPED: the future of `work(1)` is thrown away, so it never runs (futures are lazy: they run when awaited, joined or selected): write `await work(1)`, or spawn a task to run it alongside",
    "main.ts:9:3: error ASYNC_DROPPED: the future of `led.blink()` is thrown away, so it never runs (futures are lazy: they run when awaited, joined or selected): write `await led.blink()`, or spawn a task to run it alongside",
    "main.ts:10:3: error ASYNC_DROPPED: the future of `u.write(buf)` is thrown away, so it never runs (futures are lazy: they run when awaited, joined or selected): write `await u.write(buf)`, or spawn a task to run it alongside",
    "main.ts:13:32: error ASYNC_DROPPED: the future of `work(4)` is thrown away, so it never runs (futures are lazy: they run when awaited, joined or selected): await it in async code, or spawn a task to run it",
  ]);
});

test("a future thrown away under void, in a comma, a ?: branch or the right of && is an error, as is one typed as a future outside async code", () => {
  const errors = errorsOf(`import { Timer } from "outpost";
async function work(n: i32): Promise<i32> { await Timer.after(n); return n; }
function later(): Promise<i32> { return work(1); }
interface Job { run(): Promise<void>; }
class Blink implements Job { async run(): Promise<void> { await Timer.after(1); } }
const job: Job = new Blink();
export function main(): void {
  void work(1);
  work(2), work(3);
  job != null ? work(4) : later();
  job != null && job.run();
}
async function f(ok: bool): Promise<void> {
  void work(5);
  ok || later();
}`);
  const tail = " is thrown away, so it never runs (futures are lazy: they run when awaited, joined or selected): ";
  const outside = tail + "await it in async code, or spawn a task to run it";
  assert.equal(errors, [
    "main.ts:8:8: error ASYNC_DROPPED: the future of `work(1)`" + outside,
    "main.ts:9:3: error ASYNC_DROPPED: the future of `work(2)`" + outside,
    "main.ts:9:12: error ASYNC_DROPPED: the future of `work(3)`" + outside,
    "main.ts:10:17: error ASYNC_DROPPED: the future of `work(4)`" + outside,
    "main.ts:10:27: error ASYNC_DROPPED: the future of `later()`" + outside,
    "main.ts:11:18: error ASYNC_DROPPED: the future of `job.run()`" + outside,
    "main.ts:14:8: error ASYNC_DROPPED: the future of `work(5)`" + tail + "write `await work(5)`, or spawn a task to run it alongside",
    "main.ts:15:9: error ASYNC_DROPPED: the future of `later()`" + tail + "write `await later()`, or spawn a task to run it alongside",
  ]);
});

test("a future thrown away is an error when its class is two imports away and the file itself declares nothing async", () => {
  const errors = errorsOf(`import { makeLed } from "./factory";
export function main(): void {
  makeLed().blink(3);
}`, {
    "factory.ts": `import { Led } from "./led";\nexport function makeLed(): Led { return new Led(); }\n`,
    "led.ts": `import { Timer } from "outpost";\nexport class Led { async blink(n: i32): Promise<void> { await Timer.after(n); } }\n`,
  });
  assert.equal(errors, [
    "main.ts:3:3: error ASYNC_DROPPED: the future of `makeLed().blink(3)` is thrown away, so it never runs (futures are lazy: they run when awaited, joined or selected): await it in async code, or spawn a task to run it",
  ]);
});

test("a HAL read or write whose byte count is thrown away is a warning: it may move less than the range", () => {
  const { errors, warnings } = lowerSource(`import { Uart, WriteAll } from "outpost/hal";
const uart = new Uart(0, 115200);
const buf = new StaticArray<u8>(8);
const all = new WriteAll();
async function send(): Promise<void> {
  await uart.write(buf, 0, 4);
  await uart.read(buf);
  const n = await uart.read(buf);
  await all.arm(uart, buf, 0, n);
}`);
  assert.equal(errors, []);
  assert.equal(warnings.map((w) => w.replace(/^.*virtual\//, "")), [
    "main.ts:6:3: warning ASYNC_COUNT: `await uart.write(buf, 0, 4)` throws away how many bytes were written: write() takes what the device has room for, maybe less than the range, and the rest is never sent; write the whole range with a WriteAll made at init (`await all.arm(uart, buf, 0, n)`), or loop on the count",
    "main.ts:7:3: warning ASYNC_COUNT: `await uart.read(buf)` throws away how many bytes were read: read() delivers what has arrived, maybe less than the range; keep the count (`const n = await …`), or fill the whole range with a ReadExact made at init",
  ]);
});

test("an async closure made in a constructor that captures this before an object field is set asks for the field's ! or a value", () => {
  const errors = errorsOf(`import { Timer } from "outpost";
type Step = (x: i32) => Promise<i32>;
class Machine {
  base: i32 = 100;
  name: string;
  step: Step;
  constructor() {
    this.name = "m";
    this.step = async (x: i32): Promise<i32> => { await Timer.after(1); return x + this.base; };
  }
}`);
  assert.equal(errors, [
    'main.ts:9:84: error ASYNC_SYNTAX: an async closure in Machine\'s constructor captures `this` before fields "name" and "step" are set, and AssemblyScript needs every field set before `this` is used: declare `name!: string`, `step!: Step` (set in the constructor), or give them values where declared',
  ]);
});

test("a future kept in a variable and never awaited is a warning; awaited later, it is fine", () => {
  const { errors, warnings } = lowerSource(`import { Timer } from "outpost";
async function work(n: i32): Promise<i32> { await Timer.after(n); return n; }
async function f(): Promise<i32> {
  const kept = work(1);
  const later = work(2);
  await Timer.after(5);
  return await later;
}`);
  assert.equal(errors, []);
  assert.equal(warnings.map((w) => w.replace(/^.*virtual\//, "")), [
    'main.ts:4:9: warning ASYNC_UNUSED: the future kept in "kept" is never awaited, joined or selected, so it never runs (futures are lazy): await it, or drop the call',
  ]);
});

test("two calls of one hand-written future method on one object in a join are refused: they share the object's future", () => {
  assert.equal(errorsOf(`import { join, task } from "outpost";
import { Uart } from "outpost/hal";
const a = new StaticArray<u8>(2);
const b = new StaticArray<u8>(2);
export const t = task(1, async (u: Uart): Promise<void> => {
  await join(u.write(a), u.write(b));
});`), [
    "main.ts:6:26: error ASYNC_SYNTAX: `u.write(b)` and `u.write(a)` share one future (the object's one operation in that direction), so the second would take over the first: await them one after the other",
  ]);
});

test("a sync function that throws, called inside try/catch in async code, is refused: its throw cannot reach the catch", () => {
  const errors = errorsOf(`import { Timer } from "outpost";
function parse(x: i32): i32 { if (x < 0) throw new Error("negative"); return x; }
async function parseLater(x: i32): Promise<i32> { await Timer.after(1); if (x < 0) throw new Error("negative"); return x; }
async function f(x: i32): Promise<i32> {
  try {
    const a = parse(x);
    return a + (await parseLater(x));
  } catch (e) {
    return -1;
  }
}`);
  assert.equal(errors, [
    "main.ts:6:15: error ASYNC_SYNTAX: `parse(x)` throws inside parse, sync code, and AssemblyScript has no exceptions: that throw stops the firmware and never reaches this catch; make parse async (an async function's throw reaches the catch) or have it return an error value",
  ]);
});

test("sync code that throws further down, or through a getter, a setter, an arrow or super, is refused inside try/catch too; code that cannot throw is not", () => {
  const errors = errorsOf(`import { Timer } from "outpost";
function check(x: i32): void { if (x < 0) throw new Error("negative"); }
function parse(x: i32): i32 { check(x); return x; }
function safe(x: i32): i32 { const check = (v: i32): i32 => v; return check(x); }
const strict = (x: i32): i32 => { if (x > 9) throw new Error("big"); return x; };
class Reg {
  get value(): i32 { throw new Error("unread"); }
  set duty(v: i32) { this.validate(v); }
  validate(v: i32): void { if (v > 100) throw new Error("duty"); }
  plain(): i32 { return 1; }
}
class Base { check(v: i32): void { if (v < 0) throw new Error("negative"); } }
class Dev extends Base {
  async apply(v: i32): Promise<void> {
    try { super.check(v); await Timer.after(1); } catch (e) {}
  }
}
const r = new Reg();
async function f(x: i32): Promise<i32> {
  const local = (v: i32): i32 => { if (v == 0) throw new Error("zero"); return v; };
  try {
    parse(x);
    strict(x);
    local(x);
    const v = r.value;
    r.duty = x;
    await Timer.after(1);
    return safe(x) + r.plain();
  } catch (e) {
    return -1;
  }
}
async function g(x: i32): Promise<i32> { await Timer.after(1); return parse(x); }`);
  const fix = "(an async function's throw reaches the catch) or have it return an error value";
  const rest = `sync code, and AssemblyScript has no exceptions: that throw stops the firmware and never reaches this catch;`;
  assert.equal(errors, [
    `main.ts:15:11: error ASYNC_SYNTAX: \`super.check(v)\` throws inside Base.check, ${rest} make Base.check async ${fix}`,
    `main.ts:22:5: error ASYNC_SYNTAX: \`parse(x)\` throws inside parse (in check, which throws), ${rest} make check async ${fix}`,
    `main.ts:23:5: error ASYNC_SYNTAX: \`strict(x)\` throws inside strict, ${rest} make strict async ${fix}`,
    `main.ts:24:5: error ASYNC_SYNTAX: \`local(x)\` throws inside local, ${rest} make local async ${fix}`,
    `main.ts:25:15: error ASYNC_SYNTAX: \`r.value\` throws inside Reg.value (a getter), ${rest} make Reg.value an async method ${fix}`,
    `main.ts:26:5: error ASYNC_SYNTAX: \`r.duty = x\` throws inside Reg.duty (a setter) (in Reg.validate, which throws), ${rest} make Reg.validate async ${fix}`,
  ]);
});

test("`try` in sync code (a function, an arrow inside async code, module code) is refused: only async code catches", () => {
  const errors = errorsOf(`import { Timer } from "outpost";
function measure(): i32 {
  try { return 1; } finally { }
}
async function f(): Promise<i32> {
  const safe = (v: i32): i32 => { try { return v; } catch (e) { return 0; } };
  try { await Timer.after(1); } catch (e) { }
  return safe(1);
}
try { } finally { }`);
  assert.equal(errors, [
    "main.ts:3:3: error ASYNC_SYNTAX: `try` in measure, which is not async: AssemblyScript has no exceptions, so sync code cannot catch (a throw there stops the firmware); make it async (`async function measure(…): Promise<void>`) and await it where it is called, or have what fails return an error value",
    "main.ts:6:35: error ASYNC_SYNTAX: `try` in safe, which is not async: AssemblyScript has no exceptions, so sync code cannot catch (a throw there stops the firmware); make it async (`async (…): Promise<void> => …`) and await it where it is called, or have what fails return an error value",
    "main.ts:10:1: error ASYNC_SYNTAX: `try` in module code: AssemblyScript has no exceptions, so sync code cannot catch (a throw there stops the firmware); move it into an async function, or have what fails return an error value",
  ]);
});

test("an error whose constructor does more than set its fields, and a catch that changes the error it caught, are refused: errors are made once, at init", () => {
  const errors = errorsOf(`import { Timer } from "outpost";
let count: i32 = 0;
class Counted extends Error { constructor() { super("counted"); count++; } }
class Coded extends Error { code: i32; tries: i32 = 0; constructor(code: i32) { super("coded"); this.code = code * 2; } }
class Logged extends Coded { constructor() { super(1); note(); } }
function note(): void {}
async function f(k: i32): Promise<void> {
  await Timer.after(1);
  if (k == 0) throw new Counted();
  if (k == 1) throw new Coded(3);
  throw new Logged();
}
async function g(): Promise<i32> {
  try { await f(1); } catch (e) {
    const c = e as Coded;
    c.tries++;
    (e as Coded).tries++;
    let n = (e as Coded).tries;
    n++;
    return n;
  }
  return 0;
}`);
  assert.equal(errors, [
    "main.ts:9:21: error ASYNC_SYNTAX: `throw new Counted()`: errors are made once, at init, so Counted's constructor runs once, not at each throw, and `count++;` would not happen when it is thrown; keep the constructor to super(…) and this.field = … from its arguments, and do the rest where you throw",
    "main.ts:11:9: error ASYNC_SYNTAX: `throw new Logged()`: errors are made once, at init, so Logged's constructor runs once, not at each throw, and `note();` would not happen when it is thrown; keep the constructor to super(…) and this.field = … from its arguments, and do the rest where you throw",
    "main.ts:17:5: error ASYNC_SYNTAX: `(e as Coded).tries++` changes the caught error, and errors are made once, at init (one object per throw site): the next throw from the same place would carry the change; copy the field into a local (`let n = e.…`) and change that",
  ]);
});

test("an override whose parameter default differs from the base's is refused at the default; the same default is not", () => {
  const errors = errorsOf(`import { Timer } from "outpost";
class Led { async blink(times: i32 = 1, ms: i32 = 100): Promise<void> { await Timer.after(ms * times); } }
class Fast extends Led { async blink(times: i32 = 3, ms: i32 = 100): Promise<void> { await Timer.after(ms); } }
async function f(l: Led): Promise<void> { await l.blink(); }`);
  assert.equal(errors, [
    "main.ts:3:51: error ASYNC_SYNTAX: the default of \"times\" (3) differs from Led.blink's (1): a call through the base type that leaves it out gets 1 here, where JavaScript would use 3; give both the same default, or pass the argument",
  ]);
});

test("the usual sleep helper (new Promise around setTimeout) in sync code is refused as the Promise API, saying what firmware waits with", () => {
  const errors = errorsOf(`const sleep = (ms: i32): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, ms));
function all(): void { Promise.all([]); }`);
  assert.equal(errors, [
    "main.ts:1:43: error ASYNC_SYNTAX: `new Promise` is JavaScript's Promise API, which Outpost firmware does not have (its futures are preallocated state machines): for a delay `await Timer.after(Duration.millis(ms))`, for an event from another task or an interrupt a Signal (`await signal.wait()`)",
    "main.ts:2:24: error ASYNC_SYNTAX: `Promise.all` is JavaScript's Promise API, which Outpost firmware does not have (its futures are preallocated state machines): `await join(a(), b())` (join3 for three) runs them together and fails with the first error",
  ]);
});

test("a misspelt or unimported name, or a member its class lacks, is named as such instead of asking for an annotation", () => {
  const errors = errorsOf(`import { Timer } from "outpost";
async function read(): Promise<i32> { await Timer.after(1); return 5; }
class Dev { level: i32 = 3; async read(): Promise<i32> { await Timer.after(1); return 5; } }
const dev = new Dev();
async function f(): Promise<i32> {
  const v = await raed();
  const w = await dev.raed();
  log.infoInt("level", await read());
  return v + w + dev.lvel + i32(Math.abs(await read()));
}`);
  assert.equal(errors, [
    "main.ts:6:19: error ASYNC_TYPE: cannot find `raed`: nothing in this file declares or imports it (check its spelling and the imports)",
    "main.ts:7:23: error ASYNC_TYPE: `Dev` has no member `raed` (check its spelling)",
    "main.ts:8:3: error ASYNC_TYPE: cannot find `log`: nothing in this file declares or imports it (check its spelling and the imports)",
    "main.ts:9:22: error ASYNC_TYPE: `Dev` has no member `lvel` (check its spelling)",
  ]);
});

test("an async function value called with fewer arguments than its type has is refused, in async code and out; a local closure's defaults apply", () => {
  const errors = errorsOf(`import { Timer } from "outpost";
class Zone { onTick = async (dt: i32 = 1): Promise<i32> => { await Timer.after(dt); return dt; }; }
const z = new Zone();
async function f(): Promise<i32> {
  const local = async (n: i32 = 2): Promise<i32> => { await Timer.after(n); return n; };
  return (await z.onTick()) + (await local());
}
export function main(): void { const early = z.onTick(); }`);
  const message = "calls an async function value with 0 of its 1 arguments: a call through a value (a field, a parameter, a variable given other functions) passes every argument, as its type says; pass the rest, or call a named async function, whose defaults apply";
  assert.equal(errors, [
    "main.ts:6:17: error ASYNC_SYNTAX: `z.onTick()` " + message,
    "main.ts:8:46: error ASYNC_SYNTAX: `z.onTick()` " + message,
  ]);
});

test("JavaScript's Promise API (new Promise, Promise.all, race, resolve), awaited or kept, is refused where it is written, naming what firmware writes instead", () => {
  const errors = errorsOf(`import { Timer, Duration } from "outpost";
async function val(n: i32): Promise<i32> { await Timer.after(Duration.millis(n)); return n; }
async function f(): Promise<void> {
  await new Promise<void>((r) => setTimeout(r, 100));
  const all = await Promise.all([val(1), val(2)]);
  const first = await Promise.race([val(1), val(2)]);
  await Promise.resolve(3);
  const kept = Promise.all([val(1), val(2)]);
  await kept;
}`);
  const api = "is JavaScript's Promise API, which Outpost firmware does not have (its futures are preallocated state machines):";
  const join = "`await join(a(), b())` (join3 for three) runs them together and fails with the first error";
  assert.equal(errors, [
    `main.ts:4:9: error ASYNC_SYNTAX: \`new Promise\` ${api} for a delay \`await Timer.after(Duration.millis(ms))\`, for an event from another task or an interrupt a Signal (\`await signal.wait()\`)`,
    `main.ts:5:21: error ASYNC_SYNTAX: \`Promise.all\` ${api} ${join}`,
    `main.ts:6:23: error ASYNC_SYNTAX: \`Promise.race\` ${api} \`await select(a(), b())\` returns the index of the first to finish and cancels the other`,
    `main.ts:7:9: error ASYNC_SYNTAX: \`Promise.resolve\` ${api} an async function returns its value (\`return v;\`)`,
    `main.ts:8:16: error ASYNC_SYNTAX: \`Promise.all\` ${api} ${join}`,
  ]);
});

test("logical assignment and optional chaining outside async code are refused with what to write, in files with and without async code", () => {
  const plain = `class P { id: i32 = 1; }
let x: i32 = 0;
let p: P | null = null;
let q: P | null = null;
export function main(): void {
  x ||= 4;
  x &&= x + 1;
  q ??= p;
  const s = "a?.b ||= c"; // only code counts
  x += p?.id;
}`;
  assert.equal(errorsOf(plain), [
    "main.ts:6:5: error ASYNC_SYNTAX: `x ||= 4`: AssemblyScript has no logical assignment (only async code, which Outpost rewrites, takes it): write `if (!x) x = 4`",
    "main.ts:7:5: error ASYNC_SYNTAX: `x &&= x + 1`: AssemblyScript has no logical assignment (only async code, which Outpost rewrites, takes it): write `if (x) x = x + 1`",
    "main.ts:8:5: error ASYNC_SYNTAX: `q ??= p`: AssemblyScript has no logical assignment (only async code, which Outpost rewrites, takes it): write `if (q == null) q = p`",
    "main.ts:10:9: error ASYNC_SYNTAX: `p?.id`: AssemblyScript has no optional chaining (`?.`): test for null first: `p != null ? p!.id : …`, or `if (p != null) …`",
  ]);
  // Beside async code, the async function's own logical assignment is the lowering's to rewrite.
  assert.equal(errorsOf(`import { Timer } from "outpost";
let x: i32 = 0;
function reset(): void { x ||= 1; }
async function f(): Promise<void> { x ||= 2; await Timer.after(1); }`), [
    "main.ts:3:28: error ASYNC_SYNTAX: `x ||= 1`: AssemblyScript has no logical assignment (only async code, which Outpost rewrites, takes it): write `if (!x) x = 1`",
  ]);
});

test("a function kept in a variable without its return or parameter types is refused with the annotation to write, in sync and async code", () => {
  const errors = errorsOf(`import { Timer, Duration, log } from "outpost";
class Gain { scale = (x: i32) => x * 2; }
export function main(): void {
  const half = (x: f64) => x / 2;
  const tell = function (x: i32) { log.infoInt("x", x); };
  const kept = (x: i32): i32 => x;
}
async function f(): Promise<void> {
  const square = (x: i32) => { return x * x; };
  const loose = (x) => x;
  await Timer.after(Duration.millis(1));
  log.info(\`\${square(3)}\`);
}`);
  const says = "is kept in a variable without saying what it returns, which AssemblyScript needs: write";
  assert.equal(errors, [
    `main.ts:2:22: error ASYNC_SYNTAX: \`(x: i32) => x * 2\` ${says} \`(x: i32): i32 => …\``,
    `main.ts:4:16: error ASYNC_SYNTAX: \`(x: f64) => x / 2\` ${says} \`(x: f64): f64 => …\``,
    `main.ts:5:16: error ASYNC_SYNTAX: \`function (x: i32) { log.infoInt("x", x); }\` ${says} \`function (x: i32): void { … }\``,
    `main.ts:9:18: error ASYNC_SYNTAX: \`(x: i32) => { return x * x; }\` ${says} \`(x: i32): i32 => …\``,
    "main.ts:10:17: error ASYNC_SYNTAX: `(x) => x` is kept in a variable without the types of its parameters (x), which AssemblyScript needs: write them and what it returns (`(x: i32): i32 => …`)",
  ]);
});

test("an optional parameter without a default in an async function, method or arrow is refused with the default to write", () => {
  const errors = errorsOf(`import { Timer, Duration } from "outpost";
class Acc { async add(n: i32, times?: i32): Promise<void> { await Timer.after(Duration.millis(n)); } }
async function wait(ms?: u32): Promise<void> { await Timer.after(Duration.millis(ms)); }
const later = async (on?: bool): Promise<void> => { await wait(1); };
async function fine(ms: u32 = 1): Promise<void> { await wait(ms); }`);
  const says = "AssemblyScript needs a default value for an optional parameter: write";
  assert.equal(errors, [
    `main.ts:2:31: error ASYNC_SYNTAX: \`times?: i32\`: ${says} \`times: i32 = …\` (0, false, null, or what it should be)`,
    `main.ts:3:21: error ASYNC_SYNTAX: \`ms?: u32\`: ${says} \`ms: u32 = …\` (0, false, null, or what it should be)`,
    `main.ts:4:22: error ASYNC_SYNTAX: \`on?: bool\`: ${says} \`on: bool = …\` (0, false, null, or what it should be)`,
  ]);
});

test("await outside an async function, a task body returning a value, and an entry's missing or async main() are refused with what to write", () => {
  const build = (source: string) => lowerFiles({ "main.ts": source }, { entryMain: true }).errors.map((e) => e.replace(/^.*virtual\//, ""));
  const errors = errorsOf(`import { Timer, Duration, task } from "outpost";
await Timer.after(Duration.millis(1));
function wait(): void { await Timer.after(Duration.millis(1)); }
class Probe { read(): void { await Timer.after(Duration.millis(1)); } }
const later = (): void => { await Timer.after(Duration.millis(1)); };
async function count(): Promise<i32> { await Timer.after(Duration.millis(1)); return 1; }
export const t = task(1, async (): Promise<i32> => { await Timer.after(Duration.millis(1)); return 1; });
export const u = task(1, count);`);
  const notAsync = "which is not async: make it async, returning a Promise";
  const taskResult = "a task's body returns Promise<void>: what a task returns has nowhere to go (log it, or send it on a Channel to a task that waits for it), so write `async (…): Promise<void> => …`";
  assert.equal(errors, [
    "main.ts:2:1: error ASYNC_SYNTAX: `await` at module level: module code runs once at init, where nothing can wait; await inside a task (`export const t = task(1, async (): Promise<void> => { … })`)",
    `main.ts:3:25: error ASYNC_SYNTAX: \`await\` in wait, ${notAsync} (\`async function wait(…): Promise<void>\`), and await it where it is called`,
    `main.ts:4:30: error ASYNC_SYNTAX: \`await\` in Probe.read, ${notAsync} (\`async read(…): Promise<void>\`), and await it where it is called`,
    `main.ts:5:29: error ASYNC_SYNTAX: \`await\` in later, ${notAsync} (\`async (…): Promise<void> => …\`), and await it where it is called`,
    `main.ts:7:36: error ASYNC_SYNTAX: ${taskResult}`,
    `main.ts:8:26: error ASYNC_SYNTAX: ${taskResult}`,
  ]);
  // A build's entry (outpost check says the same from the type checker: check/entry-main.ts).
  assert.equal(build(`export async function main(): Promise<void> {}`), [
    "main.ts:1:23: error ASYNC_SYNTAX: main() is async: outpost build calls it once at start, synchronously; make it `export function main(): void` and spawn a task for the async work",
  ]);
  assert.equal(build(`import { log } from "outpost";\nexport function setup(): void { log.info("x"); }`), [
    "main.ts:1:1: error ASYNC_SYNTAX: the entry exports no main(): add `export function main(): void { … }`, which outpost build calls once at start (it spawns the tasks)",
  ]);
  assert.equal(build(`export { main } from "./app";`, ), []);
});

test("a number's toString() in async text is the number itself; an integer's toString(radix) its digits; a float's toString(radix) an error", () => {
  const errors = errorsOf(`import { Timer, Duration, log } from "outpost";
async function f(x: f64, n: i32): Promise<void> {
  await Timer.after(Duration.millis(1));
  log.info(\`x=\${x.toString()} n=\${n.toString(16)} \${String(x)}\`);
  log.info(\`y=\${x.toString(16)}\`);
}`);
  assert.equal(errors, [
    "main.ts:5:17: error ASYNC_TYPE: `x.toString(16)`: AssemblyScript writes a float in base 10 whatever the radix (JavaScript would not): write `${x}`, or convert it to an integer first (`i64(x).toString(16)`)",
  ]);
});

test("awaiting one of Outpost's futures that give no value (a timer, a withTimeout) for a value is an error at the await, whatever the annotation; awaiting it alone is not", () => {
  const errors = errorsOf(`import { Duration, Signal, Timer, withTimeout } from "outpost";
const button = new Signal<i32>("button");
async function press(ms: i32): Promise<i32> {
  const t = withTimeout(Duration.millis(ms), button.wait());
  await t;
  const waited: i32 = await Timer.after(Duration.millis(ms));
  return await withTimeout(Duration.millis(ms), button.wait());
}`);
  assert.equal(errors, [
    "main.ts:6:23: error ASYNC_SYNTAX: `await Timer.after(Duration.millis(ms))` resolves to nothing (Promise<void>): it has no value to use",
    "main.ts:7:10: error ASYNC_SYNTAX: `await withTimeout(Duration.millis(ms), button…` has no value: a WithTimeout completes telling whether the deadline passed first; keep it (`const t = withTimeout(d, f)`), `await t`, then read `t.timedOut` and, when it is false, the result in `t.inner!.value`",
  ]);
});

test("errors are listed in the order of the source, whichever of the lowering's passes found them", () => {
  const errors = errorsOf(`import { task, Timer, Duration } from "outpost";
task(1, async function blink(): Promise<void> {
  label: for (let i = 0; i < 3; i++) { await Timer.after(Duration.millis(1)); continue label; }
});
export function main(): void {
  setTimeout(() => {}, 10);
}`);
  assert.equal(errors.map((e) => e.replace(/: error .*/, "")), ["main.ts:2:1", "main.ts:3:3", "main.ts:6:3"]);
});

test("JavaScript's timer functions are refused with what a task does instead, in sync and async code; an unused task import is no error", () => {
  const errors = errorsOf(`import { Timer, Duration, log, task } from "outpost";
export function main(): void {
  setTimeout(() => { log.info("later"); }, 100);
}
async function poll(): Promise<void> {
  setInterval(() => {}, 10);
  await Timer.after(Duration.millis(1));
}
function setImmediate(f: () => void): void { f(); }
export function later(): void { setImmediate(() => {}); }`);
  const api = "is JavaScript's timer API, which Outpost firmware does not have (tasks wait instead):";
  assert.equal(errors, [
    `main.ts:3:3: error ASYNC_SYNTAX: \`setTimeout\` ${api} in a task, \`await Timer.after(Duration.millis(ms))\`, then do the work`,
    `main.ts:6:3: error ASYNC_SYNTAX: \`setInterval\` ${api} in a task, a Ticker: \`ticker.every(Duration.millis(ms))\`, then \`while (true) { await ticker.next(); … }\``,
  ]);
  const lowered = lowerSource(`import { log, task } from "outpost";\nexport function main(): void { log.info("no tasks yet"); }`);
  assert.equal(lowered.errors, []);
  assert.not.match(lowered.text, /\btask\b/);
});

test("optional chaining in async code, and in a sync arrow inside it, is refused naming the chain and the null test to write", () => {
  const errors = errorsOf(`import { Timer, Duration } from "outpost";
class Probe { id: i32 = 1; next: Probe | null = null; async read(): Promise<i32> { await Timer.after(Duration.millis(1)); return this.id; } }
async function f(p: Probe | null): Promise<i32> {
  await Timer.after(Duration.millis(1));
  const first = (q: Probe | null): i32 => q?.next?.id ?? 0;
  return (await p?.read()) + p?.id + first(p);
}`);
  assert.equal(errors, [
    "main.ts:5:44: error ASYNC_SYNTAX: `q?.next?.id`: AssemblyScript has no optional chaining (`?.`): test for null first: `q != null ? q!.next?.id : …`, or `if (q != null) …`",
    "main.ts:6:18: error ASYNC_SYNTAX: `p?.read()`: AssemblyScript has no optional chaining (`?.`): test for null first: `p != null ? await p!.read() : …`, or `if (p != null) …`",
    "main.ts:6:31: error ASYNC_SYNTAX: `p?.id`: AssemblyScript has no optional chaining (`?.`): test for null first: `p != null ? p!.id : …`, or `if (p != null) …`",
  ]);
});

test("a logical assignment to a computed place in async code keeps the place; in a sync arrow there it is refused", () => {
  const errors = errorsOf(`import { Timer, Duration } from "outpost";
const slots = new StaticArray<i32>(4);
function next(): i32 { return 1; }
async function f(): Promise<void> {
  slots[next()] ||= 5;
  const g = (): void => { slots[next()] ||= 6; };
  await Timer.after(Duration.millis(1));
  g();
}`);
  assert.equal(errors, [
    "main.ts:6:27: error ASYNC_SYNTAX: `slots[next()] ||= 6` assigns to a place that is computed (AssemblyScript has no logical assignment, so the target is read and written separately here): keep the place in a local first, or write it with `if`",
  ]);
});

test("a future returned unawaited runs as awaited outside try for calls of async functions and of this's methods; elsewhere `return await` is asked for", () => {
  const errors = errorsOf(`import { Timer, Duration, Channel } from "outpost";
const ch = new Channel<i32>(1);
async function g(x: i32): Promise<i32> { await Timer.after(Duration.millis(x)); return x; }
async function f(x: i32): Promise<i32> {
  if (x > 1) return g(x);
  try {
    return g(x + 1);
  } finally {
    await Timer.after(Duration.millis(1));
  }
}
const h = async (x: i32): Promise<i32> => g(x);
const k = async (): Promise<i32> => ch.receive();
async function r(): Promise<i32> { return ch.receive(); }
function sync(x: i32): Promise<i32> { return g(x); }`);
  const unawaited = "a future unawaited, which runs as if awaited only";
  assert.equal(errors, [
    `main.ts:7:12: error ASYNC_SYNTAX: \`return g(x + 1)\` returns ${unawaited} outside \`try\` and for a call of an async function or of an async method of \`this\`: write \`return await g(x + 1)\``,
    `main.ts:13:37: error ASYNC_SYNTAX: the async arrow's body \`ch.receive()\` is ${unawaited} for a call of an async function or of an async method of \`this\`: write \`await ch.receive()\``,
    `main.ts:14:43: error ASYNC_SYNTAX: \`return ch.receive()\` returns ${unawaited} outside \`try\` and for a call of an async function or of an async method of \`this\`: write \`return await ch.receive()\``,
  ]);
});

test("`new` and array literals in async code, which would allocate after init, are refused where written", () => {
  const errors = errorsOf(`import { Timer, Duration } from "outpost";
class Box { v: i32 = 0; }
class Failed extends Error {}
const table: StaticArray<i32> = [1, 2];
async function f(n: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  const b = new Box();
  const row: StaticArray<i32> = [n, n + 1];
  if (n > table[0]) throw new Failed();
  return b.v + row[0];
}`);
  assert.equal(errors, [
    "main.ts:7:13: error ASYNC_SYNTAX: `new Box()` makes a new object each time it runs, after init (async code runs after init), which stops the firmware: make the object at init (a module-level const, a field) and reuse it",
    "main.ts:8:33: error ASYNC_SYNTAX: `[n, n + 1]` makes a new array each time it runs, after init (async code runs after init), which stops the firmware: make the array a module-level const, or fill one made at init",
  ]);
});

test("a sync function declared inside async code is refused, naming the arrow to write", () => {
  const errors = errorsOf(`import { Timer, Duration } from "outpost";
async function f(n: i32): Promise<i32> {
  function twice(x: i32): i32 { return x * 2; }
  const thrice = (x: i32): i32 => x * 3;
  await Timer.after(Duration.millis(1));
  return twice(n) + thrice(n);
}`);
  assert.equal(errors, [
    "main.ts:3:12: error ASYNC_SYNTAX: a function declared inside async code (`function twice`) is not supported: write it as an arrow (`const twice = (x: i32): i32 => …`), or move it to module level",
  ]);
});


test("a future made inside a sync arrow in async code, kept or thrown away, is refused at the call", () => {
  const errors = errorsOf(`import { Timer, Duration } from "outpost";
async function v(n: i32): Promise<i32> { await Timer.after(Duration.millis(n)); return n; }
class Dev { async read(n: i32): Promise<i32> { return await v(n); } }
const dev = new Dev();
const arr: StaticArray<i32> = [1, 2];
async function f(): Promise<i32> {
  const g = (x: i32): Promise<i32> => v(x + 1);
  const h = (x: i32): Promise<i32> => dev.read(x);
  arr.forEach((x: i32): void => { v(x); });
  const later = async (x: i32): Promise<i32> => await v(x);
  return (await g(1)) + (await h(2)) + (await later(3));
}`);
  const why = "makes a future inside a sync arrow or function in async code, which runs after init, when the heap is sealed (and a future nothing awaits never runs): make the arrow async and await the call";
  assert.equal(errors, [
    `main.ts:7:39: error ASYNC_SYNTAX: \`v(x + 1)\` ${why} (\`async (…): Promise<T> => await v(x + 1)\`), or call it where it is awaited`,
    `main.ts:8:39: error ASYNC_SYNTAX: \`dev.read(x)\` ${why} (\`async (…): Promise<T> => await dev.read(x)\`), or call it where it is awaited`,
    `main.ts:9:35: error ASYNC_SYNTAX: \`v(x)\` ${why} (\`async (…): Promise<T> => await v(x)\`), or call it where it is awaited`,
  ]);
});

test("an async callback given to an array method, in async code or out of it, is refused with the loop to write; a method of the firmware's own may take one", () => {
  const errors = errorsOf(`import { Timer, Duration } from "outpost";
const arr: StaticArray<i32> = [1, 2];
class Each { forEach(f: (x: i32) => Promise<void>): void {} }
const each = new Each();
async function f(): Promise<void> {
  arr.forEach(async (x: i32): Promise<void> => { await Timer.after(Duration.millis(x)); });
  each.forEach(async (x: i32): Promise<void> => { await Timer.after(Duration.millis(x)); });
}
export function main(): void {
  arr.map<i32>(async (x: i32): Promise<i32> => x);
}`);
  assert.equal(errors, [
    "main.ts:6:15: error ASYNC_SYNTAX: `arr.forEach(…)` calls its callback without awaiting what it returns, so an async callback's futures would never run (futures are lazy): loop instead, `for (const x of arr) { … await … }`",
    "main.ts:10:16: error ASYNC_SYNTAX: `arr.map(…)` calls its callback without awaiting what it returns, so an async callback's futures would never run (futures are lazy): loop instead, `for (const x of arr) { … await … }`",
  ]);
});

test("then, catch and finally on a future are refused as JavaScript's Promise API, in async code and out of it", () => {
  const errors = errorsOf(`import { Timer, Duration } from "outpost";
async function v(n: i32): Promise<i32> { await Timer.after(Duration.millis(n)); return n; }
async function f(): Promise<void> {
  v(2).then((x: i32): void => {});
  await v(1).finally((): void => {});
}
export function main(): void {
  v(3).catch((e: Error): void => {});
}`);
  const api = "is JavaScript's Promise API, which Outpost firmware does not have (its futures are preallocated state machines):";
  assert.equal(errors, [
    `main.ts:4:8: error ASYNC_SYNTAX: \`.then\` ${api} await the future (\`const v = await f()\`), then use its value`,
    `main.ts:5:14: error ASYNC_SYNTAX: \`.finally\` ${api} await the future inside \`try { … } finally { … }\``,
    `main.ts:8:8: error ASYNC_SYNTAX: \`.catch\` ${api} await the future inside \`try { … } catch (e) { … }\``,
  ]);
});

test("for await over an array says to loop with for…of; over something untyped, to declare its type", () => {
  const errors = errorsOf(`import { Timer, Duration } from "outpost";
const arr: StaticArray<i32> = [1, 2, 3];
async function f(s: Foo): Promise<void> {
  for await (const x of arr) await Timer.after(Duration.millis(x));
  for await (const b of s) await Timer.after(Duration.millis(1));
}`);
  assert.equal(errors, [
    "main.ts:4:25: error ASYNC_SYNTAX: for await over `arr`, a StaticArray<i32>, which is not a stream: loop with `for (const x of arr)` (for await reads a Stream<T> or an async generator)",
    "main.ts:5:3: error ASYNC_TYPE: for await needs a Stream<T> or an async generator: cannot tell what `s` is; declare its type where it is made (`const input: Stream<u8> = …`)",
  ]);
});

test("a nested async function declaration is one error, not also one per value that comes from it", () => {
  const errors = errorsOf(`import { Timer, Duration } from "outpost";
async function outer(n: i32): Promise<i32> {
  async function inner(x: i32): Promise<i32> { await Timer.after(Duration.millis(x)); return x; }
  const a = await inner(n);
  return a + (await inner(n + 1));
}`);
  assert.equal(errors, [
    "main.ts:3:3: error ASYNC_SYNTAX: a nested async function declaration is not supported: write it as an async arrow (`const f = async (…): Promise<T> => …`), which may capture locals, or move it to module level",
  ]);
});

test("optional chaining on an awaited call is refused with a null test that awaits it once", () => {
  const errors = errorsOf(`import { Timer, Duration } from "outpost";
class Item { id: i32 = 1; }
const item = new Item();
async function find(k: i32): Promise<Item | null> { await Timer.after(Duration.millis(k)); return k > 0 ? item : null; }
async function f(): Promise<i32> {
  const id: i32 = (await find(1))?.id ?? -1;
  return id;
}`);
  assert.equal(errors, [
    "main.ts:6:34: error ASYNC_SYNTAX: `(await find(1))?.id`: AssemblyScript has no optional chaining (`?.`): test for null first: `const v = (await find(1)); … v != null ? v!.id : …`, or `if (v != null) …`",
  ]);
});



test("a class field without a type is refused with the type to write, as AssemblyScript infers none", () => {
  const errors = errorsOf(`import { Mutex } from "outpost";
class Flag { on: bool = true; }
class Box<T> { v: T; constructor(v: T) { this.v = v; } }
class Bus {
  readonly lock = new Mutex(4, "i2c");
  private flag = new Flag();
  static count = 7;
  big = <i64>5_000_000_000;
  ok = false;
  name = "bus";
  box = new Box<u8>(1);
  other = Flag;
  run = (x: i32): i32 => x;
  echo = (x: i32) => x;
}`);
  const why = "has no type, and AssemblyScript infers none from its initial value:";
  assert.equal(errors, [
    `main.ts:5:12: error ASYNC_SYNTAX: field "lock" ${why} write \`readonly lock: Mutex = new Mutex(4, "i2c")\``,
    `main.ts:6:11: error ASYNC_SYNTAX: field "flag" ${why} write \`private flag: Flag = new Flag()\``,
    `main.ts:7:10: error ASYNC_SYNTAX: field "count" ${why} write \`static count: i32 = 7\``,
    `main.ts:8:3: error ASYNC_SYNTAX: field "big" ${why} write \`big: i64 = <i64>5_000_000_000\``,
    `main.ts:9:3: error ASYNC_SYNTAX: field "ok" ${why} write \`ok: bool = false\``,
    `main.ts:10:3: error ASYNC_SYNTAX: field "name" ${why} write \`name: string = "bus"\``,
    `main.ts:11:3: error ASYNC_SYNTAX: field "box" ${why} write \`box: Box<u8> = new Box<u8>(1)\``,
    `main.ts:12:3: error ASYNC_SYNTAX: field "other" ${why} write its type (\`other: T = …\`)`,
    `main.ts:13:3: error ASYNC_SYNTAX: field "run" ${why} write \`run: (x: i32) => i32 = (x: i32): i32 => x\``,
    "main.ts:14:10: error ASYNC_SYNTAX: `(x: i32) => x` is kept in a variable without saying what it returns, which AssemblyScript needs: write `(x: i32): i32 => …`",
  ]);
});

test("a class imported as a module's default export is known to async code: each call site gets its method's frame", () => {
  const lib = `import { Timer, Duration } from "outpost";
export default class Meter { n: i32 = 0; async read(): Promise<i32> { await Timer.after(Duration.millis(1)); return ++this.n; } }`;
  const main = `import Meter from "./lib";
const m: Meter = new Meter();
async function f(): Promise<i32> { return (await m.read()) + (await m.read()); }`;
  const lowered = lowerFiles({ "main.ts": main, "lib.ts": lib });
  assert.equal(lowered.errors, []);
  assert.match(lowered.text, /\$c0: Meter\$read = new Meter\$read\(\);/);
  assert.match(lowered.text, /\$c1: Meter\$read = new Meter\$read\(\);/);
});

test("an async function exported as default is refused with the named export to write", () => {
  assert.equal(errorsOf(`export default async function settle(x: i32): Promise<i32> { return x; }`), [
    "main.ts:1:1: error ASYNC_SYNTAX: export default async functions and generators are not supported: export it by name (`export async function settle…`) and import it in braces (`import { settle } from …`)",
  ]);
});


test("async code in a namespace is refused where it is written, once, with the module-level form to use", () => {
  const errors = errorsOf(`import { Timer, Duration } from "outpost";
namespace drv {
  export class Led { async blink(n: i32): Promise<i32> { await Timer.after(Duration.millis(n)); return n; } }
  export async function pause(ms: i32): Promise<i32> { await Timer.after(Duration.millis(ms)); return ms; }
  export const wait = async (ms: i32): Promise<void> => { await Timer.after(Duration.millis(ms)); };
}
const led = new drv.Led();
async function f(): Promise<i32> {
  const a = await led.blink(2);
  return a + (await drv.pause(1));
}`);
  const why = "async functions, methods and arrows inside a namespace are not supported: move them to module level (a module is already a namespace to its importers: `import * as drv from \"./drv\"`)";
  assert.equal(errors, [`main.ts:3:22: error ASYNC_SYNTAX: ${why}`, `main.ts:4:3: error ASYNC_SYNTAX: ${why}`, `main.ts:5:23: error ASYNC_SYNTAX: ${why}`]);
});


test("await of an async generator's next() says to read it with for await; a throwing sync generator read inside try is refused", () => {
  const errors = errorsOf(`import { Timer, Duration } from "outpost";
async function* ticks(n: i32): AsyncGenerator<i32> { for (let i = 0; i < n; i++) { await Timer.after(Duration.millis(1)); yield i; } }
function* items(n: i32): Generator<i32> { for (let i = 0; i < n; i++) { if (i == 2) throw new Error("bad"); yield i; } }
async function f(): Promise<i32> {
  const g = ticks(3);
  const r: IteratorResult<i32> = await g.next();
  let sum = 0;
  try {
    for (const v of items(5)) { await Timer.after(Duration.millis(1)); sum += v; }
  } catch (e) {
    sum = -1;
  }
  return sum + r.value;
}`);
  assert.equal(errors, [
    "main.ts:6:34: error ASYNC_SYNTAX: `await g.next()` on an async generator is not supported: read it with `for await (const v of g) { … }` (`break` leaves it early and runs its finally blocks)",
    "main.ts:9:21: error ASYNC_SYNTAX: `items(5)`: generator items throws, and a sync generator's throw cannot reach its consumer (its next() carries no error): it would stop the firmware, never reaching this catch; make it an async generator (`async function*`, read with for await), whose errors reach the catch, or yield an error value",
  ]);
});


test("an async function as a parameter's default, and a task body a call makes, are refused once each with what to write", () => {
  const errors = errorsOf(`import { Timer, Duration, task } from "outpost";
const fastOp = async (x: i32): Promise<i32> => { await Timer.after(Duration.millis(1)); return x + 1; };
async function slowOp(x: i32): Promise<i32> { await Timer.after(Duration.millis(2)); return x; }
async function apply(x: i32, op: (x: i32) => Promise<i32> = fastOp, other: (x: i32) => Promise<i32> = slowOp): Promise<i32> {
  return (await op(x)) + (await other(x));
}
function makeBody(n: i32): () => Promise<void> { return async (): Promise<void> => { await Timer.after(Duration.millis(n)); }; }
export const ticker = task(1, makeBody(2));`);
  const why = "defaults to an async function, which AssemblyScript would make anew for each call, after init: pass it at each call instead, or call it in the body when the parameter is null (`op: ((x: i32) => Promise<i32>) | null = null`)";
  assert.equal(errors, [
    `main.ts:4:61: error ASYNC_SYNTAX: parameter "op" ${why}`,
    `main.ts:4:103: error ASYNC_SYNTAX: parameter "other" ${why}`,
    "main.ts:8:31: error ASYNC_SYNTAX: task(size, body): body must be an async arrow function returning Promise<void>, or the name of an async function or of a module-level const holding one (not a closure a call makes: write the arrow in the task)",
  ]);
});


test("?? without an await is a null test in async code; on a call, and anywhere in sync code, it is refused with the test to write", () => {
  const errors = errorsOf(`import { Timer, Duration } from "outpost";
class G { raw: i32 = 7; }
const g = new G();
let cached: G | null = null;
function find(): G | null { return cached; }
async function f(): Promise<i32> {
  await Timer.after(Duration.millis(1));
  const p = cached ?? g;
  const q = find() ?? g;
  return p.raw + q.raw;
}
export function main(): void {
  const r = cached ?? g;
}`);
  assert.equal(errors, [
    "main.ts:9:20: error ASYNC_SYNTAX: `find() ?? g`: AssemblyScript has no `??`, and its left side is not a variable or field that can be tested and read again: keep it in a local first (`const v = find();`), then `v != null ? v! : g`",
    "main.ts:13:20: error ASYNC_SYNTAX: `cached ?? g`: AssemblyScript has no `??`: write `cached != null ? cached! : g` (keep a call's result in a local first)",
  ]);
});


test("an async function resolving to a union type names the union, not the Promise", () => {
  assert.equal(errorsOf(`async function f(n: i32): Promise<i32 | string> { return n; }
async function g(n: i32): Promise<string | null> { return null; }`), [
    "main.ts:1:35: error ASYNC_SYNTAX: `i32 | string`: AssemblyScript has no union types but `T | null`: return one type (a class with a field for each case, or an error thrown for the other)",
  ]);
});


test("classes reached through a namespace import: `new dev.Sensor()` is typed, and `extends b.Device` is an heir its base's calls dispatch to", () => {
  const dev = `import { Timer, Duration } from "outpost";
export class Device { async poll(): Promise<i32> { await Timer.after(Duration.millis(1)); return 1; } async run(): Promise<i32> { return await this.poll(); } }`;
  const main = `import * as b from "./dev";
class Button extends b.Device { async poll(): Promise<i32> { return 2; } }
const s = new b.Device();
const k: b.Device = new Button();
async function f(): Promise<i32> { return (await s.run()) + (await k.poll()); }`;
  const lowered = lowerFiles({ "main.ts": main, "dev.ts": dev });
  assert.equal(lowered.errors, []);
  assert.match(lowered.text, /\$c0: Device\$run = new Device\$run\(\);/);
  assert.match(lowered.text, /Button\$poll/, "Button's frame is one the dispatcher holds");
});


test("imported async functions: passed as values by name, and generators called through a namespace import; a namespaced one as a value is refused", () => {
  const lib = `import { Timer, Duration } from "outpost";
export async function named(x: i32): Promise<i32> { await Timer.after(Duration.millis(1)); return x * 2; }
export function* evens(n: i32): Generator<i32> { for (let i = 0; i < n; i++) yield i * 2; }`;
  const main = `import { named } from "./lib";
import * as lib from "./lib";
async function apply(f: (x: i32) => Promise<i32>, v: i32): Promise<i32> { return await f(v); }
async function g(): Promise<i32> {
  let sum = await apply(named, 5);
  for (const e of lib.evens(3)) sum += e;
  return sum + (await apply(lib.named, 1));
}`;
  const lowered = lowerFiles({ "main.ts": main, "lib.ts": lib });
  assert.equal(lowered.errors.map((e) => e.replace(/^.*virtual\//, "")), [
    "main.ts:7:29: error ASYNC_SYNTAX: `lib.named`: an async function reached through a namespace import cannot be used as a value: import it by name (`import { named } from …`) and pass `named`",
  ]);
  assert.match(lowered.text, /import \{ named\$Future as named\$Future, named\$Fn as named\$Fn \} from "\.\/lib";/);
  assert.match(lowered.text, /new lib\.evens\$Gen\(\)/);
});


test("a local declared with TypeScript's generator types (AsyncGenerator<T>, Generator<T>) is read with for await and for…of", () => {
  const { errors, text } = lowerSource(`import { Timer, Duration, log } from "outpost";
async function* ticks(n: i32): AsyncGenerator<i32> { for (let i = 0; i < n; i++) { await Timer.after(Duration.millis(2)); yield i; } }
function* evens(n: i32): Generator<i32> { for (let i = 0; i < n; i++) yield i * 2; }
async function f(): Promise<void> {
  const gen: AsyncGenerator<i32> = ticks(2);
  for await (const t of gen) log.info(\`t \${t}\`);
  const ev: Generator<i32> = evens(3);
  for (const e of ev) log.info(\`e \${e}\`);
}`);
  assert.equal(errors, []);
  assert.match(text, /\$i\d+: \$Stream<i32>/);
  assert.match(text, /\$i\d+: \$Iter<i32>/);
});


test("an async method of a class without a name is refused, asking for a name", () => {
  assert.equal(errorsOf(`import { Timer, Duration } from "outpost";
export default class { async read(): Promise<i32> { await Timer.after(Duration.millis(1)); return 1; } }`), [
    "main.ts:2:24: error ASYNC_SYNTAX: an async method of a class without a name is not supported: name the class (`export default class Meter { … }`)",
  ]);
});

test.run();
