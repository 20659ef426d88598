/**
 * What every build records about itself: the board it was built for, the
 * Outpost version that built it and the ABI version it speaks, so that
 * `outpost sim`, `size` and `flash`, scenarios and `Simulator.load` run a
 * firmware on its own board without being told, and refuse another.
 *
 * In a .wasm: a custom section named "outpost" (hosts skip custom sections;
 * it costs about 30 bytes of flash) holding, one after the other:
 *
 *   format   u8, 1
 *   abi      u32, LEB128
 *   outpost  the Outpost version: a Wasm name (LEB128 byte length, UTF-8)
 *   board    the board's name: a Wasm name
 *
 * In a .js for an Espruino board: its manifest line (espruino-manifest.ts),
 * which names the board and the ABI, and the Outpost version since that
 * line gained one. The toolchain writes the section (wasm/build-info.ts);
 * everything that runs firmware reads it here.
 */
import { boardNames, loadBoard } from "./boards.ts";
import { OutpostError } from "./errors.ts";
import { hasWasmHeader, uLeb, WasmReader } from "./wasm-binary.ts";
import { hasManifestLine, readManifest } from "./espruino-manifest.ts";

export const BUILD_INFO_SECTION = "outpost";
const FORMAT = 1;

export interface BuildInfo {
  board: string;
  /** The Outpost version that built it; "" when the build did not say (older Espruino builds). */
  outpost: string;
  abi: number;
}

/** The payload of the "outpost" custom section for `info`. */
export function encodeBuildInfo(info: BuildInfo): Uint8Array {
  const name = (text: string): number[] => {
    const bytes = new TextEncoder().encode(text);
    return [...uLeb(bytes.length), ...bytes];
  };
  return Uint8Array.from([FORMAT, ...uLeb(info.abi), ...name(info.outpost), ...name(info.board)]);
}

/**
 * The build info a firmware records: from a .wasm's "outpost" section or an Espruino build's
 * manifest; null when it records none (a module not built by Outpost, or built before builds
 * recorded it). `file` names the firmware in errors.
 */
export function readBuildInfo(firmware: Uint8Array | string, file: string): BuildInfo | null {
  if (typeof firmware !== "string" && hasWasmHeader(firmware)) return wasmBuildInfo(firmware, file);
  const text = typeof firmware === "string" ? firmware : new TextDecoder().decode(firmware);
  if (!hasManifestLine(text)) return null;
  const m = readManifest(text);
  return m === null ? null : { board: m.board, abi: m.abi, outpost: m.outpost ?? "" };
}

function wasmBuildInfo(wasm: Uint8Array, file: string): BuildInfo | null {
  const r = new WasmReader(wasm, file);
  for (const section of r.sections()) {
    if (section.id !== 0) continue;
    r.pos = section.start;
    if (r.name() !== BUILD_INFO_SECTION) continue;
    if (r.byte() !== FORMAT) {
      throw new OutpostError("NOT_OUTPOST_FIRMWARE", `${file} records its build in a format this Outpost does not read: rebuild it with this Outpost`);
    }
    const abi = r.u32();
    const outpost = r.name();
    const board = r.name();
    if (r.pos !== section.end) throw r.malformed(`its "${BUILD_INFO_SECTION}" section has ${section.end - r.pos} bytes too many`);
    return { board, outpost, abi };
  }
  return null;
}

/** What a command was told about the board: `--board` (or a load option), and a scenario's `board:`. */
export interface BoardRequest {
  option?: string;
  scenario?: { board: string; file: string };
}

/**
 * The board to run firmware `file` on: the one its build recorded, else `--board`, else the
 * scenario's, else `fallback`. A `--board` or a scenario's `board:` that contradicts the recorded
 * board is refused naming both (BOARD_MISMATCH, BAD_SCENARIO); so is a recorded board this
 * Outpost does not know (UNKNOWN_BOARD).
 */
export function boardToRun(recorded: BuildInfo | null, file: string, asked: BoardRequest, fallback: string): string {
  if (recorded === null) return asked.option ?? asked.scenario?.board ?? fallback;
  // A name no board has is that error, not a mismatch that would advise rebuilding for it.
  if (asked.option !== undefined && !boardNames().includes(asked.option)) loadBoard(asked.option);
  const built = recorded.board;
  if (asked.option !== undefined && asked.option !== built) {
    throw new OutpostError(
      "BOARD_MISMATCH",
      `${file} was built for board "${built}", not "${asked.option}": leave out --board (the firmware names its board), or rebuild it with --board ${asked.option}`,
    );
  }
  if (asked.scenario !== undefined && asked.scenario.board !== built) {
    throw new OutpostError(
      "BAD_SCENARIO",
      `${asked.scenario.file} is written for board "${asked.scenario.board}" but ${file} was built for board "${built}": rebuild the firmware with --board ${asked.scenario.board}, or change the scenario's board`,
    );
  }
  if (!boardNames().includes(built)) {
    throw new OutpostError(
      "UNKNOWN_BOARD",
      `${file} was built for board "${built}", which this Outpost does not have (${boardNames().join(", ")}): rebuild it with this Outpost`,
    );
  }
  return built;
}
