/**
 * Where board descriptions come from on Node: `boards/<name>/board.json`
 * in this repository, or under the folder OUTPOST_BOARDS_DIR names (a
 * project's own boards, and the tests' broken ones). boards.ts reads every
 * board through these two functions, and is the only caller.
 *
 * The browser page (web/) has no file system: its bundle swaps this file
 * for web/src/board-files.ts, which has the same two functions and answers
 * from the board descriptions the page was given.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { OutpostError } from "./errors.ts";

const boardsDir = process.env.OUTPOST_BOARDS_DIR
  ? process.env.OUTPOST_BOARDS_DIR.replace(/\/?$/, "/")
  : fileURLToPath(new URL("../../boards/", import.meta.url));

/** Names of every board, sorted. */
export function boardNames(): string[] {
  let entries;
  try {
    entries = readdirSync(boardsDir, { withFileTypes: true });
  } catch (e) {
    throw new OutpostError("UNKNOWN_BOARD", `cannot read the boards in ${boardsDir} (${(e as Error).message}): check OUTPOST_BOARDS_DIR`);
  }
  return entries
    .filter((d) => d.isDirectory() && existsSync(boardsDir + d.name + "/board.json"))
    .map((d) => d.name)
    .sort();
}

/** The text of board `name`'s board.json; the caller has checked the name with `boardNames`. */
export function readBoardFile(name: string): string {
  return readFileSync(boardsDir + name + "/board.json", "utf8");
}
