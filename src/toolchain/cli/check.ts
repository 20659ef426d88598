/**
 * `outpost check <entry.ts> [--board NAME]`
 *
 * The build's diagnostics without compiling (../check/): every lowering
 * error and warning, every TypeScript error against Outpost's typings and
 * every AssemblyScript restriction TypeScript misses, one per line on
 * stderr as `outpost build` prints them; a one-line verdict on stdout.
 * Exit 1 on any error, 0 otherwise (warnings included).
 */
import { DEFAULT_BOARD, loadBoard } from "../../contract/boards.ts";
import { checkFirmware, formatDiagnostics } from "../check/index.ts";
import { printHelp } from "./help.ts";
import { onePositional, parseArgs, usageError, valueOf, wantsHelp } from "./args.ts";
import { EXIT_OK, EXIT_USER_ERROR, plural } from "./report.ts";

export async function checkCommand(argv: string[]): Promise<number> {
  const args = parseArgs("check", argv, { "--board": "value", "--help": "switch", "-h": "switch" });
  if (wantsHelp(args)) return printHelp("check");
  const entry = onePositional("check", args, "an entry file, like examples/blinky/main.ts");
  if (!entry.endsWith(".ts")) throw usageError("check", `outpost check reads a firmware's source: ${entry} is not a .ts entry file`);
  const board = loadBoard(valueOf(args, "--board") ?? DEFAULT_BOARD);
  const result = checkFirmware(entry, board);
  if (result.diagnostics.length) process.stderr.write(formatDiagnostics(result.diagnostics) + "\n");
  const counts = result.errors || result.warnings
    ? [result.errors ? plural(result.errors, "error") : "", result.warnings ? plural(result.warnings, "warning") : ""].filter((s) => s).join(", ")
    : "no errors";
  process.stdout.write(`${entry}: ${counts} (board ${board.name})\n`);
  return result.errors ? EXIT_USER_ERROR : EXIT_OK;
}
