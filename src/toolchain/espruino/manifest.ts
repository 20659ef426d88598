/**
 * The last line of every Outpost build for an Espruino board:
 *
 *   //outpost:{"abi":1,"board":"espruino-pico","exports":{"outpost_poll":"cm",…},"memory":"i"}
 *
 * A comment to Espruino; to the simulator (sim/espruino/runtime.ts) it says
 * which board the file was built for, which ABI it speaks, and under which
 * short names the ABI exports and the firmware's memory ended up. Written
 * by bundle.ts, read here.
 */

const MANIFEST_MARKER = "//outpost:";

export interface EspruinoManifest {
  abi: number;
  board: string;
  /** ABI export name → its name in the script. */
  exports: Record<string, string>;
  /** The Uint8Array over linear memory. */
  memory: string;
}

export function writeManifest(m: EspruinoManifest): string {
  return MANIFEST_MARKER + JSON.stringify(m) + "\n";
}

/** The manifest of an Espruino build; null if `js` is not one. */
export function readManifest(js: string): EspruinoManifest | null {
  const at = js.lastIndexOf("\n" + MANIFEST_MARKER);
  if (at < 0) return null;
  try {
    const m = JSON.parse(js.slice(at + 1 + MANIFEST_MARKER.length).trim()) as EspruinoManifest;
    return typeof m.abi === "number" && typeof m.board === "string" && m.exports && typeof m.memory === "string" ? m : null;
  } catch {
    return null;
  }
}
