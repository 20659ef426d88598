/**
 * `outpost build <entry.ts> --board <native board> [-o FILE.elf] [--emit-c DIR] [--test-channel]`:
 * the release build (through the build cache, as every board's), then
 * src/toolchain/native/ turns it into an image for
 * the board (or, with --emit-c, a C project to build with make). Prints
 * the image's flash and RAM against the board's budget. A user image by
 * default; --test-channel makes a test image, whose platform plays
 * `outpost run`'s inputs (boards/native/README.md).
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import type { Board } from "../../contract/boards.ts";
import { grouped } from "../../contract/grouped.ts";
import { cachedCompile } from "../cache/build.ts";
import { buildNative, checkEmptyFolder } from "../native/image.ts";
import { requireTool } from "../native/tools.ts";
import { join } from "node:path";
import { OutputFile, writeOutput } from "./outputs.ts";
import { textFile } from "./sidecars.ts";

export async function buildNativeCommand(entry: string, board: Board, output: string, emitDir: string | undefined, testChannel = false): Promise<number> {
  // What can be refused is refused before the compiler runs.
  requireTool("wasm2c", "a native build");
  if (emitDir === undefined) requireTool("arm-none-eabi-gcc", "a native build");
  else checkEmptyFolder(emitDir);
  const result = await cachedCompile({ entry, board, output, release: true }); // as every build: unchanged sources compile nothing
  if (result.warnings) process.stderr.write(result.warnings + "\n");
  // The image prints message literals as {#n}; outpost run and outpost decode read them from the sidecar.
  const input = { wasm: result.wasm, size: result.size!, text: [], name: entry };
  const target = { platform: "board", board, testChannel } as const;
  if (emitDir !== undefined) {
    buildNative(input, target, { emitDir });
    if (result.text) writeFileSync(join(emitDir, "image.text.json"), JSON.stringify(result.text, null, 1) + "\n");
    process.stdout.write(`${emitDir}: a C project for board "${board.name}" (make builds image.elf)\n`);
    return 0;
  }
  // As every build's -o: a path that cannot be written is refused, and a failed build leaves the old image.
  const image = new OutputFile(output, "-o");
  try {
    buildNative(input, target, { output: image.partial });
  } catch (e) {
    image.discard();
    throw e;
  }
  image.commit();
  if (result.text) writeOutput(textFile(output), "-o", JSON.stringify(result.text, null, 1) + "\n");
  process.stdout.write(formatImageSize(output, board));
  return 0;
}

/** Flash and RAM of a linked image, from arm-none-eabi-size's section table. */
export function imageSections(file: string): Map<string, number> {
  const r = spawnSync("arm-none-eabi-size", ["-A", file], { encoding: "utf8" });
  const sections = new Map<string, number>();
  for (const line of r.stdout.split("\n")) {
    const m = /^(\.\S+)\s+(\d+)\s+\d+/.exec(line);
    if (m) sections.set(m[1]!, Number(m[2]));
  }
  return sections;
}

/** An image's flash: code, constants, unwind table, .data's initial values, the board marker. */
export function imageFlash(s: Map<string, number>): number {
  const get = (name: string): number => s.get(name) ?? 0;
  return get(".text") + get(".ARM.exidx") + get(".data") + get(".outpost_board");
}

export function formatImageSize(file: string, board: Board): string {
  const s = imageSections(file);
  const get = (name: string): number => s.get(name) ?? 0;
  const flash = imageFlash(s);
  const ram = get(".data") + get(".bss") + get(".stack");
  const pct = (n: number, of: number): string => `${((100 * n) / of).toFixed(1)}%`;
  return [
    `${file} for board "${board.name}"`,
    `  flash                ${grouped(flash)} of ${grouped(board.flash)} (${pct(flash, board.flash)})`,
    `  ram                  ${grouped(ram)} of ${grouped(board.ram)} (${pct(ram, board.ram)})`,
    `    static data        ${grouped(get(".data") + get(".bss"))}`,
    `    C stack            ${grouped(get(".stack"))}`,
    s.has(".bench")
      ? `  test channel         ${grouped(get(".bench"))} (a test image: emulator only, outside the budget)`
      : "  test channel         none (a user image; --test-channel builds one for outpost run's inputs)",
    "",
  ].join("\n");
}
