// Compiles a large script (TypeScript, binaryen: typescript.mjs,
// binaryen.mjs) with V8's code cache, kept in
// node_modules/.cache/outpost-ts/<name>-<version>-node<v>-<arch>-<flags>.v8.
// V8 checks a cache against the source, the Node version and its flags,
// and compiles as usual when it does not match; the cache is then written
// when the process exits, holding every function the process compiled, not
// only the top level. V8 refuses a cache made under other flags (and the
// writer would replace it), so each set of flags a process sets at run time
// (bin/outpost.mjs and the test workers name them) keeps its own file:
// without that, `outpost check`, other commands and the tests would each
// throw away the others' cache. A cache that cannot be written is skipped.
// OUTPOST_CODE_CACHE_TRACE=1 prints, for each, whether V8 took it.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { writeWhole } from "./write-whole.mjs";

/** The file the cache of `name` at `version` is kept in, for this process's Node and flags. */
export function codeCacheFile(name, version) {
  const flags = (globalThis[Symbol.for("outpost.v8-flags")] ?? []).map((f) => f.replace(/^-+/, "")).join("+") || "default";
  return fileURLToPath(new URL(`../node_modules/.cache/outpost-ts/${name}-${version}-node${process.version}-${process.arch}-${flags}.v8`, import.meta.url));
}

/** `source` compiled as a script named `filename`, from the cache of `name` at `version` when it matches. Throws what V8 throws on a syntax error. */
export function compileCached(source, filename, name, version) {
  const cacheFile = codeCacheFile(name, version);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {}
  const script = new vm.Script(source, { filename, cachedData });
  // For tests: whether V8 took the cache (another process may rewrite a file meanwhile, so its time says nothing).
  if (process.env.OUTPOST_CODE_CACHE_TRACE) process.stderr.write(`code cache ${name}: ${cachedData === undefined ? "none" : script.cachedDataRejected ? "refused" : "taken"}\n`);
  if (cachedData === undefined || script.cachedDataRejected) process.once("exit", () => writeWhole(cacheFile, script.createCachedData()));
  return script;
}
