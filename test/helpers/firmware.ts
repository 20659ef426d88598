/**
 * Builds firmware for tests and benchmarks, fast: each build is cached in
 * memory for the process and on disk under node_modules/.cache/outpost-fw,
 * keyed by a hash of everything that goes into it (the firmware file and the
 * files it imports by relative path, src/runtime/, hal/, the build driver
 * and the board). Editing
 * any of those rebuilds; running the suite again with nothing changed
 * compiles nothing.
 *
 *   const wasm = await buildTestFirmware("test/firmware/ticker.ts");
 *   const sim = await Simulator.load(wasm, { board: "sim" });
 *
 * Paths are relative to the repository root (or absolute). Builds use the
 * defaults of `outpost build` (-O3) unless options say otherwise.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { compileFirmware } from "../../src/toolchain/compile.ts";
import { loadBoard } from "../../src/toolchain/boards.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const cacheDir = join(root, "node_modules/.cache/outpost-fw");
const memory = new Map<string, Promise<Uint8Array>>();

export interface BuildOptions {
  /** Keep function names (for traps and profiles). */
  debug?: boolean;
  /** A release build (outpost build --release). */
  release?: boolean;
}

/** The .wasm for the firmware at `path`, built for `board` (cached). */
export function buildTestFirmware(path: string, board = "sim", options: BuildOptions = {}): Promise<Uint8Array> {
  const entry = isAbsolute(path) ? path : resolve(root, path);
  const key = cacheKey(entry, board, options);
  let build = memory.get(key);
  if (!build) {
    build = buildOrLoad(entry, board, options, key);
    memory.set(key, build);
    build.catch(() => memory.delete(key)); // a failed build is retried next time
  }
  return build;
}

async function buildOrLoad(entry: string, board: string, options: BuildOptions, key: string): Promise<Uint8Array> {
  const file = join(cacheDir, key + ".wasm");
  try {
    return new Uint8Array(readFileSync(file));
  } catch {
    // not cached yet
  }
  const { wasm } = await compileFirmware({ entry, board: loadBoard(board), debug: options.debug, release: options.release });
  try {
    mkdirSync(cacheDir, { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, wasm);
    renameSync(partial, file); // atomic: parallel runs never read half a file
  } catch {
    // a read-only tree still works; it just builds every time
  }
  return wasm;
}

function cacheKey(entry: string, board: string, options: BuildOptions): string {
  const hash = createHash("sha256");
  hash.update(JSON.stringify({ entry, board, options }));
  const sources = [
    ...localSources(entry),
    ...tree(join(root, "src/runtime")),
    ...tree(join(root, "hal")),
    ...tree(join(root, "src/toolchain")),
    join(root, "boards", board, "board.json"),
    join(root, "node_modules/assemblyscript/package.json"),
  ];
  for (const file of sources) {
    hash.update(file);
    hash.update("\0");
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update("(missing)");
    }
    hash.update("\0");
  }
  return hash.digest("hex").slice(0, 32);
}

/** `entry` and every file it imports by relative path, transitively. */
function localSources(entry: string, seen = new Set<string>()): string[] {
  if (seen.has(entry)) return [];
  seen.add(entry);
  let text = "";
  try {
    text = readFileSync(entry, "utf8");
  } catch {
    return [entry];
  }
  const files = [entry];
  for (const m of text.matchAll(/\bfrom\s+["'](\.{1,2}\/[^"']+)["']/g)) {
    files.push(...localSources(resolve(dirname(entry), m[1]!.replace(/(\.ts)?$/, ".ts")), seen));
  }
  return files;
}

/** Every .ts/.json file under `dir`, sorted (directories recursively). */
function tree(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...tree(path));
    else if (/\.(ts|json)$/.test(name)) files.push(path);
  }
  return files;
}
