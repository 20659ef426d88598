// AssemblyScript, as Outpost's host code imports it: the compiler
// (`assemblyscript`) and its front end (`assemblyscript/asc`), each
// compiled with V8's code cache (module-script.mjs), both importing the
// binaryen of tools/binaryen.mjs, the one instance the rest of the process
// uses (a module's ref means nothing to another instance). A cold
// `outpost build` of blinky: about 1.6 s of CPU instead of 2.2 s (1.2 s of
// wall time instead of 1.7 s), the compile cache and no module hooks (their
// thread costs every module import a round trip) each about half of that.
//
// Where the modules are not of the shape module-script.mjs reads (another
// AssemblyScript release), they are imported as plain modules, with the
// hooks that resolve their `import "binaryen"` to the same instance
// (use-shims.mjs).
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import binaryen from "./binaryen.mjs";
import { loadModuleScript } from "./module-script.mjs";
import { useShims } from "./use-shims.mjs";

const compilerFile = fileURLToPath(import.meta.resolve("assemblyscript"));
const ascFile = fileURLToPath(import.meta.resolve("assemblyscript/asc"));
const version = JSON.parse(readFileSync(join(dirname(compilerFile), "../package.json"), "utf8")).version;

/** The file `import pkg from "<pkg>"` loads in a module at `from`: its package's `import` entry. */
function importEntry(from, pkg) {
  let dir = dirname(createRequire(from).resolve(pkg));
  for (;;) {
    const manifest = join(dir, "package.json");
    const json = existsSync(manifest) ? JSON.parse(readFileSync(manifest, "utf8")) : null;
    if (json?.name === pkg) {
      const entry = json.exports?.["."]?.import ?? json.exports?.import;
      return join(dir, (typeof entry === "string" ? entry : entry?.default) ?? json.module ?? json.main ?? "index.js");
    }
    if (dirname(dir) === dir) throw new Error(`${pkg}: no package.json above ${from}`);
    dir = dirname(dir);
  }
}

async function load() {
  try {
    // As `import * as b from "binaryen"` sees tools/binaryen.mjs, which the hooks resolve it to.
    const binaryenModule = { __proto__: null, default: binaryen };
    const long = await import(pathToFileURL(importEntry(compilerFile, "long")).href);
    const compiler = await loadModuleScript(compilerFile, "assemblyscript", version, { binaryen: binaryenModule, long });
    const asc = compiler && (await loadModuleScript(ascFile, "assemblyscript-asc", version, { binaryen: binaryenModule, assemblyscript: compiler }));
    if (compiler && asc) return { compiler, asc: asc.default };
  } catch {
    // below
  }
  useShims();
  return { compiler: await import("assemblyscript"), asc: (await import("assemblyscript/asc")).default };
}

const loaded = await load();
/** The compiler's API (`import * as compiler from "assemblyscript"`). */
export const compiler = loaded.compiler;
/** The front end (`import asc from "assemblyscript/asc"`): `asc.main(args, options)`. */
export const asc = loaded.asc;
