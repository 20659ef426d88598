/**
 * Native images for tests, cached like test builds (firmware.ts): the
 * release build (or the default one) of a firmware, translated by wasm2c
 * and linked for a board's own platform (an ELF for QEMU: a test image,
 * "board", or the user image outpost build makes by default, "user") or
 * for this PC (the C host with the POSIX platform and the firmware
 * compiled in, "posix", by tcc where installed: pcCompiler). Each
 * is keyed by the .wasm and every C file and toolchain file that goes into
 * it, under node_modules/.cache/outpost-native.
 *
 *   const image = await buildTestImage("examples/blinky/main.ts", "mps2-an385", "board");
 *   image.path    // the .elf (or PC executable); image.wasm: the .wasm it was made from, with its sidecars
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadBoard } from "../../src/contract/boards.ts";
import { buildNative } from "../../src/toolchain/native/image.ts";
import { hasTool } from "../../src/toolchain/native/tools.ts";
import { type SizeReport, analyseFirmware } from "../../src/toolchain/wasm/size.ts";
import { type BuildOptions, buildTest } from "./firmware.ts";
import { writeWhole } from "../../tools/write-whole.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const cacheDir = join(root, "node_modules/.cache/outpost-native");
const memory = new Map<string, Promise<TestImage>>();

export interface TestImage {
  /** The image: an .elf for the board, or an executable for this PC. */
  path: string;
  /** The .wasm it was translated from (with <name>.text.json beside it when the board defers text). */
  wasm: string;
}

/** Why native tests cannot run here, or null when every tool they need is installed. */
export function missingNativeTools(platform: Kind): string | null {
  const tools = platform !== "posix" ? (["wasm2c", "arm-none-eabi-gcc", "qemu-system-arm"] as const) : (["wasm2c", pcCompiler()] as const);
  const missing = tools.filter((t) => !hasTool(t));
  return missing.length ? `${missing.join(", ")} not installed` : null;
}

/**
 * What compiles PC hosts: tcc where installed (.ci/run installs it), else gcc. A PC host is a test
 * vehicle for the host loop's behaviour, which is C99 either way (test/wasm/host-loop.test.ts compiles
 * it with gcc and every warning); tcc links one in a tenth of gcc -O0's time, and the suite links dozens.
 */
export function pcCompiler(): "tcc" | "gcc" {
  return hasTool("tcc") ? "tcc" : "gcc";
}

/** A test image for the board (with the test channel), the board's user image, or a PC host. */
export type Kind = "board" | "user" | "posix";

/**
 * `path` built for `board` and made native for `platform`. Board images are release builds (as
 * outpost build makes them); a PC host may take the default build (`options`), whose exports name
 * tasks. A PC host prints message literals itself; a board image prints {#n} (outpost run spells them out).
 */
export function buildTestImage(path: string, board: string, platform: Kind, options: BuildOptions = { release: true }): Promise<TestImage> {
  const id = JSON.stringify({ path, board, platform, options });
  let image = memory.get(id);
  if (!image) {
    image = build(path, board, platform, options);
    memory.set(id, image);
    image.catch(() => memory.delete(id));
  }
  return image;
}

async function build(path: string, boardName: string, platform: Kind, options: BuildOptions): Promise<TestImage> {
  const built = await buildTest(path, boardName, options);
  const key = imageKey(built.wasm, built.text ?? [], boardName, platform);
  mkdirSync(cacheDir, { recursive: true });
  const image = join(cacheDir, key + (platform === "posix" ? ".host" : ".elf"));
  const wasm = join(cacheDir, key + ".wasm");
  if (!existsSync(wasm)) {
    // Whole files only: the other test worker may read them meanwhile.
    if (built.text) writeWhole(join(cacheDir, key + ".text.json"), JSON.stringify(built.text));
    writeWhole(wasm, built.wasm);
  }
  if (!existsSync(image)) {
    const board = loadBoard(boardName);
    // A firmware that panics in init cannot be measured: it gets its whole first page, and panics on the host as in the simulator.
    const size = await analyseFirmware(built.wasm, path, { stack: board.build?.stack }).catch(() => ({ heapTop: 65536 }) as SizeReport);
    const partial = `${image}.${process.pid}.tmp`;
    const text = platform === "posix" ? (built.text ?? []) : [];
    const target = platform === "posix" ? { platform, board, optimise: false, cc: pcCompiler() } : { platform: "board" as const, board, testChannel: platform === "board" };
    buildNative({ wasm: built.wasm, size, text, name: path }, target, { output: partial });
    renameSync(partial, image);
  }
  return { path: image, wasm };
}

function imageKey(wasm: Uint8Array, text: string[], board: string, platform: string): string {
  const hash = createHash("sha256");
  hash.update(wasm);
  hash.update(JSON.stringify({ text, board, platform, cc: platform === "posix" ? pcCompiler() : null }));
  const files = [
    ...tree(join(root, "boards/wasm")),
    ...tree(join(root, "boards/native")),
    ...tree(join(root, "src/toolchain/native")),
    join(root, "boards", board, "board.json"),
    fileURLToPath(import.meta.url),
  ];
  for (const file of files) {
    hash.update(file);
    hash.update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 32);
}

function tree(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const file = join(dir, name);
      return statSync(file).isDirectory() ? tree(file) : [file];
    });
}
