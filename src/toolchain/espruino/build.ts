/**
 * A firmware entry → the .js for an Espruino board: compiles it with the
 * board's build settings (MVP, size-optimised Wasm: board.json `build`),
 * then translates and checks it (bundle.ts). Used by `outpost build`,
 * `outpost sim` on a .ts entry, and tests.
 */
import type { Board } from "../../contract/boards.ts";
import { compileFirmware } from "../compile.ts";
import { type EspruinoBuild, compileEspruino } from "./bundle.ts";

export interface EspruinoEntryBuild extends EspruinoBuild {
  wasm: Uint8Array;
  warnings: string;
}

export async function buildEspruinoEntry(entry: string, board: Board, output: string): Promise<EspruinoEntryBuild> {
  const { wasm, warnings, text } = await compileFirmware({ entry, board, output, mvp: true, small: true });
  return { ...(await compileEspruino(wasm, board, output, { text })), wasm, warnings };
}
