/**
 * The native object cache (src/toolchain/native/objects.ts) on a small C
 * program built the way a native image's compile steps build: one command
 * that compiles two files and links them. Built again in a new folder, the
 * program is the same bytes and nothing is compiled; a header only one
 * file includes recompiles that file only; a -D flag recompiles both; with
 * OUTPOST_CACHE=off everything compiles. Then what a key covers
 * (includes.ts), on a program whose headers include each other. Skipped by
 * name without gcc.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { compileInputs } from "../../src/toolchain/native/includes.ts";
import { runCompileStep } from "../../src/toolchain/native/objects.ts";
import { hasTool, toolPath } from "../../src/toolchain/native/tools.ts";

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

const missing = hasTool("gcc") ? null : "gcc not installed";
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

/**
 * What a key covers (src/toolchain/native/includes.ts): a header two includes deep, one found by -I,
 * one named through a macro (keyed by the preprocessor instead) and one under an #if the compile does
 * not take each recompile the files that can read them when they change, and only then.
 */
const INCLUDING: Record<string, string> = {
  "main.c": '#include <stdio.h>\n#include "outer.h"\n#include NAMED\nint other(void);\nint main(void) { printf("%d %d %d\\n", DEEP, NAMED_VALUE, other() - DEEP); return 0; }\n',
  "outer.h": '#include "inner.h"\n',
  "inner.h": "#define DEEP 1\n",
  "unused.h": "/* never read */\n",
  "named.h": "#define NAMED_VALUE 2\n",
  "lib/lib.h": "#define LIB 3\n",
  "other.c": '#include "outer.h"\n#include <lib.h>\n#if 0\n#include "unused.h"\n#endif\nint other(void) { return DEEP + LIB; }\n',
};

/** The program of INCLUDING built in a new folder with `changes` to its files: what it prints and the files compiled. */
function buildIncluding(changes: Record<string, string> = {}): { output: string; compiled: string[] } {
  const dir = join(work, `build-${++builds}`);
  mkdirSync(join(dir, "lib"), { recursive: true });
  for (const [file, text] of Object.entries({ ...INCLUDING, ...changes })) writeFileSync(join(dir, file), text);
  const args = ["-O0", '-DNAMED="named.h"', "-Ilib", "main.c", "other.c", "-o", "program"];
  const compiled = runCompileStep({ cc: "gcc", args }, dir, "building the test program");
  return { output: spawnSync(join(dir, "program"), { encoding: "utf8" }).stdout, compiled };
}

it("a program whose files include each other: the first build compiles both files, the same files elsewhere none", () => {
  assert.equal(buildIncluding(), { output: "1 2 3\n", compiled: ["main.c", "other.c"] });
  assert.equal(buildIncluding(), { output: "1 2 3\n", compiled: [] });
});

it("a header two includes deep recompiles every file that reaches it", () => {
  assert.equal(buildIncluding({ "inner.h": "#define DEEP 10\n" }), { output: "10 2 3\n", compiled: ["main.c", "other.c"] });
});

it("a header found through -I recompiles the file that includes it, and only that one", () => {
  assert.equal(buildIncluding({ "lib/lib.h": "#define LIB 30\n" }), { output: "1 2 30\n", compiled: ["other.c"] });
});

it("a header named through a macro is keyed by the preprocessor: a change recompiles, an unchanged one does not", () => {
  assert.equal(buildIncluding({ "named.h": "#define NAMED_VALUE 20\n" }), { output: "1 20 3\n", compiled: ["main.c"] });
  assert.equal(buildIncluding({ "named.h": "#define NAMED_VALUE 20\n" }), { output: "1 20 3\n", compiled: [] });
});

it("a header under an #if the compile does not take counts as read (a key may cover more than is read, never less)", () => {
  assert.equal(buildIncluding({ "unused.h": "/* still never read */\n" }), { output: "1 2 3\n", compiled: ["other.c"] });
});

it("what the key is made of: each project file a compile can read, by content, and the system headers' fingerprint", () => {
  const dir = join(work, `build-${builds}`);
  const inputs = compileInputs(toolPath("gcc")!, ["-O0", "-Ilib", "-c", "other.c", "-o", "other.o"], dir)!;
  assert.equal(inputs.split("\n").map((l) => l.split(" ")[0]), ["inner.h", "lib/lib.h", "other.c", "outer.h", "unused.h", "system"]);
  assert.is(compileInputs(toolPath("gcc")!, ["-O0", '-DNAMED="named.h"', "-Ilib", "-c", "main.c", "-o", "main.o"], dir), null, "an #include through a macro is not followed");
  assert.is(compileInputs(toolPath("gcc")!, ["-O0", "-isystem", "lib", "-c", "main.c", "-o", "main.o"], dir), null, "a folder searched by -isystem is not followed");
  assert.is(compileInputs(toolPath("gcc")!, ["-O0", "-iquotelib", "-c", "main.c", "-o", "main.o"], dir), null, "-iquote, written as one argument, is not followed");
});

// tcc lists its include folders only for -vv: without them its objects would be keyed anew in every process.
(hasTool("tcc") ? test : test.skip)(`tcc's system headers are fingerprinted as GCC's are${hasTool("tcc") ? "" : " (skipped: tcc not installed)"}`, () => {
  const dir = join(work, `build-${builds}`);
  const system = compileInputs(toolPath("tcc")!, ["-O0", "-Ilib", "-c", "other.c", "-o", "other.o"], dir)!.split("\n").pop()!;
  assert.match(system, /^system [0-9a-f]{64}$/);
});

test.run();
