/**
 * `outpost new <dir> [--board NAME]`: scaffolds a firmware project that
 * depends on this Outpost package by path (so `npm install` works offline)
 * and whose `npm test` builds its firmware and checks it in the simulator.
 * Prints each file it wrote on stdout, then the next command to run.
 */
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { DEFAULT_BOARD, type Board, loadBoard } from "../../contract/boards.ts";
import { OutpostError } from "../../contract/errors.ts";
import { repoRoot } from "../packages.ts";
import { onePositional, parseArgs, valueOf, wantsHelp } from "./args.ts";
import { printHelp } from "./help.ts";
import { shellQuote } from "./shell-quote.ts";
import { projectFiles } from "./new-templates.ts";

const outpostRoot = repoRoot.replace(/\/$/, "");

export async function newCommand(argv: string[]): Promise<number> {
  const args = parseArgs("new", argv, { "--board": "value", "--help": "switch", "-h": "switch" });
  if (wantsHelp(args)) return printHelp("new");
  const dir = onePositional("new", args, "a folder for the project, like outpost new thermostat");
  const board = loadBoard(valueOf(args, "--board") ?? DEFAULT_BOARD);
  const target = resolve(dir);
  if (!isEmptyOrMissing(target)) {
    throw new OutpostError("USAGE", `cannot create a project in ${dir}: the folder is not empty: choose a new folder`);
  }
  const files = projectFiles({ name: packageName(basename(target)), board, outpost: outpostRoot, led: ledOf(board) });
  for (const [file, text] of Object.entries(files)) {
    const path = join(target, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    process.stdout.write(`created ${join(dir, file)}\n`);
  }
  process.stdout.write(`next: cd ${shellQuote(dir)} && npm install && npm test\n`);
  return 0;
}

function isEmptyOrMissing(dir: string): boolean {
  try {
    return readdirSync(dir).length === 0;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return true;
    throw new OutpostError("USAGE", `cannot create a project in ${dir}: ${(e as Error).message}`);
  }
}

/** The pin the blinky blinks: the board's first LED, else its first pin. */
function ledOf(board: Board): string {
  const led = Object.keys(board.leds)[0] ?? Object.keys(board.pins)[0];
  if (led === undefined) throw new OutpostError("UNKNOWN_PIN", `board "${board.name}" has no pins to blink: choose another board`);
  return led;
}

/** A folder name as an npm package name: lower case, and only characters npm allows. */
function packageName(folder: string): string {
  const name = folder.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[._-]+/, "");
  return name || "firmware";
}
