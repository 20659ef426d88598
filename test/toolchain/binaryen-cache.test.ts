/**
 * binaryen compiled with V8's code cache (tools/binaryen.mjs): an `outpost`
 * process that builds loads binaryen once, as the script the shim makes of
 * it (AssemblyScript's import of it included: tools/assemblyscript.mjs
 * hands it in), and takes the cache an earlier
 * process left; a module of any other shape than the one expected is loaded
 * as the module it is.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { asScript } from "../../tools/binaryen.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const shim = new URL("../../tools/binaryen.mjs", import.meta.url).href;
const version = JSON.parse(readFileSync(join(root, "node_modules/binaryen/package.json"), "utf8")).version as string;
/** The cache of a process that runs as `outpost` does (bin/outpost.mjs sets --liftoff-only). */
const cacheFile = join(root, `node_modules/.cache/outpost-ts/binaryen-${version}-node${process.version}-${process.arch}-liftoff-only.v8`);
/** Preloaded into the `outpost` process: prints each module Node's loader loads whose URL names binaryen. */
const traceHook = `export async function load(url, context, next) { if (/binaryen/.test(url)) process.stderr.write("loaded " + url + "\\n"); return next(url, context); }`;
const tracer = `data:text/javascript,${encodeURIComponent(`import { register } from "node:module"; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(traceHook)}`)});`)}`;

test("an outpost build loads binaryen once, through the shim, from the cache an earlier process left", () => {
  // A process with outpost's flags that loads binaryen: it leaves the cache if there was none.
  const first = spawnSync(process.execPath, ["--liftoff-only", "--input-type=module", "-e", `globalThis[Symbol.for("outpost.v8-flags")] = ["--liftoff-only"]; await import(${JSON.stringify(shim)});`]);
  assert.is(first.status, 0, String(first.stderr));
  // The command's host tree made beforehand: making it registers the hook too, which would hide a build that does not.
  const version = spawnSync(process.execPath, [join(root, "bin/outpost.mjs"), "--version"]);
  assert.is(version.status, 0, String(version.stderr));
  const dir = mkdtempSync(join(tmpdir(), "outpost-binaryen-"));
  try {
    const build = spawnSync(process.execPath, ["--import", tracer, join(root, "bin/outpost.mjs"), "build", "examples/blinky/main.ts", "-o", join(dir, "blinky.wasm")], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, OUTPOST_CACHE: "off", OUTPOST_CODE_CACHE_TRACE: "1" },
    });
    assert.is(build.status, 0, build.stderr);
    assert.ok(statSync(cacheFile).isFile());
    const loaded = build.stderr.split("\n").filter((l) => l.startsWith("loaded "));
    assert.equal(loaded.filter((l) => l.includes("/node_modules/binaryen/")), [], "binaryen's own module was loaded (by AssemblyScript?) beside the shim");
    assert.equal(loaded.filter((l) => l.endsWith("/tools/binaryen.mjs")).length, 1);
    assert.equal(build.stderr.split("\n").filter((l) => l.startsWith("code cache binaryen")), ["code cache binaryen: taken"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("binaryen's module becomes a script's body; a module of another shape is left a module", () => {
  const body = asScript(readFileSync(join(root, "node_modules/binaryen/index.js"), "utf8"));
  assert.ok(body !== null && !body.includes("import.meta") && !/\bexport\s*\{/.test(body.slice(-200)));
  assert.is(asScript(`const a = import.meta.url;\nexport { a as default };\n`), `(async function (__outpost_import_meta_url, __outpost_import) {"use strict";const a = __outpost_import_meta_url;\n\nreturn a;\n})`);
  assert.is(asScript(`const m = await import("node:fs");\nexport { m as default };`), null, "another dynamic import");
  assert.is(asScript(`export const a = 1;`), null, "no default export at the end");
});

test.run();
