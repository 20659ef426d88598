/**
 * The files `outpost build` writes beside a .wasm, and reading them back:
 *
 *   build/blinky.wasm        the firmware (or build/blinky.js, an Espruino build)
 *   build/blinky.sites.json  its await sites (where `--inspect` says tasks are parked,
 *                            what `outpost decode` names a printed await chain with)
 *   build/blinky.text.json   its deferred message literals, for boards with
 *                            `build.deferText` (src/toolchain/text-literals.ts)
 */
import { existsSync } from "node:fs";
import { type ErrorCode, OutpostError } from "../../contract/errors.ts";
import { readInput } from "./files.ts";

/** build/blinky.wasm (or an Espruino build, build/blinky.js) → build/blinky.sites.json. */
export function sitesFile(firmwarePath: string): string {
  return firmwarePath.replace(/\.(wasm|js)$/, "") + ".sites.json";
}

/** build/blinky.wasm (or a native image, build/blinky.elf) → build/blinky.text.json. */
export function textFile(firmwarePath: string): string {
  return firmwarePath.replace(/\.(wasm|elf)$/, "") + ".text.json";
}

/** The sidecar beside `firmware` if it is a .wasm, an Espruino build's .js or a native image's .elf and the file exists. */
export function sidecarOf(firmware: string, name: (firmware: string) => string): string | undefined {
  if (!/\.(wasm|js|elf)$/.test(firmware)) return undefined;
  const file = name(firmware);
  return existsSync(file) ? file : undefined;
}

/** A sidecar's JSON; `code` when the file is not JSON. */
export function readSidecarJson(file: string, what: string, hint: string, code: ErrorCode): unknown {
  const text = new TextDecoder().decode(readInput(file, what, hint));
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new OutpostError(code, `${file} is not JSON (${(e as Error).message}): rebuild the firmware with outpost build`);
  }
}

/** A deferred-text table: a JSON array of strings. */
export function readTextTable(file: string): string[] {
  const json = readSidecarJson(file, "text table", "check the path, or rebuild the firmware with outpost build", "BAD_TEXT_TABLE");
  if (!Array.isArray(json) || !json.every((t) => typeof t === "string")) {
    throw new OutpostError("BAD_TEXT_TABLE", `${file} is not a text table (a JSON array of strings): rebuild the firmware with outpost build`);
  }
  return json;
}
