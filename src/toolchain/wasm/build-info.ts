/**
 * The last step of every Wasm build: appends the "outpost" custom section
 * that records the board, the Outpost version and the ABI
 * (src/contract/build-info.ts has its layout and the reader). Custom
 * sections may sit anywhere after the header; at the end, it leaves every
 * other byte of the module where it was.
 */
import { ABI_VERSION } from "../../contract/abi-codes.ts";
import { BUILD_INFO_SECTION, encodeBuildInfo } from "../../contract/build-info.ts";
import { concat, uLeb } from "../../contract/wasm-binary.ts";
import { outpostVersion } from "../packages.ts";

/** `wasm` with its build recorded for `board`. */
export function recordBuild(wasm: Uint8Array, board: string): Uint8Array {
  const name = new TextEncoder().encode(BUILD_INFO_SECTION);
  const payload = [...uLeb(name.length), ...name, ...encodeBuildInfo({ board, outpost: outpostVersion, abi: ABI_VERSION })];
  return concat([wasm, [0], uLeb(payload.length), payload]);
}
