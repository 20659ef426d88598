/**
 * Runs a native image's compile steps (project.ts) through an object cache
 * kept in the build cache's folder (cache/store.ts), so what images share
 * is compiled once: the host loop, its reports, the bench and the platform
 * depend on the board and the flags, not on the firmware, and the
 * conformance tests link dozens of images from them; `outpost build` of a
 * native board recompiles only what changed.
 *
 * A step that compiles and links several C files at once runs as one
 * compile per file (`-c`, link-only flags left out) and then the link of
 * the objects with the step's own arguments, which links what the single
 * command would. An object is found by its compiler (path, version and
 * target), its arguments (every -D) and what it reads: the source and
 * every project file it can include, by content, and the system headers'
 * fingerprint (includes.ts, which follows the #include lines without
 * running the preprocessor: a third of a PC image's build when every
 * object is cached). A compile includes.ts cannot follow is keyed by the
 * source as the preprocessor expands it. Either way the same key is the
 * same object. With the cache off (OUTPOST_CACHE=off) the steps run as
 * written.
 *
 * Called by image.ts (`buildNative`).
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sha256 } from "../cache/fingerprint.ts";
import { CacheStore, cacheDir } from "../cache/store.ts";
import { compileInputs } from "./includes.ts";
import type { CompileStep } from "./project.ts";
import { type Tool, runTool, toolPath } from "./tools.ts";

/** Flags that only the link reads: left out of each file's compile (gcc would warn that they go unused). */
const LINK_ONLY = /^(-l|-L|-T|-Wl,|-nostartfiles$)/;

/** Bump when what an object's key covers changes. */
const FORMAT = 2;

/**
 * Runs `step` in `dir`, each C file it compiles taken from the cache when it was compiled before;
 * returns the C files it compiled (the others came from the cache).
 */
export function runCompileStep(step: CompileStep, dir: string, what: string): string[] {
  const cc = step.cc as Tool;
  const where = cacheDir();
  const sources = step.args.filter((a, i) => a.endsWith(".c") && step.args[i - 1] !== "-o");
  if (where === null || sources.length === 0) {
    runTool(cc, step.args, what, dir);
    return sources;
  }
  const store = new CacheStore(where);
  const out = step.args.indexOf("-o");
  if (step.args.includes("-c")) return compileCached(store, cc, step.args, dir, step.args[out + 1]!, what) ? sources : [];
  const flags = step.args.filter((a, i) => !sources.includes(a) && !a.endsWith(".o") && i !== out && i !== out + 1 && !LINK_ONLY.test(a));
  const objects = new Map(sources.map((source) => [source, source.replace(/\.c$/, ".o")]));
  const compiled = sources.filter((source) => compileCached(store, cc, [...flags, "-c", source, "-o", objects.get(source)!], dir, objects.get(source)!, what));
  runTool(cc, step.args.map((a) => objects.get(a) ?? a), what, dir);
  return compiled;
}

/** `cc args` in `dir`, which writes `object`: from the cache when the same compile was made before. True when it compiled. */
function compileCached(store: CacheStore, cc: Tool, args: string[], dir: string, object: string, what: string): boolean {
  const name = sha256(JSON.stringify({ format: FORMAT, compiler: compilerIdentity(cc), args }) + inputs(cc, args, dir, what)) + ".o";
  const stored = store.readBytes(name);
  if (stored !== undefined) {
    writeFileSync(join(dir, object), stored);
    return false;
  }
  runTool(cc, args, what, dir);
  store.writeBytes(name, readFileSync(join(dir, object)));
  return true;
}

/**
 * What the compile reads, as text to hash: the files it can include and the system headers' fingerprint
 * (includes.ts), or, where those cannot be followed, the source as the preprocessor expands it.
 */
function inputs(cc: Tool, args: string[], dir: string, what: string): string {
  const followed = compileInputs(toolPath(cc)!, args, dir);
  if (followed !== null) return `files\n${followed}`;
  const out = args.indexOf("-o");
  return `preprocessed\n${runTool(cc, [...args.filter((a, i) => a !== "-c" && i !== out && i !== out + 1), "-E"], what, dir)}`;
}

const identities = new Map<Tool, string>();

/** The compiler's path, version and target: another compiler (or an upgrade) makes other objects. */
function compilerIdentity(cc: Tool): string {
  let id = identities.get(cc);
  if (id === undefined) {
    const path = toolPath(cc)!;
    // GCC's machine-readable version and target; tcc answers only --version (with both).
    const ask = (args: string[]): string => spawnSync(path, args, { encoding: "utf8" }).stdout;
    id = `${path} ${ask(["-dumpfullversion", "-dumpmachine"]) || ask(["--version"])}`;
    identities.set(cc, id);
  }
  return id;
}
