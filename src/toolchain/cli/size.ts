/**
 * `outpost size <firmware.wasm> [--board NAME]`: sections, static RAM per
 * task, and the board's budget (the report comes from ../size.ts).
 */
import { analyseFirmware, formatSizeReport } from "../wasm/size.ts";
import { printHelp } from "./help.ts";
import { onePositional, parseArgs, valueOf, wantsHelp } from "./args.ts";
import { firmwareBoard, firmwareFile } from "./files.ts";

export async function sizeCommand(argv: string[]): Promise<number> {
  const args = parseArgs("size", argv, { "--board": "value", "--help": "switch", "-h": "switch" });
  if (wantsHelp(args)) return printHelp("size");
  const path = onePositional("size", args, "a firmware (.wasm) or an entry (.ts)");
  const board = firmwareBoard(path, { option: valueOf(args, "--board") });
  const firmware = await firmwareFile(path, board);
  // An interpreter board's build was measured as it was built.
  const report = firmware.size ?? (await analyseFirmware(firmware.wasm, path, { stack: board.build?.stack, text: firmware.text }));
  process.stdout.write(formatSizeReport(report, path, board));
  return 0;
}
