/**
 * `outpost build <entry.ts> [--board NAME] [-o FILE]`
 *
 * Compiles the entry for the board, writes the .wasm, and prints on stdout
 * what it costs: the size report of `outpost size` (flash, RAM, each task).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { DEFAULT_BOARD, loadBoard } from "../boards.ts";
import { compileFirmware } from "../compile.ts";
import { analyseFirmware, formatSizeReport } from "../size.ts";
import { printHelp } from "./help.ts";
import { onePositional, parseArgs, valueOf, wantsHelp } from "./args.ts";

/** build/<folder>.wasm for examples/blinky/main.ts (or index.ts); build/<file>.wasm otherwise. */
export function defaultOutput(entry: string): string {
  const file = basename(entry, extname(entry));
  const name = file === "main" || file === "index" ? basename(dirname(join(process.cwd(), entry))) : file;
  return join("build", `${name}.wasm`);
}

export async function buildCommand(argv: string[]): Promise<number> {
  const args = parseArgs("build", argv, { "--board": "value", "-o": "value", "--help": "switch", "-h": "switch" });
  if (wantsHelp(args)) return printHelp("build");
  const entry = onePositional("build", args, "an entry file, like examples/blinky/main.ts");
  const board = loadBoard(valueOf(args, "--board") ?? DEFAULT_BOARD);
  const output = valueOf(args, "-o") ?? defaultOutput(entry);
  const result = await compileFirmware({ entry, board, output });
  if (result.warnings) process.stderr.write(result.warnings + "\n");
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, result.wasm);
  const size = result.size ?? (await analyseFirmware(result.wasm, output, { stack: board.build?.stack }));
  process.stdout.write(formatSizeReport(size, output, board));
  return 0;
}
