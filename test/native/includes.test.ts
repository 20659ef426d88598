/**
 * What the native object cache keys an object by (src/toolchain/native/
 * includes.ts), seen through the compiles it makes or skips: a header two
 * includes deep, one under an #if the compile does not take, one named
 * through a macro (keyed by the preprocessor instead), and one found by
 * -I, each recompile the file when they change and only then. Skipped by
 * name without gcc.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { compileInputs } from "../../src/toolchain/native/includes.ts";
import { runCompileStep } from "../../src/toolchain/native/objects.ts";
import { toolPath } from "../../src/toolchain/native/tools.ts";
import { missingNativeTools } from "../helpers/native.ts";

const test = suite("native object keys");
const work = mkdtempSync(join(tmpdir(), "outpost-includes-"));
const saved = process.env.OUTPOST_CACHE;
process.env.OUTPOST_CACHE = join(work, "cache");
test.after(() => {
  if (saved === undefined) delete process.env.OUTPOST_CACHE;
  else process.env.OUTPOST_CACHE = saved;
  rmSync(work, { recursive: true, force: true });
});

const missing = missingNativeTools("posix");
const it = (name: string, fn: () => void): void => (missing ? test.skip(`${name} (skipped: ${missing})`, fn) : test(name, fn));

/** The program's files, each overridable. */
const FILES: Record<string, string> = {
  "main.c": '#include <stdio.h>\n#include "outer.h"\n#include NAMED\nint other(void);\nint main(void) { printf("%d %d %d\\n", DEEP, NAMED_VALUE, other() - DEEP); return 0; }\n',
  "outer.h": '#include "inner.h"\n',
  "inner.h": "#define DEEP 1\n",
  "unused.h": "/* never read */\n",
  "named.h": "#define NAMED_VALUE 2\n",
  "lib/lib.h": "#define LIB 3\n",
  "other.c": '#include "outer.h"\n#include <lib.h>\n#if 0\n#include "unused.h"\n#endif\nint other(void) { return DEEP + LIB; }\n',
};

let builds = 0;
/** The program built in a new folder with `changes` to FILES: what it prints and the files compiled. */
function build(changes: Record<string, string> = {}): { output: string; compiled: string[] } {
  const dir = join(work, `build-${++builds}`);
  mkdirSync(join(dir, "lib"), { recursive: true });
  for (const [file, text] of Object.entries({ ...FILES, ...changes })) writeFileSync(join(dir, file), text);
  const args = ["-O0", '-DNAMED="named.h"', "-Ilib", "main.c", "other.c", "-o", "program"];
  const compiled = runCompileStep({ cc: "gcc", args }, dir, "building the test program");
  return { output: spawnSync(join(dir, "program"), { encoding: "utf8" }).stdout, compiled };
}

it("the first build compiles both files, the same files elsewhere none", () => {
  assert.equal(build(), { output: "1 2 3\n", compiled: ["main.c", "other.c"] });
  assert.equal(build(), { output: "1 2 3\n", compiled: [] });
});

it("a header two includes deep recompiles every file that reaches it", () => {
  assert.equal(build({ "inner.h": "#define DEEP 10\n" }), { output: "10 2 3\n", compiled: ["main.c", "other.c"] });
});

it("a header found through -I recompiles the file that includes it, and only that one", () => {
  assert.equal(build({ "lib/lib.h": "#define LIB 30\n" }), { output: "1 2 30\n", compiled: ["other.c"] });
});

it("a header named through a macro is keyed by the preprocessor: a change recompiles, an unchanged one does not", () => {
  assert.equal(build({ "named.h": "#define NAMED_VALUE 20\n" }), { output: "1 20 3\n", compiled: ["main.c"] });
  assert.equal(build({ "named.h": "#define NAMED_VALUE 20\n" }), { output: "1 20 3\n", compiled: [] });
});

it("a header under an #if the compile does not take counts as read (a key may cover more than is read, never less)", () => {
  assert.equal(build({ "unused.h": "/* still never read */\n" }), { output: "1 2 3\n", compiled: ["other.c"] });
});

it("what the key is made of: each project file a compile can read, by content, and the system headers' fingerprint", () => {
  const dir = join(work, `build-${builds}`);
  const inputs = compileInputs(toolPath("gcc")!, ["-O0", "-Ilib", "-c", "other.c", "-o", "other.o"], dir)!;
  assert.equal(inputs.split("\n").map((l) => l.split(" ")[0]), ["inner.h", "lib/lib.h", "other.c", "outer.h", "unused.h", "system"]);
  assert.is(compileInputs(toolPath("gcc")!, ["-O0", '-DNAMED="named.h"', "-Ilib", "-c", "main.c", "-o", "main.o"], dir), null, "an #include through a macro is not followed");
});

test.run();
