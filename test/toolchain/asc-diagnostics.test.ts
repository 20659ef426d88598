/**
 * asc's diagnostics in async code read like diagnostics in sync code: the
 * user's own line, the column of the same words in it, no generated names
 * (src/toolchain/asc-diagnostics.ts).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cleanDiagnostics, demangle } from "../../src/toolchain/asc-diagnostics.ts";
import { compileFirmware } from "../../src/toolchain/compile.ts";
import { loadBoard } from "../../src/contract/boards.ts";

test("a diagnostic in a lowered line shows the user's line, the column of the same words, and no generated names", () => {
  const asc = [
    "ERROR TS2322: Type 'i32' is not assignable to type '~lib/string/String'.",
    "   :",
    " 4 │ let s: string = $f.n;",
    "   │                 ~~~~",
    "   └─ in bad.ts(4,18)",
  ].join("\n");
  const source = "import x from 'y';\nasync function f(n: i32): Promise<i32> {\n  await t;\n  let s: string = n;\n}\n";
  assert.is(cleanDiagnostics(asc, (f) => (f === "bad.ts" ? source : null)), [
    "ERROR TS2322: Type 'i32' is not assignable to type '~lib/string/String'.",
    "   :",
    " 4 │   let s: string = n;",
    "   │                   ~",
    "   └─ in bad.ts(4,19)",
  ].join("\n"));
});

test("a sync closure in async code is shown at the local it captures, where asc marks the frame it is read through", () => {
  const asc = [
    "ERROR AS100: Not implemented: Closures",
    "    :",
    " 16 │ { $f.value = apply((x: i32): i32 => x + $f.j + $f.j, 1); $f.$state = -1; return true; }",
    "    │                                                ~~",
    "    └─ in bad.ts(16,48)",
  ].join("\n");
  const source = "\n".repeat(15) + "  return apply((x: i32): i32 => x + j + j, 1);\n";
  assert.is(cleanDiagnostics(asc, (f) => (f === "bad.ts" ? source : null)), [
    "ERROR AS100: Not implemented: Closures: AssemblyScript functions cannot read the local variables of the function around them; pass what it reads as a parameter, or declare it at module level (an async arrow inside async code may: Outpost lowers it)",
    "    :",
    " 16 │   return apply((x: i32): i32 => x + j + j, 1);",
    "    │                                         ~",
    "    └─ in bad.ts(16,41)",
  ].join("\n"));
});

test("a diagnostic in a line the lowering did not change is left as asc wrote it", () => {
  const asc = [
    "ERROR TS2339: Property 'foo' does not exist on type '~lib/number/I32'.",
    "   :",
    " 9 │ log.infoInt(\"v\", v.foo);",
    "   │                    ~~~",
    "   └─ in bad.ts(9,20)",
  ].join("\n");
  assert.is(cleanDiagnostics(asc, () => "never read"), asc);
});

test("generated names are written as the user wrote them", () => {
  assert.is(demangle("Property 'x' does not exist on type 'blink$Task'"), "Property 'x' does not exist on type 'blink'");
  assert.is(demangle("$f.$env.count + $f.by"), "count + by");
  assert.is(demangle("$f.$env.$env.count"), "count");
  assert.is(demangle("type 'Led$blink'"), "type 'Led.blink'");
  assert.is(demangle("type 'add$fn0$Future'"), "type 'add'");
});

test("a type error inside an async function, built for real, points at the user's words", async () => {
  const dir = mkdtempSync(join(tmpdir(), "outpost-diag-"));
  const entry = join(dir, "main.ts");
  writeFileSync(entry, [
    `import { Timer, Duration, task } from "outpost";`,
    `async function work(n: i32): Promise<i32> {`,
    `  await Timer.after(Duration.millis(n));`,
    `  let s: string = n;`,
    `  return s.length;`,
    `}`,
    `export const t = task(1, async (): Promise<void> => { await work(1); });`,
    `export function main(): void { t.spawn(); }`,
    ``,
  ].join("\n"));
  const error = await compileFirmware({ entry, board: loadBoard("sim") }).then(() => null, (e: Error) => e.message);
  assert.ok(error, "the build fails");
  assert.match(error!, /4 │ {3}let s: string = n;\n {3}│ {19}~\n {3}└─ in main\.ts\(4,19\)/);
  assert.not.match(error!, /\$f\b/);
});

test("a name an import does not have, on the line where the lowering adds its own imports, is shown on the user's line and names the module imported", async () => {
  const dir = mkdtempSync(join(tmpdir(), "outpost-diag-"));
  const entry = join(dir, "main.ts");
  writeFileSync(entry, [
    `import { Timer, Duration, task, TimeoutErr } from "outpost";`,
    `export const t = task(1, async (): Promise<void> => { await Timer.after(Duration.millis(1)); });`,
    `export function main(): void { t.spawn(); }`,
    ``,
  ].join("\n"));
  const error = await compileFirmware({ entry, board: loadBoard("sim") }).then(() => null, (e: Error) => e.message);
  assert.ok(error, "the build fails");
  assert.match(error!, /ERROR TS2305: Module 'outpost' has no exported member 'TimeoutErr'\.\n {3}:\n 1 │ import \{ Timer, Duration, task, TimeoutErr \} from "outpost";\n {3}│ {33}~{10}\n {3}└─ in main\.ts\(1,33\)/);
  assert.not.match(error!, /\$Future|~lib/);
});

test("a type error inside an async closure, whose state machine the lowering writes after the file, points at the user's line", async () => {
  const dir = mkdtempSync(join(tmpdir(), "outpost-diag-"));
  const entry = join(dir, "main.ts");
  writeFileSync(entry, [
    `import { Timer, Duration, task, log } from "outpost";`,
    `export const t = task(1, async (): Promise<void> => {`,
    `  const base: i32 = 2;`,
    `  const add = async (n: i32): Promise<i32> => {`,
    `    await Timer.after(Duration.millis(n));`,
    `    let s: string = n + base;`,
    `    return s.length;`,
    `  };`,
    `  log.infoInt("v", await add(1));`,
    `});`,
    `export function main(): void { t.spawn(); }`,
    ``,
  ].join("\n"));
  const error = await compileFirmware({ entry, board: loadBoard("sim") }).then(() => null, (e: Error) => e.message);
  assert.ok(error, "the build fails");
  assert.match(error!, /6 │ {5}let s: string = n \+ base;\n {3}│ {21}~~~~~~~~\n {3}└─ in main\.ts\(6,21\)/);
  assert.not.match(error!, /\$f\b|\$poll|\$env/);
});

test.run();
