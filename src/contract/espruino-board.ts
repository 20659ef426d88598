/**
 * What an Espruino board adds to board.json: its `espruino` section.
 *
 *   "espruino": {
 *     "board": "PICO_R1_3",            the Espruino build, for the uploader's --board
 *     "jsVars": 5100,                  how many JsVars (variable blocks) the build has
 *     "jsVarsSource": "…",             where that number comes from
 *     "jsVarBytes": 13,                bytes per JsVar (process.memory().blocksize): 13
 *                                      up to 8,191 JsVars, 14 up to 16,383, 16 on ESP32
 *     "serial": { "UART0": "Serial1" } the Espruino device behind each UART
 *     "unicode": true                  the build has Unicode support (ESPR_UNICODE_SUPPORT,
 *                                      Bangle.js 2): strings indexed at a byte ≥ 0x80
 *                                      give UTF-8; the simulator models it
 *   }
 *
 * Read by the bundler (board table, budget), `outpost flash` and the
 * simulator's Espruino host. A board of family "espruino" without this
 * section, or a UART without a device, is a board.json mistake and fails
 * with a message naming the board file.
 */
import type { Board } from "./boards.ts";
import { OutpostError } from "./errors.ts";

export interface EspruinoSpec {
  board: string;
  jsVars: number;
  jsVarsSource?: string;
  jsVarBytes?: number;
  serial: Record<string, string>;
  unicode?: boolean;
}

export function espruinoSpec(board: Board): EspruinoSpec {
  const spec = board.espruino;
  if (board.family !== "espruino" || !spec || typeof spec.jsVars !== "number" || !spec.serial) {
    throw new OutpostError(
      "UNKNOWN_BOARD",
      `board "${board.name}" is not an Espruino board (boards/${board.name}/board.json needs family "espruino" and an "espruino" section with jsVars and serial): choose one of the espruino-* boards, puckjs or banglejs2`,
    );
  }
  for (const uart of Object.keys(board.uarts)) {
    if (!spec.serial[uart]) {
      throw new OutpostError("UNKNOWN_PORT", `boards/${board.name}/board.json: UART ${uart} has no Espruino device in "espruino.serial"`);
    }
  }
  return spec;
}

/** Pin names by ABI number (holes are undefined). */
export function pinsByNumber(board: Board): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  for (const [name, n] of Object.entries(board.pins)) out[n] = name;
  return out;
}
