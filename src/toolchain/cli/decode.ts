/**
 * `outpost decode <firmware.wasm|name.text.json> [FILE]`: turns what a board
 * printed back into words. Boards that defer message literals
 * (`build.deferText`) print each one as `{#index}`; this replaces every
 * reference by its literal from the build's text table and copies the rest
 * unchanged, from FILE or stdin to stdout. A reference the table does not
 * hold is printed as `{#N?}` and named on stderr (exit 1): the log came from
 * another build.
 */
import { readFileSync } from "node:fs";
import { decodeReferences } from "../../contract/deferred-text.ts";
import { OutpostError } from "../../contract/errors.ts";
import { printHelp } from "./help.ts";
import { parseArgs, usageError, wantsHelp } from "./args.ts";
import { readInput } from "./files.ts";
import { readTextTable, textFile } from "./sidecars.ts";

export async function decodeCommand(argv: string[]): Promise<number> {
  const args = parseArgs("decode", argv, { "--help": "switch", "-h": "switch" });
  if (wantsHelp(args)) return printHelp("decode");
  const [firmware, log, ...extra] = args.positionals;
  if (firmware === undefined || extra.length > 0) {
    throw usageError("decode", "give the firmware (.wasm, or its .text.json) and at most one log file");
  }
  if (!firmware.endsWith(".wasm") && !firmware.endsWith(".text.json")) {
    throw usageError("decode", `${firmware} is neither a .wasm nor a .text.json`);
  }
  const tableFile = firmware.endsWith(".wasm") ? textFile(firmware) : firmware;
  const table = readTextTable(tableFile);
  const input = log === undefined ? readStdin() : new TextDecoder().decode(readInput(log, "log", "check the path"));
  const unknown = new Set<number>();
  // An id past the table's end means the log and the table come from different builds: marked, never dropped.
  process.stdout.write(decodeReferences(input, table, (id) => (unknown.add(id), `{#${id}?}`)));
  if (unknown.size === 0) return 0;
  const ids = [...unknown].map((id) => `{#${id}}`).join(", ");
  const holds = table.length === 0 ? "no texts" : `${table.length} texts ({#0} to {#${table.length - 1}})`;
  throw new OutpostError(
    "BAD_TEXT_TABLE",
    `${ids} ${unknown.size === 1 ? "is" : "are"} not in ${tableFile}, which holds ${holds}; marked {#N?} in the output: decode the log with the table of the build that printed it`,
  );
}

function readStdin(): string {
  try {
    return readFileSync(0, "utf8");
  } catch (e) {
    throw new OutpostError("FILE_NOT_FOUND", `cannot read the log from stdin (${(e as Error).message}): pass the log file after the firmware`);
  }
}
