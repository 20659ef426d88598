/**
 * `outpost decode <firmware.wasm|name.text.json> [FILE]`: turns what a board
 * printed back into words. Boards that defer message literals
 * (`build.deferText`) print each one as `{#index}`; this replaces every
 * reference by its literal from the build's text table and copies the rest
 * unchanged, from FILE or stdin to stdout.
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
  const table = readTextTable(firmware.endsWith(".wasm") ? textFile(firmware) : firmware);
  const input = log === undefined ? readStdin() : new TextDecoder().decode(readInput(log, "log", "check the path"));
  process.stdout.write(decodeReferences(input, table));
  return 0;
}

function readStdin(): string {
  try {
    return readFileSync(0, "utf8");
  } catch (e) {
    throw new OutpostError("FILE_NOT_FOUND", `cannot read the log from stdin (${(e as Error).message}): pass the log file after the firmware`);
  }
}
