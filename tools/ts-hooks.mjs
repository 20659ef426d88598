// Node module hooks that let Outpost's host code (TypeScript) run without a
// build step: `.ts` files have their types stripped on load (strip.mjs;
// nothing is checked: `npm test` type-checks with tsc), through the cache
// transpile.mjs keeps, so TypeScript itself is only loaded on a cache miss.
// `typescript` and `binaryen` (ours, and those AssemblyScript and
// ts-blank-space import) load with V8's code cache (shim-hooks.mjs).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { transpiled } from "./transpile.mjs";

export { resolve } from "./shim-hooks.mjs";

export async function load(url, context, nextLoad) {
  // A query (`mod.ts?run=2`, a second instance of a module) is not part of the file's path.
  if (!url.startsWith("file:") || !new URL(url).pathname.endsWith(".ts")) return nextLoad(url, context);
  const path = fileURLToPath(url);
  const code = await transpiled(path, readFileSync(path, "utf8"));
  return { format: "module", source: code, shortCircuit: true };
}
