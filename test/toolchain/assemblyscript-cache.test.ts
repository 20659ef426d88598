/**
 * AssemblyScript compiled with V8's code cache (tools/assemblyscript.mjs,
 * tools/module-script.mjs): an `outpost` build loads the compiler and its
 * front end as the scripts made of them, and binaryen as tools/binaryen.mjs
 * makes it, never as modules (which would be compiled from their text
 * again, and a second binaryen beside the first), and takes the caches an
 * earlier process left;
 * the rewrite keeps the module's meaning and every position, and leaves a
 * module of any other shape to be imported as it is; a damaged script is
 * made again, and one of another version removed.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { asScript, loadModuleScript } from "../../tools/module-script.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
/** Preloaded into the `outpost` process: prints each module Node's loader loads from AssemblyScript's or binaryen's package. */
const traceHook = `export async function load(url, context, next) { if (/node_modules\\/(assemblyscript|binaryen)\\//.test(url)) process.stderr.write("loaded " + url + "\\n"); return next(url, context); }`;
const tracer = `data:text/javascript,${encodeURIComponent(`import { register } from "node:module"; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(traceHook)}`)});`)}`;

test("an outpost build loads AssemblyScript and binaryen as cached scripts, none of their modules, from the caches an earlier build left", () => {
  const dir = mkdtempSync(join(tmpdir(), "outpost-asc-"));
  const build = () =>
    spawnSync(process.execPath, ["--import", tracer, join(root, "bin/outpost.mjs"), "build", "examples/blinky/main.ts", "-o", join(dir, "blinky.wasm")], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, OUTPOST_CACHE: "off", OUTPOST_CODE_CACHE_TRACE: "1" },
    });
  try {
    const first = build(); // leaves the caches if there were none
    assert.is(first.status, 0, first.stderr);
    const again = build();
    assert.is(again.status, 0, again.stderr);
    const lines = again.stderr.split("\n");
    assert.equal(lines.filter((l) => l.startsWith("loaded ")), [], "a module of AssemblyScript or binaryen was loaded as a module");
    assert.equal(lines.filter((l) => /^code cache (assemblyscript|binaryen)/.test(l)).sort(), ["assemblyscript", "assemblyscript-asc", "binaryen"].map((n) => `code cache ${n}: taken`).sort());
    assert.equal(readFileSync(join(dir, "blinky.wasm")).subarray(0, 4), Buffer.from("\0asm"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Runs a script asScript made, with `imports`; its namespace. */
async function run(script: string, imports: Record<string, unknown>): Promise<Record<string, unknown>> {
  const fn = vm.runInThisContext(script) as (i: unknown, meta: { url: string }, load: (s: string) => Promise<unknown>) => Promise<Record<string, unknown>>;
  return fn(imports, { url: "file:///m.js" }, async (s) => ({ loaded: s }));
}

test("imports, exports, import.meta and import() become the function's, bindings stay live, and every position stays", async () => {
  const module = [
    `import a from "x";import * as b from "y";`,
    `import { c as d, e } from "x";`,
    `const text = 'import z from "nowhere"; export { q };';`,
    `let count = 0; function bump() { count++; }`,
    `const url = import.meta.url; const later = () => import("z");`,
    `export { count as value, bump, d as default, a, b, e, text, url, later };`,
  ].join("\n");
  const script = await asScript(module, "m.js", ["x", "y"]);
  assert.ok(script !== null);
  // The module's lines, each at its place and length: the function's start and the imports share line 1.
  const body = script!.split("\n");
  for (const [i, line] of module.split("\n").entries()) if (i > 0) assert.is(body[i]!.length, line.length, `line ${i + 1}`);
  assert.ok(body[1]!.trim() === "" && body[2] === module.split("\n")[2], "an import's line is blank; a string that looks like one is left as written");
  const x = { default: 1, c: 2, e: 3 };
  const y = { default: 4, other: 5 };
  const ns = await run(script!, { x, y });
  assert.equal([ns.a, ns.b, ns.default, ns.e, ns.text], [1, y, 2, 3, `import z from "nowhere"; export { q };`]);
  assert.is(ns.url, "file:///m.js");
  assert.equal(await (ns.later as () => Promise<unknown>)(), { loaded: "z" });
  (ns.bump as () => void)();
  assert.is(ns.value, 1, "an exported let is read live");
});

test("a module of another shape is left a module", async () => {
  assert.is(await asScript(`export const a = 1;`, "m.js", []), null, "a declaration exported where it is made");
  assert.is(await asScript(`const a = 1;\nexport default a;`, "m.js", []), null, "export default");
  assert.is(await asScript(`export * from "x";`, "m.js", ["x"]), null, "a re-export");
  assert.is(await asScript(`import a from "w";\nexport { a };`, "m.js", ["x"]), null, "an import nobody hands in");
  assert.is(await asScript(`const a = 1;`, "m.js", []), null, "no exports");
});

test("a kept script that no longer compiles is made again, and scripts of another version are removed", async () => {
  const dir = mkdtempSync(join(tmpdir(), "outpost-module-"));
  const name = "outpost-test-module"; // one name: its code cache, written when the process exits, is the one file left
  const cacheDir = join(root, "node_modules/.cache/outpost-ts");
  const mine = () => readdirSync(cacheDir).filter((f) => f.startsWith(`${name}@`));
  try {
    const file = join(dir, "m.js");
    writeFileSync(file, "let n = 41;\nexport { n as default };\n");
    writeFileSync(join(cacheDir, `${name}@0.9.0-000000000000.script.js`), "(async function () { return { default: 0 }; })");
    assert.is((await loadModuleScript(file, name, "1.0.0", {}))?.default, 41);
    const kept = mine();
    assert.is(kept.length, 1, "the other version's script is gone");
    const script = join(cacheDir, kept[0]!);
    const made = readFileSync(script, "utf8");
    writeFileSync(script, "garbage (((");
    assert.is((await loadModuleScript(file, name, "1.0.0", {}))?.default, 41);
    assert.is(readFileSync(script, "utf8"), made, "made again");
  } finally {
    for (const f of existsSync(cacheDir) ? mine() : []) rmSync(join(cacheDir, f), { force: true });
    for (const f of existsSync(cacheDir) ? readdirSync(cacheDir).filter((x) => x.startsWith(`${name}-`)) : []) rmSync(join(cacheDir, f), { force: true });
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
