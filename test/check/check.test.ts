/**
 * What `outpost check` reports for a firmware (src/toolchain/check/): the
 * lowering's errors and warnings, TypeScript's errors against the typings
 * (the board's pins included), AssemblyScript's restrictions, in the
 * entry and in the files it imports, as `outpost build` prints them.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { loadBoard, unknownBoardNameMessage } from "../../src/contract/boards.ts";
import { OutpostError } from "../../src/contract/errors.ts";
import { checkFirmware, type CheckDiagnostic } from "../../src/toolchain/check/index.ts";

const dir = mkdtempSync(join(tmpdir(), "outpost-check-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the files and checks the first for `board`; each diagnostic as `file:line:col: severity CODE: message`. */
function check(files: Record<string, string>, board = "sim"): string[] {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const line = (d: CheckDiagnostic) => `${basename(d.file)}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`;
  return checkFirmware(join(dir, Object.keys(files)[0]!), loadBoard(board)).diagnostics.map(line);
}

test("a firmware the build accepts has nothing to report", () => {
  assert.equal(check({ "ok.ts": `import { Ticker, Duration, task } from "outpost";
import { Output } from "outpost/hal";
import { LED1 } from "outpost/board";
const ticker = new Ticker();
export const blink = task(1, async (led: Output): Promise<void> => {
  ticker.every(Duration.millis(500));
  while (true) { await ticker.next(); led.toggle(); }
});
export function main(): void { blink.spawn(new Output(LED1, "LED1", true)); }
` }), []);
});

test("TypeScript's errors against the typings, at their places: await has the future's value type", () => {
  assert.equal(check({ "types.ts": `import { Uart } from "outpost/hal";
export async function read(uart: Uart, buf: StaticArray<u8>): Promise<i32> {
  const n = await uart.read(buf);
  const s: string = n;
  return s;
}
export function main(): void {}
` }), [
    "types.ts:4:9: error TS2322: Type 'number' is not assignable to type 'string'.",
    "types.ts:5:3: error TS2322: Type 'string' is not assignable to type 'number'.",
  ]);
});

test("the lowering's errors and warnings are the build's own lines, in order with the others", () => {
  assert.equal(check({ "lowered.ts": `import { Timer, task } from "outpost";
async function work(n: i32): Promise<i32> { await Timer.after(n); return n; }
export const t = task(1, async (): Promise<void> => {
  work(1);
  const kept = work(2);
  const s: string = await work(3);
});
export function main(): void { t.spawn(); }
` }), [
    "lowered.ts:4:3: error ASYNC_DROPPED: the future of `work(1)` is thrown away, so it never runs (futures are lazy: they run when awaited, joined or selected): write `await work(1)`, or spawn a task to run it alongside",
    'lowered.ts:5:9: warning ASYNC_UNUSED: the future kept in "kept" is never awaited, joined or selected, so it never runs (futures are lazy): await it, or drop the call',
    "lowered.ts:6:9: error TS2322: Type 'number' is not assignable to type 'string'.",
  ]);
});

test("a file the entry imports is checked too, and named in its diagnostics", () => {
  assert.equal(check({
    "app.ts": `import { total } from "./sum";\nexport function main(): void { total(2); }\n`,
    "sum.ts": `function apply(f: (x: i32) => i32, v: i32): i32 { return f(v); }
export function total(k: i32): i32 { return apply((x: i32): i32 => x + k, 1); }
export function count(): string { return 3; }
`,
  }), [
    'sum.ts:2:72: error AS100: "k" belongs to an enclosing function, and AssemblyScript has no closures (AS100): a nested sync function cannot use it; pass it as a parameter, or keep it in a module-level variable or a field',
    "sum.ts:3:35: error TS2322: Type 'number' is not assignable to type 'string'.",
  ]);
});

test("pins are the board's: a name the board lacks is the build's UNKNOWN_PIN, at the import", () => {
  const files = { "pins.ts": `import { LED3 } from "outpost/board";\nexport function main(): void { const p: i32 = LED3; }\n` };
  assert.equal(check(files, "puckjs"), []);
  assert.equal(check(files, "sim"), [`pins.ts:1:10: error UNKNOWN_PIN: ${unknownBoardNameMessage(loadBoard("sim"), "LED3")}`]);
  assert.equal(check({ "blinky.ts": `import { LED2 } from "outpost/board";\nexport function main(): void {}\n` }, "espruino-esp32"), [
    'blinky.ts:1:10: error UNKNOWN_PIN: board "espruino-esp32" has no pin or UART "LED2": valid pins are D0, D2, D4, D5, D12, D13, D14, D15, D16, D17, D18, D19, D21, D22, D23, D25, D26, D27, D32, D33, D34, D35, D36, D39, LED1, BTN1; UARTs are UART0, UART1 (outpost boards lists every board)',
  ]);
});

test("an entry's main() is what the build calls once at start: exported, sync, without arguments", () => {
  assert.equal(check({ "nomain.ts": `export function mane(): void {}\n` }), [
    "nomain.ts:1:1: error TS2305: the entry exports no main(): add `export function main(): void { … }`, which outpost build calls once at start (it spawns the tasks)",
  ]);
  assert.equal(check({ "asyncmain.ts": `export async function main(): Promise<void> {}\n` }), [
    "asyncmain.ts:1:23: error TS2305: main() is async: outpost build calls it once at start, synchronously; make it `export function main(): void` and spawn a task for the async work",
  ]);
  assert.equal(check({ "re.ts": `export { main } from "./args";\n`, "args.ts": `export function main(n: i32): void {}\n` }), [
    "args.ts:1:17: error TS2554: main() takes arguments, and outpost build calls it with none: give each parameter a default, or drop them",
  ]);
  assert.equal(check({ "value.ts": `export const main: i32 = 5;\n` }), [
    "value.ts:1:14: error TS2349: main is not a function: outpost build calls main() once at start; export `function main(): void { … }`",
  ]);
  assert.equal(check({ "fine.ts": `export const main = (n: i32 = 1): i32 => n;\n` }), []);
});

test("an entry that cannot be read is one error naming it", () => {
  assert.throws(() => checkFirmware(join(dir, "missing.ts"), loadBoard("sim")),
    (e: Error) => e instanceof OutpostError && e.message === `cannot read firmware entry ${join(dir, "missing.ts")}: check the path`);
});

test.run();
