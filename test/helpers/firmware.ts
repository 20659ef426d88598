/**
 * Builds firmware for tests and benchmarks, fast: each build is cached in
 * memory for the process and on disk under node_modules/.cache/outpost-fw,
 * keyed by a hash of everything that goes into it (the firmware file and the
 * files it imports by relative path, src/runtime/, hal/, the build driver,
 * the board and this file). Editing any of those rebuilds; running the
 * suite again with nothing changed compiles nothing. A deferred-text
 * board's build keeps its text table beside it (`buildTest`), so tests see
 * its messages spelled out.
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
import { loadBoard } from "../../src/contract/boards.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const cacheDir = join(root, "node_modules/.cache/outpost-fw");
const memory = new Map<string, Promise<TestBuild>>();

export interface BuildOptions {
  /** Keep function names (for traps and profiles). */
  debug?: boolean;
  /** A release build (outpost build --release). */
  release?: boolean;
}

/** A test build: the .wasm, and the message literals of a deferred-text board (which a host needs to spell out its messages). */
export interface TestBuild {
  wasm: Uint8Array;
  text?: string[];
}

/** The .wasm for the firmware at `path`, built for `board` (cached). */
export async function buildTestFirmware(path: string, board = "sim", options: BuildOptions = {}): Promise<Uint8Array> {
  return (await buildTest(path, board, options)).wasm;
}

/** The firmware at `path` built for `board`, with its text table if it has one (cached). */
export function buildTest(path: string, board = "sim", options: BuildOptions = {}): Promise<TestBuild> {
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

async function buildOrLoad(entry: string, board: string, options: BuildOptions, key: string): Promise<TestBuild> {
  const file = join(cacheDir, key + ".wasm");
  const textFile = join(cacheDir, key + ".text.json");
  try {
    const wasm = new Uint8Array(readFileSync(file));
    let text: string[] | undefined;
    try {
      text = JSON.parse(readFileSync(textFile, "utf8")) as string[];
    } catch {
      // a board that keeps its text in the firmware
    }
    return { wasm, text };
  } catch {
    // not cached yet
  }
  const { wasm, text } = await compileFirmware({ entry, board: loadBoard(board), debug: options.debug, release: options.release });
  try {
    mkdirSync(cacheDir, { recursive: true });
    // The table first: a cached .wasm promises its table is there too. Each write is atomic, so parallel runs never read half a file.
    if (text) atomicWrite(textFile, JSON.stringify(text));
    atomicWrite(file, wasm);
  } catch {
    // a read-only tree still works; it just builds every time
  }
  return { wasm, text };
}

function atomicWrite(file: string, data: Uint8Array | string): void {
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, data);
  renameSync(partial, file);
}

function cacheKey(entry: string, board: string, options: BuildOptions): string {
  const hash = createHash("sha256");
  // Normalised, so that `{}` and `{ release: false }` share one build.
  hash.update(JSON.stringify({ entry, board, debug: options.debug ?? false, release: options.release ?? false }));
  const sources = [
    ...localSources(entry),
    ...tree(join(root, "src/runtime")),
    ...tree(join(root, "hal")),
    ...tree(join(root, "src/toolchain")),
    join(root, "boards", board, "board.json"),
    join(root, "node_modules/assemblyscript/package.json"),
    fileURLToPath(import.meta.url), // what a cache entry holds
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
