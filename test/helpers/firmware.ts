/**
 * Builds firmware for tests and benchmarks through Outpost's build cache
 * (src/toolchain/cache/build.ts): each build is made once per process and
 * kept on disk under node_modules/.cache/outpost, keyed by the toolchain
 * (its version and every toolchain, runtime and HAL file), the board, the
 * options and the content of every source the build read. Editing any of
 * those rebuilds; running the suite again with nothing changed compiles
 * nothing, and test files running in parallel processes share each build
 * (the second waits for the first). A deferred-text board's build keeps its
 * text table beside it (`buildTest`), so tests see its messages spelled out.
 *
 *   const wasm = await buildTestFirmware("test/firmware/ticker.ts");
 *   const sim = await Simulator.load(wasm, { board: "sim" });
 *
 * Paths are relative to the repository root (or absolute). Builds use the
 * defaults of `outpost build` for the board (the simulator's: quick) unless options say otherwise.
 */
import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadBoard } from "../../src/contract/boards.ts";
import { cachedCompile } from "../../src/toolchain/cache/build.ts";
import type { SiteInfo } from "../../sim/index.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

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
  /** The await-site table (`outpost build` writes it as <firmware>.sites.json), for await chains. */
  sites?: SiteInfo[];
}

/** The .wasm for the firmware at `path`, built for `board` (cached). */
export async function buildTestFirmware(path: string, board = "sim", options: BuildOptions = {}): Promise<Uint8Array> {
  return (await buildTest(path, board, options)).wasm;
}

/** The firmware at `path` built for `board`, with its text table if it has one (cached). */
export async function buildTest(path: string, board = "sim", options: BuildOptions = {}): Promise<TestBuild> {
  const entry = isAbsolute(path) ? path : resolve(root, path);
  const { wasm, text, lowering } = await cachedCompile({ entry, board: loadBoard(board), debug: options.debug, release: options.release });
  return { wasm, text, sites: lowering.sites };
}
