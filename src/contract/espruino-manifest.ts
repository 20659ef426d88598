/**
 * The last line of every Outpost build for an Espruino board:
 *
 *   //outpost:{"abi":1,"board":"espruino-pico","outpost":"0.1.0","exports":{"outpost_poll":"cm",…},"memory":"i","jsVars":{"ram":2071,"flash":971}}
 *
 * A comment to Espruino; to the simulator (sim/espruino/runtime.ts) it says
 * which board the file was built for, which ABI it speaks, which Outpost
 * version built it (build-info.ts reads these three), under which short
 * names the ABI exports and the firmware's memory ended up, and what it
 * needs in JsVars uploaded to RAM and to Storage. Written
 * by bundle.ts, read here; the simulator's Espruino host takes it through
 * `checkedManifest`, with its own advice, and `outpost flash` through
 * build-info.ts, which checks the board as every command does.
 */
import { OutpostError } from "./errors.ts";

const MANIFEST_MARKER = "//outpost:";

export interface EspruinoManifest {
  abi: number;
  board: string;
  /** The Outpost version that built it (absent in builds older than this field). */
  outpost?: string;
  /**
   * ABI export name → where it is in the script: a function's name, or
   * `name:k` for one folded into a dispatcher (src/toolchain/espruino/cold.ts),
   * called as `name(k, …arguments)`.
   */
  exports: Record<string, string>;
  /** The Uint8Array over linear memory. */
  memory: string;
  /**
   * The build's JsVar estimate (src/toolchain/espruino/estimate.ts): the
   * peak of a RAM upload and of a Storage upload, code in flash. `outpost
   * flash` uploads to Storage when only that fits. Absent in older builds.
   */
  jsVars?: { ram: number; flash: number };
}

/** Where an export of the manifest is: the function to call and the case to put first (null: none). */
export function exportPlace(place: string): { name: string; k: number | null } {
  const m = /^([\w$]+):(\d+)$/.exec(place);
  return m ? { name: m[1]!, k: Number(m[2]) } : { name: place, k: null };
}

export function writeManifest(m: EspruinoManifest): string {
  return MANIFEST_MARKER + JSON.stringify(m) + "\n";
}

/** True when `js` has a manifest line, well-formed or not: it is meant as an Espruino build. */
export function hasManifestLine(js: string): boolean {
  return js.lastIndexOf("\n" + MANIFEST_MARKER) >= 0;
}

/** The manifest of an Espruino build; null if `js` is not one. */
export function readManifest(js: string): EspruinoManifest | null {
  const at = js.lastIndexOf("\n" + MANIFEST_MARKER);
  if (at < 0) return null;
  try {
    const m = JSON.parse(js.slice(at + 1 + MANIFEST_MARKER.length).trim()) as EspruinoManifest;
    if (!(typeof m.abi === "number" && typeof m.board === "string" && m.exports && typeof m.memory === "string")) return null;
    // Figures that are not two numbers are no figures: flash then goes by the options alone.
    if (m.jsVars !== undefined && !(typeof m.jsVars?.ram === "number" && typeof m.jsVars.flash === "number")) delete m.jsVars;
    return m;
  } catch {
    return null;
  }
}

/** The messages of `checkedManifest`: each caller names the file and says what to do in its own words. */
export interface ManifestChecks {
  /** For text that is not an Outpost build for Espruino (no manifest line, or a malformed one). */
  notOutpost: string;
  /** For a build for another board, the one it names. */
  otherBoard: (built: string) => string;
  /** The ABI version the caller speaks and the message for another one; unset: any version. */
  abi?: { version: number; mismatch: (found: number) => string };
}

/**
 * The manifest of `js`, which must be an Outpost build for the board named
 * `board`: OutpostError NOT_OUTPOST_FIRMWARE, ABI_MISMATCH (when `checks.abi`
 * is set) or UNKNOWN_BOARD otherwise, checked in that order.
 */
export function checkedManifest(js: string, board: string, checks: ManifestChecks): EspruinoManifest {
  const m = readManifest(js);
  if (!m) throw new OutpostError("NOT_OUTPOST_FIRMWARE", checks.notOutpost);
  if (checks.abi && m.abi !== checks.abi.version) throw new OutpostError("ABI_MISMATCH", checks.abi.mismatch(m.abi));
  if (m.board !== board) throw new OutpostError("UNKNOWN_BOARD", checks.otherBoard(m.board));
  return m;
}
