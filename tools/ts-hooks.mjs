// Node module hooks that let Outpost's host code (TypeScript) run without a
// build step: `.ts` files are transpiled on load (types stripped, nothing
// checked; `npm test` type-checks with tsc), through the cache transpile.mjs
// keeps, so TypeScript itself is only loaded on a cache miss.
// `import ts from "typescript"` loads it through require (typescript.mjs
// says why), and `binaryen` (ours and AssemblyScript's) as a script with a
// code cache (binaryen.mjs).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { transpiled } from "./transpile.mjs";

const typescriptShim = new URL("./typescript.mjs", import.meta.url).href;
const binaryenShim = new URL("./binaryen.mjs", import.meta.url).href;
let ts;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === "typescript") return { url: typescriptShim, format: "module", shortCircuit: true };
  if (specifier === "binaryen") return { url: binaryenShim, format: "module", shortCircuit: true };
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  // A query (`mod.ts?run=2`, a second instance of a module) is not part of the file's path.
  if (!url.startsWith("file:") || !new URL(url).pathname.endsWith(".ts")) return nextLoad(url, context);
  const path = fileURLToPath(url);
  const code = await transpiled(path, readFileSync(path, "utf8"), async () => (ts ??= (await import(typescriptShim)).default));
  return { format: "module", source: code, shortCircuit: true };
}
