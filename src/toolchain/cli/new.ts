/**
 * `outpost new <dir> [--board NAME] [--outpost SPEC]`: scaffolds a firmware
 * project (new-templates.ts) that depends on Outpost as on any npm package,
 * and whose `npm test` builds its firmware and checks it in the simulator.
 * Prints each file it wrote on stdout, then the next command to run, quoted
 * so it can be pasted.
 */
import { readdirSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { DEFAULT_BOARD, type Board, loadBoard } from "../../contract/boards.ts";
import { OutpostError } from "../../contract/errors.ts";
import { outpostVersion, repoRoot } from "../packages.ts";
import { onePositional, parseArgs, valueOf, wantsHelp } from "./args.ts";
import { printHelp } from "./help.ts";
import { shellQuote } from "./shell-quote.ts";
import { projectFiles } from "./new-templates.ts";
import { makeDirs } from "../make-dirs.ts";

export async function newCommand(argv: string[]): Promise<number> {
  const args = parseArgs("new", argv, { "--board": "value", "--outpost": "value", "--help": "switch", "-h": "switch" });
  if (wantsHelp(args)) return printHelp("new");
  const dir = onePositional("new", args, "a folder for the project, like outpost new thermostat");
  const board = loadBoard(valueOf(args, "--board") ?? DEFAULT_BOARD);
  const target = resolve(dir);
  if (!isEmptyOrMissing(target)) {
    throw new OutpostError("USAGE", `cannot create a project in ${dir}: the folder is not empty: choose a new folder`);
  }
  const outpost = dependencySpec(valueOf(args, "--outpost"));
  const linked = outpost.startsWith("file:") && isFolder(outpost.slice(5));
  const files = projectFiles({ name: packageName(basename(target)), board, outpost, linked, led: ledOf(board) });
  try {
    makeDirs(target); // a folder that cannot be made fails here, before any file is written
    for (const [file, text] of Object.entries(files)) {
      const path = join(target, file);
      makeDirs(dirname(path));
      writeFileSync(path, text);
      process.stdout.write(`created ${join(dir, file)}\n`);
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === undefined) throw e;
    throw new OutpostError("USAGE", `cannot create a project in ${dir} (${code}): choose a folder you can write`);
  }
  process.stdout.write(`next: cd ${shellQuote(dir)} && npm install && npm test\n`);
  return 0;
}

/**
 * How the project's package.json names Outpost: `--outpost` as given (a version range, or a
 * tarball or folder, which becomes a file: path); else, for an Outpost installed from a registry,
 * its version range; else (a clone) this folder, as a file: path that works offline.
 */
function dependencySpec(option: string | undefined): string {
  const packageDir = repoRoot.replace(/\/$/, "");
  if (option === undefined) return basename(dirname(packageDir)) === "node_modules" ? `^${outpostVersion}` : `file:${packageDir}`;
  return /^[.~/]|\.tgz$/.test(option) ? `file:${resolve(option)}` : option;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
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
