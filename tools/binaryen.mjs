// binaryen as Outpost's processes load it (src/toolchain/wasm/binaryen.ts
// and assemblyscript.mjs import it; shim-hooks.mjs resolves the specifier
// `binaryen` here): its module compiled with V8's code cache.
//
// Why: binaryen ships as one 15 MB ES module (its WebAssembly inline), and
// Node compiles an ES module from its text every time, about 0.4 s of each
// process that builds firmware. V8 keeps a code cache only for scripts, so
// this reads the module as a script: its body inside an async function,
// `import.meta.url` and its one `import("node:module")` handed in, its
// `export { x as default }` returned. The cache is written once, when a
// process that compiled without it exits, beside TypeScript's
// (typescript.mjs, which says how it is keyed). Anything in the module this
// does not expect (another import or export, another use of import.meta)
// loads it as the plain module it is.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { compileCached } from "./code-cache.mjs";

const require = createRequire(import.meta.url);
const file = require.resolve("binaryen");
const url = pathToFileURL(file).href;

/** The module's text as the body of an async function, or null when its shape is not the one expected. */
export function asScript(text) {
  const tail = /export\s*\{\s*([\w$]+)\s+as\s+default\s*\}\s*;?\s*$/.exec(text);
  if (!tail) return null;
  let body = text.slice(0, tail.index) + `\nreturn ${tail[1]};`;
  body = body.replaceAll("import.meta.url", "__outpost_import_meta_url");
  body = body.replaceAll('import("node:module")', '__outpost_import("node:module")');
  // A dynamic import left over would fail only when it runs (a script has no module to import from); a
  // static import or export, or import.meta, fails to compile, which load() turns into a plain import.
  if (/(?<![\w$.])import\s*\(/.test(body)) return null;
  return `(async function (__outpost_import_meta_url, __outpost_import) {"use strict";${body}\n})`;
}

async function load() {
  const text = readFileSync(file, "utf8");
  const body = asScript(text);
  if (body === null) return (await import(url)).default;
  const version = JSON.parse(readFileSync(require.resolve("binaryen/package.json"), "utf8")).version;
  let script;
  try {
    script = compileCached(body, file, "binaryen", version);
  } catch {
    return (await import(url)).default;
  }
  return script.runInThisContext()(url, (specifier) => import(specifier));
}

export default await load();
