/**
 * TypeScript's code cache (tools/typescript.mjs): V8 refuses a cache made
 * under other flags, so each set of flags a process runs with keeps its own
 * file, and processes that alternate (outpost check with --no-opt, other
 * commands with --liftoff-only, tests with none) use theirs instead of
 * replacing each other's (each process says whether V8 took its cache:
 * OUTPOST_CODE_CACHE_TRACE).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";

const tools = new URL("../../tools/", import.meta.url);
const cacheDir = new URL("../node_modules/.cache/outpost-ts/", tools).pathname;

/** Loads TypeScript in a process that runs with `flags` (set as bin/outpost.mjs sets them): the cache file it uses, and whether V8 took it. */
function load(flags: string[]): { file: string; cache: string } {
  const script = `
    import { setFlagsFromString } from "node:v8";
    const flags = ${JSON.stringify(flags)};
    for (const f of flags) setFlagsFromString(f);
    globalThis[Symbol.for("outpost.v8-flags")] = flags;
    const ts = (await import(${JSON.stringify(new URL("typescript.mjs", tools).href)})).default;
    process.stdout.write(ts.version);`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", env: { ...process.env, OUTPOST_CODE_CACHE_TRACE: "1" } });
  assert.is(r.status, 0, r.stderr);
  const file = `${cacheDir}typescript-${r.stdout}-node${process.version}-${process.arch}-${flags.map((f) => f.slice(2)).join("+") || "default"}.v8`;
  return { file, cache: r.stderr.trim() };
}

test("processes with different V8 flags keep separate caches and do not refuse each other's", () => {
  const noOpt = load(["--no-opt"]); // writes its cache if it has none
  const plain = load([]);
  assert.is.not(plain.file, noOpt.file);
  assert.ok(statSync(plain.file).isFile() && statSync(noOpt.file).isFile());
  // Each takes its own cache as it is (a process with other flags writing the same file would make V8 refuse it).
  assert.is(load(["--no-opt"]).cache, "code cache typescript: taken");
  assert.is(load([]).cache, "code cache typescript: taken");
});

test.run();
