// What `import ts from "typescript"` in Outpost's host code loads when it
// runs from source (ts-hooks.mjs resolves the specifier here): TypeScript
// as require() would load it, compiled with V8's code cache.
//
// Why not a plain import: imported as ES module, Node first scans all 9 MB
// of typescript.js for its export names (about 1 s against 0.4 s per
// process here). Why the code cache: compiling typescript.js is most of
// what loading it costs, and every `outpost` command that reads firmware
// source loads it; with the cache, a process compiles only what the cache
// lacks (`outpost check` of blinky: 1.5 s of CPU instead of 2.0 s). The cache is written once,
// when a process that compiled without it exits, to
// node_modules/.cache/outpost-ts/ (beside ts-hooks.mjs's); V8 checks it
// against the source, the Node version and its flags, and compiles as
// usual when it does not match. A cache that cannot be written is skipped.
import Module, { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { writeWhole } from "./write-whole.mjs";

const require = createRequire(import.meta.url);
const file = require.resolve("typescript");

function load() {
  if (require.cache[file]) return require.cache[file].exports;
  const version = JSON.parse(readFileSync(require.resolve("typescript/package.json"), "utf8")).version;
  const cacheDir = fileURLToPath(new URL("../node_modules/.cache/outpost-ts/", import.meta.url));
  // V8 refuses a cache made under other flags (and the writer then replaces it), so each set of
  // flags a process sets at run time (bin/outpost.mjs names them) keeps its own file: without
  // that, `outpost check`, other commands and the tests would each throw away the others' cache.
  const flags = (globalThis[Symbol.for("outpost.v8-flags")] ?? []).map((f) => f.replace(/^-+/, "")).join("+") || "default";
  const cacheFile = `${cacheDir}typescript-${version}-node${process.version}-${process.arch}-${flags}.v8`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {}
  const script = new vm.Script(Module.wrap(readFileSync(file, "utf8")), { filename: file, cachedData });
  const mod = new Module(file, undefined);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(dirname(file));
  require.cache[file] = mod;
  script.runInThisContext().call(mod.exports, mod.exports, createRequire(file), mod, file, dirname(file));
  mod.loaded = true;
  if (cachedData === undefined || script.cachedDataRejected) {
    // At exit the cache holds every function this process compiled, not only the top level.
    process.once("exit", () => {
      writeWhole(cacheFile, script.createCachedData());
    });
  }
  return mod.exports;
}

export default load();
