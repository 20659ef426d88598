/**
 * Reading the files a command is given, with FILE_NOT_FOUND naming the
 * path and what to do, and the firmware a command runs: a .wasm as is, or
 * a .ts entry built in memory.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { type Board, DEFAULT_BOARD, loadBoard } from "../../contract/boards.ts";
import { type BoardRequest, boardToRun, readBuildInfo } from "../../contract/build-info.ts";
import { OutpostError } from "../../contract/errors.ts";
import type { SizeReport } from "../wasm/size.ts";
import { cachedCompile } from "../cache/build.ts";
import type { SiteInfo } from "../../../sim/index.ts";
import { readTextTable, sidecarOf, textFile } from "./sidecars.ts";

export function readInput(path: string, what: string, hint: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message;
    throw new OutpostError("FILE_NOT_FOUND", `cannot read ${what} ${path} (${why}): ${hint}`);
  }
}

export interface FirmwareFile {
  wasm: Uint8Array;
  /** The deferred-text table: the build's, or `<name>.text.json` beside a .wasm. */
  text?: string[];
  /** What the build measured (interpreter boards measure every build). */
  size?: SizeReport;
  /** A .ts entry's await sites, from the build's lowering (none when it lowered no async code). */
  sites?: SiteInfo[];
  /** The files the firmware came from: every file a .ts entry's build read, or the .wasm itself. */
  sources: string[];
}

/** The bytes of a built firmware (.wasm, or .js for an Espruino board). */
export function readFirmware(path: string): Uint8Array {
  return readInput(path, "firmware", "build it with outpost build, or pass an entry .ts");
}

/**
 * The board a command runs firmware `path` on (build-info.ts, `boardToRun`): the one a built
 * firmware records, checked against `--board` and a scenario's board; for a .ts entry, which is
 * built for it, `--board`, else the scenario's, else the default board.
 */
export function firmwareBoard(path: string, asked: BoardRequest): Board {
  const recorded = path.endsWith(".ts") ? null : readBuildInfo(readFirmware(path), path);
  return loadBoard(boardToRun(recorded, path, asked, DEFAULT_BOARD));
}

/** The firmware: a .wasm as it is, with its text table if one lies beside it, or a .ts entry compiled to Wasm for `board`. */
export async function firmwareFile(path: string, board: Board): Promise<FirmwareFile> {
  if (path.endsWith(".ts")) {
    const { wasm, text, size, lowering, sources } = await cachedCompile({ entry: path, board });
    return { wasm, text, size, sites: lowering.sites.length ? lowering.sites : undefined, sources };
  }
  const wasm = readFirmware(path);
  const table = sidecarOf(path, textFile);
  return { wasm, text: table === undefined ? undefined : readTextTable(table), sources: [resolve(path)] };
}
