// One host module's TypeScript stripped to JavaScript (strip.mjs), cached
// in node_modules/.cache/outpost-ts by path, content, the stripping code
// and the versions of ts-blank-space and TypeScript: shared by the loader
// (ts-hooks.mjs) and the bundles (rollup-typescript.mjs), so a module
// stripped for one is read back by the other, and TypeScript itself is
// loaded only on a miss.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { writeWhole } from "./write-whole.mjs";

const cacheDir = new URL("../node_modules/.cache/outpost-ts/", import.meta.url).pathname;
/** What else makes an output: how it is made and with what (a change strips everything again). */
const FORMAT = (() => {
  const require = createRequire(import.meta.url);
  const version = (name) => JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")).version;
  const hash = createHash("sha1");
  for (const tool of ["./strip.mjs", "./ts-options.mjs"]) hash.update(readFileSync(new URL(tool, import.meta.url)));
  return hash.update(version("typescript")).update(version("ts-blank-space")).digest("hex");
})();

/** `source` (the text of the module at `path`) as JavaScript. */
export async function transpiled(path, source) {
  const key = createHash("sha1").update(FORMAT).update("\0").update(path).update("\0").update(source).digest("hex");
  const cached = cacheDir + key + ".js";
  try {
    return readFileSync(cached, "utf8");
  } catch {
    const { strip } = await import("./strip.mjs");
    const { code } = strip(path, source);
    writeWhole(cached, code); // a read-only tree still runs; it just strips every time
    return code;
  }
}
