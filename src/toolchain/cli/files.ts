/**
 * Reading the files a command is given, with FILE_NOT_FOUND naming the
 * path and what to do, and the firmware a command runs: a .wasm as is, or
 * a .ts entry built in memory.
 */
import { readFileSync } from "node:fs";
import type { Board } from "../boards.ts";
import { OutpostError } from "../errors.ts";

export function readInput(path: string, what: string, hint: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message;
    throw new OutpostError("FILE_NOT_FOUND", `cannot read ${what} ${path} (${why}): ${hint}`);
  }
}

/** The firmware's bytes: read from a .wasm, or compiled from a .ts entry for `board`. */
export async function firmwareBytes(path: string, board: Board): Promise<Uint8Array> {
  if (path.endsWith(".ts")) {
    const { compileFirmware } = await import("../compile.ts"); // the compiler loads only when needed
    return (await compileFirmware({ entry: path, board })).wasm;
  }
  return readInput(path, "firmware", "build it with outpost build, or pass an entry .ts");
}
