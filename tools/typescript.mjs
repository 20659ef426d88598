// What `import ts from "typescript"` in Outpost's host code loads when it
// runs from source (ts-hooks.mjs resolves the specifier here): TypeScript
// as require() would load it, compiled with V8's code cache.
//
// Why not a plain import: imported as ES module, Node first scans all 9 MB
// of typescript.js for its export names (about 1 s against 0.4 s per
// process here). Why the code cache: compiling typescript.js is most of
// what loading it costs, and every `outpost` command that reads firmware
// source loads it; with the cache, a process compiles only what the cache
// lacks (`outpost check` of blinky: 1.5 s of CPU instead of 2.0 s);
// code-cache.mjs keeps the cache.
import Module, { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { compileCached } from "./code-cache.mjs";

const require = createRequire(import.meta.url);
const file = require.resolve("typescript");

function load() {
  if (require.cache[file]) return require.cache[file].exports;
  const version = JSON.parse(readFileSync(require.resolve("typescript/package.json"), "utf8")).version;
  const script = compileCached(Module.wrap(readFileSync(file, "utf8")), file, "typescript", version);
  const mod = new Module(file, undefined);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(dirname(file));
  require.cache[file] = mod;
  script.runInThisContext().call(mod.exports, mod.exports, createRequire(file), mod, file, dirname(file));
  mod.loaded = true;
  return mod.exports;
}

export default load();
