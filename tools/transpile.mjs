// One host module's TypeScript stripped to JavaScript (ts-options.mjs, with
// an inline source map), cached in node_modules/.cache/outpost-ts by path,
// content, settings and TypeScript's version: shared by the loader
// (ts-hooks.mjs) and the bundles (rollup-typescript.mjs), so a module
// transpiled for one is read back by the other, and TypeScript itself is
// loaded only on a miss.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { transpileOptions } from "./ts-options.mjs";
import { writeWhole } from "./write-whole.mjs";

const cacheDir = new URL("../node_modules/.cache/outpost-ts/", import.meta.url).pathname;
/** What else makes an output: the settings and TypeScript's version (a changed one transpiles everything again). */
const FORMAT = createHash("sha1")
  .update(readFileSync(new URL("./ts-options.mjs", import.meta.url)))
  .update(JSON.parse(readFileSync(createRequire(import.meta.url).resolve("typescript/package.json"), "utf8")).version)
  .digest("hex");

/** `source` (the text of the module at `path`) as JavaScript; `typescript()` gives the typescript module. */
export async function transpiled(path, source, typescript) {
  const key = createHash("sha1").update(FORMAT).update("\0").update(path).update("\0").update(source).digest("hex");
  const cached = cacheDir + key + ".js";
  try {
    return readFileSync(cached, "utf8");
  } catch {
    const ts = await typescript();
    const code = ts.transpileModule(source, {
      fileName: path,
      compilerOptions: transpileOptions(ts, { sourceMap: false, inlineSourceMap: true, inlineSources: false }),
    }).outputText;
    writeWhole(cached, code); // a read-only tree still runs; it just transpiles every time
    return code;
  }
}
