/**
 * TypeScript's code cache (tools/typescript.mjs): V8 refuses a cache made
 * under other flags, so each set of flags a process runs with keeps its own
 * file, and processes that alternate (outpost check with --no-opt, other
 * commands with --liftoff-only, tests with none) use theirs instead of
 * replacing each other's.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";

const tools = new URL("../../tools/", import.meta.url);
const cacheDir = new URL("../node_modules/.cache/outpost-ts/", tools).pathname;

/** Loads TypeScript in a process that runs with `flags` (set as bin/outpost.mjs sets them); returns the cache file it uses. */
function load(flags: string[]): string {
  const script = `
    import { setFlagsFromString } from "node:v8";
    const flags = ${JSON.stringify(flags)};
    for (const f of flags) setFlagsFromString(f);
    globalThis[Symbol.for("outpost.v8-flags")] = flags;
    const ts = (await import(${JSON.stringify(new URL("typescript.mjs", tools).href)})).default;
    process.stdout.write(ts.version);`;
  execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  const version = JSON.parse(execFileSync(process.execPath, ["-p", "JSON.stringify(require('typescript/package.json').version)"], { encoding: "utf8" }));
  return `${cacheDir}typescript-${version}-node${process.version}-${process.arch}-${flags.map((f) => f.slice(2)).join("+") || "default"}.v8`;
}

test("processes with different V8 flags keep separate caches and do not rewrite each other's", () => {
  const noOpt = load(["--no-opt"]); // writes its cache if it has none
  const written = statSync(noOpt).mtimeMs;
  const plain = load([]);
  assert.is.not(plain, noOpt);
  assert.ok(statSync(plain).isFile());
  load(["--no-opt"]); // takes its own cache as it is
  assert.is(statSync(noOpt).mtimeMs, written, "the --no-opt cache was rewritten: it was refused");
});

test.run();
