/**
 * A firmware entry → the .js for an Espruino board: compiles it with the
 * board's build settings (MVP, size-optimised Wasm: board.json `build`),
 * then translates and checks it (bundle.ts), both through the build cache
 * (cache/build.ts). Used by `outpost build`, `outpost sim` on a .ts entry,
 * and tests.
 */
import type { Board } from "../../contract/boards.ts";
import { cachedCompile, cachedEspruino } from "../cache/build.ts";
import type { EspruinoBuild } from "./bundle.ts";
import type { SiteInfo } from "../../../sim/sites.ts";

export interface EspruinoEntryBuild extends EspruinoBuild {
  wasm: Uint8Array;
  warnings: string;
  /** Every file the build read. */
  sources: string[];
  /** The await-site table (written beside the .js as <name>.sites.json): names the site ids of a printed await chain. */
  sites: SiteInfo[];
}

export async function buildEspruinoEntry(entry: string, board: Board, output: string): Promise<EspruinoEntryBuild> {
  const { wasm, warnings, text, sources, lowering } = await cachedCompile({ entry, board, output, mvp: true, small: true });
  return { ...(await cachedEspruino(wasm, board, output, { text })), wasm, warnings, sources, sites: lowering.sites };
}
