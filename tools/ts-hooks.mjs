// Node module hooks that let Outpost's host code (TypeScript) run without a
// build step: `.ts` files are transpiled on load (types stripped, nothing
// checked; `npm test` type-checks with tsc). Output is cached by content hash
// in node_modules/.cache/outpost-ts, so TypeScript itself is only loaded on
// a cache miss. `import ts from "typescript"` loads it through require
// (typescript.mjs says why).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { transpileOptions } from "./ts-options.mjs";
import { writeWhole } from "./write-whole.mjs";

const cacheDir = fileURLToPath(new URL("../node_modules/.cache/outpost-ts/", import.meta.url));
const typescriptShim = new URL("./typescript.mjs", import.meta.url).href;
let ts;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === "typescript") return { url: typescriptShim, format: "module", shortCircuit: true };
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith("file:") || !url.endsWith(".ts")) return nextLoad(url, context);
  const path = fileURLToPath(url);
  const source = readFileSync(path, "utf8");
  const key = createHash("sha1").update(path).update("\0").update(source).digest("hex");
  const cached = cacheDir + key + ".js";
  let code;
  try {
    code = readFileSync(cached, "utf8");
  } catch {
    ts ??= (await import(typescriptShim)).default;
    code = ts.transpileModule(source, {
      fileName: path,
      compilerOptions: transpileOptions(ts, { sourceMap: false, inlineSourceMap: true, inlineSources: false }),
    }).outputText;
    writeWhole(cached, code); // a read-only tree still runs; it just transpiles every time
  }
  return { format: "module", source: code, shortCircuit: true };
}
