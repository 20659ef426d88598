/**
 * Host code run from source (tools/ts-hooks.mjs, tools/strip.mjs): types
 * are blanked, so a stack trace names the line and column of the
 * TypeScript as written; a module with syntax that is more than types
 * (what a user's own test may hold: an enum, a parameter property) runs
 * through TypeScript's transpiler instead, behaves the same, and a stack
 * trace still names its .ts line (through the transpiler's source map).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const dir = mkdtempSync(join(tmpdir(), "outpost-strip-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));

test("a stack trace names the line and column of the TypeScript as written", async () => {
  const file = join(dir, "thrower.ts");
  const lines = [
    "interface Reading { celsius: number }",
    "const limit: number = 40;",
    "export function check(r: Reading): void {",
    "  if (r.celsius > (limit as number)) throw new Error(`too hot: ${r.celsius}`);",
    "}",
  ];
  writeFileSync(file, lines.join("\n") + "\n");
  const { check } = (await import(pathToFileURL(file).href)) as { check: (r: { celsius: number }) => void };
  try {
    check({ celsius: 41 });
    assert.unreachable("it should throw");
  } catch (e) {
    const column = lines[3]!.indexOf("new Error") + 1;
    assert.match((e as Error).stack ?? "", `thrower.ts:4:${column}`);
  }
});

test("a module with an enum and a parameter property runs through TypeScript's transpiler", async () => {
  const file = join(dir, "legacy.ts");
  writeFileSync(file, "export enum Level { Low = 1, High }\nexport class Probe {\n  constructor(private readonly level: Level) {}\n  read(): number { return this.level * 10; }\n  fail(): never { throw new Error(`level ${this.level}`); }\n}\n");
  const { Level, Probe } = (await import(pathToFileURL(file).href)) as {
    Level: Record<string, number>;
    Probe: new (l: number) => { read(): number; fail(): never };
  };
  assert.is(Level.High, 2);
  assert.is(new Probe(Level.High!).read(), 20);
  // Its stack trace is put back on the .ts line through the transpiler's source map (tools/register.mjs).
  assert.throws(() => new Probe(1).fail(), (e: Error) => /legacy\.ts:5:/.test(e.stack ?? ""));
});

test.run();
