/**
 * `outpost build --board <native board>`: the release .wasm, translated to
 * C (wasm2c.ts), configured for the board (tables.ts), laid out as a C
 * project (project.ts) and compiled and linked into an ELF image, whose
 * flash and RAM the linker holds to the board's budget.
 *
 * `buildNative` does it all in a temporary folder (objects come from the
 * build cache where they can: objects.ts), or in `emitDir` for `--emit-c`,
 * where the project stays (and nothing is compiled). The same
 * steps with the POSIX platform give a PC program that runs the firmware
 * natively (`target: posix`), which the conformance tests use.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import type { Board } from "../../contract/boards.ts";
import { OutpostError } from "../../contract/errors.ts";
import { exportNames } from "../../contract/wasm-binary.ts";
import type { SizeReport } from "../wasm/size.ts";
import type { ImageConfig } from "./tables.ts";
import { runCompileStep } from "./objects.ts";
import { type Target, writeProject } from "./project.ts";
import { requireTool } from "./tools.ts";
import { translate } from "./wasm2c.ts";
import { makeDirs } from "../make-dirs.ts";

/** The marker outpost run reads an image's board from (board_tables.c puts it in the image). */
export const BOARD_MARKER = "OUTPOST-BOARD ";
/** The marker of a test image (boards/native/mps2/io_bench.c): it plays outpost run's stimulus files. */
export const TEST_CHANNEL_MARKER = "OUTPOST-TEST-CHANNEL";

export interface NativeInput {
  wasm: Uint8Array;
  /** The build's measurement: its heap top sizes the memory backing. */
  size: SizeReport;
  /**
   * The deferred literals, to compile into the image so that it prints them
   * itself. Boards leave them out (they cost flash): the image prints {#n}
   * and outpost run spells them out from <image>.text.json.
   */
  text: readonly string[];
  /** Names the firmware in errors. */
  name: string;
}

/** The image's configuration: memory backed is the heap top rounded up to 8 bytes, at least 8. */
export function imageConfig(input: NativeInput, board: Board): ImageConfig {
  return {
    board,
    memoryBytes: Math.max(8, Math.ceil(input.size.heapTop / 8) * 8),
    stackBytes: board.build?.stack ?? 2048,
    text: input.text,
    exports: exportNames(input.wasm, input.name),
    tableElements: 0,
    funcTypes: 0,
    usesUart: true,
    hasImports: true,
  };
}

/**
 * --emit-c writes a whole project: into a new or empty folder only, so nothing is overwritten. The
 * folder is created here, so that a path that cannot be one (under a file, or "") is refused first.
 */
export function checkEmptyFolder(dir: string): void {
  const give = "--emit-c writes a whole project, give it a new or empty folder";
  if (dir === "") throw new OutpostError("USAGE", `--emit-c needs a folder: ${give}`);
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new OutpostError("USAGE", `${dir} is a file: ${give}`);
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new OutpostError("USAGE", `${dir} is not empty: ${give}`);
  try {
    makeDirs(dir);
  } catch (e) {
    throw new OutpostError("USAGE", `cannot create ${dir} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}): ${give}`);
  }
}

/**
 * Builds the image for `target` and copies it to `output` (an .elf for a
 * board, an executable for posix); with `emitDir`, writes the project there
 * instead and compiles nothing.
 */
export function buildNative(input: NativeInput, target: Target, options: { output?: string; emitDir?: string }): void {
  const firmware = translate(input.wasm, input.name);
  const config = {
    ...imageConfig(input, target.board),
    tableElements: firmware.tableElements,
    funcTypes: firmware.funcTypes,
    usesUart: firmware.usesUart,
    hasImports: firmware.hasImports,
  };
  if (options.emitDir !== undefined) {
    checkEmptyFolder(options.emitDir);
    writeProject(resolve(options.emitDir), target, config, firmware, "image.elf");
    return;
  }
  const native = target.platform === "board";
  requireTool(native ? "arm-none-eabi-gcc" : (target.cc ?? "gcc"), "a native build");
  const dir = mkdtempSync(join(tmpdir(), "outpost-native-"));
  try {
    const steps = writeProject(dir, target, config, firmware, "image.elf");
    for (const step of steps) runCompileStep(step, dir, `building ${input.name} for ${native ? `board "${target.board.name}"` : "this PC"}`);
    const output = resolve(options.output!);
    makeDirs(dirname(output));
    copyFileSync(join(dir, "image.elf"), output);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
