/**
 * Builds through the content-addressed cache: what every command and test
 * that builds firmware calls (`outpost build`, `sim` and `size` of a .ts
 * entry, the library's `buildFirmware`, test helpers). A build is found by
 *
 *   the toolchain's fingerprint (Outpost's version and every toolchain,
 *   runtime and HAL file: fingerprint.ts) + the entry's path + the board's
 *   description + the build options (with the board's defaults filled in)
 *
 * and then by the content of every other file the last builds of that entry
 * read (its own sources; a file that was looked for and missing counts as
 * "missing"). When all of them hash the same, the stored artifact is the
 * build; otherwise the compiler runs and the result is stored, beside up to
 * VARIANTS earlier ones (switching a branch back and forth hits both).
 *
 * A hit reads a few small files and hashes the sources: no compiler is
 * loaded (compile.ts and asc are imported on a miss only). Failed builds
 * are never stored. Within a process, the same build is made once.
 */
import { realpathSync } from "node:fs";
import { resolve } from "node:path";
import type { Board } from "../../contract/boards.ts";
import type { CompileOptions, CompileResult } from "../compile.ts";
import type { EspruinoBuild, EspruinoOptions } from "../espruino/bundle.ts";
import { resolveBuildFlags } from "../build-flags.ts";
import { isOutpostSource } from "../packages.ts";
import { fileHash, sha256, toolchainFingerprint } from "./fingerprint.ts";
import { cacheDir, CacheStore } from "./store.ts";

/** Bump when what a cache entry holds changes shape. */
const FORMAT = 1;
/** Source sets remembered per entry and options. */
const VARIANTS = 4;

interface Variant {
  /** Each source file the build read, with its hash then. */
  sources: [path: string, hash: string][];
  id: string;
}

type StoredCompile = Omit<CompileResult, "wasm"> & { wasm: string };

/** A build this process made or read, with the sources it was checked against. */
interface Held {
  result: CompileResult;
  sources: Variant["sources"];
}

const memory = new Map<string, Promise<Held>>();

/** `compileFirmware(options)`, from the cache when nothing it depends on changed. */
export async function cachedCompile(options: CompileOptions): Promise<CompileResult> {
  const entry = canonical(options.entry);
  const key = sha256(
    JSON.stringify({
      format: FORMAT,
      toolchain: toolchainFingerprint(),
      entry,
      // Messages and await-site names carry source paths relative to the working directory
      // (`examples/x/main.ts:20:5`), in the .wasm and its site table: a build from elsewhere differs.
      cwd: process.cwd(),
      board: options.board,
      ...resolveBuildFlags(options.board, options), // a board's default asked for explicitly is the same build
      debug: options.debug ?? false,
      release: options.release ?? false,
    }),
  );
  const held = memory.get(key);
  if (held) {
    const { result, sources } = await held.catch(() => ({ result: null, sources: [] }));
    if (result && unchanged(sources)) return result;
  }
  const made = lookupOrBuild(key, options); // as given: messages name the entry the way the user wrote it
  memory.set(key, made);
  made.catch(() => memory.delete(key)); // a failed build is retried next time
  return (await made).result;
}

/** The entry's real path: one file reached through a link or another folder is one build. */
function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path); // missing: the build reports it
  }
}

function unchanged(sources: Variant["sources"]): boolean {
  return sources.every(([path, hash]) => fileHash(path) === hash);
}

let storeCache: CacheStore | null | undefined;
function store(): CacheStore | null {
  if (storeCache === undefined) {
    const dir = cacheDir();
    storeCache = dir === null ? null : new CacheStore(dir);
  }
  return storeCache;
}

async function lookupOrBuild(key: string, options: CompileOptions): Promise<Held> {
  const cache = store();
  const hit = (): Held | undefined => {
    const variant = (cache?.read<Variant[]>(`${key}.index.json`) ?? []).find((v) => unchanged(v.sources));
    const stored = variant && cache?.read<StoredCompile>(`${variant.id}.json`);
    return stored ? { result: { ...stored, wasm: new Uint8Array(Buffer.from(stored.wasm, "base64")) }, sources: variant.sources } : undefined;
  };
  const make = async (): Promise<Held> => {
    const result = await build(options);
    // Real paths: a build made through a link stays valid once the link is gone. Outpost's own files are the fingerprint's.
    const paths = [...new Set(result.sources.map(canonical))].filter((p) => !isOutpostSource(p));
    return { result, sources: paths.map((p) => [p, fileHash(p)]) };
  };
  if (cache === null) return make();
  const found = hit();
  if (found) return found;
  // Another process may be making this very build: wait for it, then look again.
  return cache.locked(key, async () => {
    const again = hit();
    if (again) return again;
    const made = await make();
    const id = sha256(key + JSON.stringify(made.sources));
    const { wasm, ...rest } = made.result;
    if (cache.write(`${id}.json`, { ...rest, wasm: Buffer.from(wasm).toString("base64") } satisfies StoredCompile)) {
      const others = (cache.read<Variant[]>(`${key}.index.json`) ?? []).filter((v) => v.id !== id);
      cache.write(`${key}.index.json`, [{ sources: made.sources, id }, ...others].slice(0, VARIANTS));
    }
    return made;
  });
}

async function build(options: CompileOptions): Promise<CompileResult> {
  const { compileFirmware } = await import("../compile.ts"); // the compiler loads only on a miss
  return compileFirmware(options);
}

const espruinoMemory = new Map<string, Promise<EspruinoBuild>>();

/**
 * `compileEspruino(wasm, board, file, options)` (the translation to an Espruino .js), from the cache when
 * it was made before: its inputs are all in the key (the .wasm's bytes, the board, the file name
 * its header mentions, the options, the toolchain).
 */
export function cachedEspruino(wasm: Uint8Array, board: Board, file: string, options: EspruinoOptions = {}): Promise<EspruinoBuild> {
  const key = sha256(JSON.stringify({ format: FORMAT, toolchain: toolchainFingerprint(), board, file, options, wasm: sha256(wasm) }));
  let made = espruinoMemory.get(key);
  if (!made) {
    made = (async () => {
      const cache = store();
      const stored = cache?.read<EspruinoBuild>(`${key}.js.json`);
      if (stored) return stored;
      const { compileEspruino } = await import("../espruino/bundle.ts");
      const result = await compileEspruino(wasm, board, file, options);
      cache?.write(`${key}.js.json`, result);
      return result;
    })();
    espruinoMemory.set(key, made);
    made.catch(() => espruinoMemory.delete(key));
  }
  return made;
}
