/**
 * Outpost's toolchain as a library, for a project's tests and scripts:
 *
 *   import { buildFirmware } from "outpost/src/toolchain/index.ts";
 *   import { Simulator } from "outpost/sim/index.ts";
 *   const sim = await Simulator.load(await buildFirmware("main.ts"), { board: "sim" });
 *
 * Errors are `OutpostError`s with stable codes (errors.ts).
 */
import { DEFAULT_BOARD, loadBoard } from "../contract/boards.ts";
import { cachedCompile } from "./cache/build.ts";

export { boardNames, loadBoard, type Board } from "../contract/boards.ts";
export { OutpostError, type ErrorCode } from "../contract/errors.ts";

/**
 * Compiles the firmware entry at `entry` for `board` (default "sim") and returns the .wasm bytes
 * (from the build cache when nothing it reads changed: node_modules/.cache/outpost).
 * Message literals stay in the firmware even on boards that defer them, so a simulated test
 * reads every log and panic without the text table.
 */
export async function buildFirmware(entry: string, options: { board?: string } = {}): Promise<Uint8Array> {
  return (await cachedCompile({ entry, board: loadBoard(options.board ?? DEFAULT_BOARD), deferText: false })).wasm;
}
