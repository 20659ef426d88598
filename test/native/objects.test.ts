/**
 * The native object cache (src/toolchain/native/objects.ts) on a small C
 * program built the way a native image's compile steps build: one command
 * that compiles two files and links them. Built again in a new folder, the
 * program is the same bytes and nothing is compiled; a header only one
 * file includes recompiles that file only; a -D flag recompiles both; with
 * OUTPOST_CACHE=off everything compiles. Skipped by name without gcc.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { runCompileStep } from "../../src/toolchain/native/objects.ts";
import { missingNativeTools } from "../helpers/native.ts";

const test = suite("native object cache");
const work = mkdtempSync(join(tmpdir(), "outpost-objects-"));
const cache = join(work, "cache");
const saved = process.env.OUTPOST_CACHE;
process.env.OUTPOST_CACHE = cache;
test.after(() => {
  if (saved === undefined) delete process.env.OUTPOST_CACHE;
  else process.env.OUTPOST_CACHE = saved;
  rmSync(work, { recursive: true, force: true });
});

const missing = missingNativeTools("posix");
const it = (name: string, fn: () => void): void => (missing ? test.skip(`${name} (skipped: ${missing})`, fn) : test(name, fn));

let builds = 0;
/** The program in a new folder, with `scale` in scale.h and `flags`: what it prints, its bytes, and the files compiled. */
function build(scale: number, flags: string[] = []): { output: string; bytes: Buffer; compiled: string[] } {
  const dir = join(work, `build-${++builds}`);
  mkdirSync(dir);
  writeFileSync(join(dir, "scale.h"), `#define SCALE ${scale}\n`);
  writeFileSync(join(dir, "area.c"), `#include "scale.h"\nint area(int side) { return side * side * SCALE; }\n`);
  writeFileSync(join(dir, "main.c"), `#include <stdio.h>\nint area(int side);\nint main(void) { printf("%d %d\\n", area(3), OFFSET); return 0; }\n`);
  const compiled = runCompileStep({ cc: "gcc", args: ["-O1", "-DOFFSET=7", ...flags, "area.c", "main.c", "-lm", "-o", "program"] }, dir, "building the test program");
  const run = spawnSync(join(dir, "program"), { encoding: "utf8" });
  return { output: run.stdout, bytes: readFileSync(join(dir, "program")), compiled };
}

it("the first build compiles each file; the same build elsewhere compiles nothing and is the same program, byte for byte", () => {
  const first = build(2);
  assert.equal([first.output, first.compiled], ["18 7\n", ["area.c", "main.c"]]);
  assert.equal(readdirSync(cache).filter((n) => n.endsWith(".o")).length, 2);
  const again = build(2);
  assert.equal([again.output, again.compiled], ["18 7\n", []]);
  assert.ok(again.bytes.equals(first.bytes), "the same program");
});

it("a header recompiles the file that includes it, and only that one", () => {
  const changed = build(5);
  assert.equal([changed.output, changed.compiled], ["45 7\n", ["area.c"]]);
});

it("a -D flag is part of every file's key: both recompile", () => {
  const flagged = build(2, ["-DOFFSET_UNUSED=1"]);
  assert.equal([flagged.output, flagged.compiled], ["18 7\n", ["area.c", "main.c"]]);
});

it("with OUTPOST_CACHE=off the command runs as written", () => {
  process.env.OUTPOST_CACHE = "off";
  try {
    const off = build(2);
    assert.equal([off.output, off.compiled], ["18 7\n", ["area.c", "main.c"]]);
  } finally {
    process.env.OUTPOST_CACHE = cache;
  }
});

test.run();
