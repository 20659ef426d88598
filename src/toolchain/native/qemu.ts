/**
 * Running a native image on its board's emulator: QEMU with deterministic
 * time (`-icount shift=0,sleep=off`: one instruction is one virtual ns, and
 * idle time is skipped, so a run is exactly repeatable and fast), the
 * console UART on stdout, the image's diagnostics on stderr (semihosting's
 * ":tt" opened for appending), and on the semihosting command line the
 * test channel's stimulus file (a test image) or the stop time in µs (a
 * user image, which has no test channel: boards/native/mps2/mps2.h).
 *
 * Who calls it: `outpost run` (cli/run.ts) and the tests. The exit status
 * is the image's own (0, 2, 3, 4 as `outpost sim`; 70 a CPU fault).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Board, loadBoard } from "../../contract/boards.ts";
import { OutpostError } from "../../contract/errors.ts";
import { BOARD_MARKER, TEST_CHANNEL_MARKER } from "./image.ts";
import { type Stimuli, stimulusFile } from "./stimuli.ts";
import { requireTool, toolPath } from "./tools.ts";

/** The board a native image was built for (the marker board_tables.c puts in it); NOT_FIRMWARE errors otherwise. */
export function imageBoard(bytes: Uint8Array, file: string): Board {
  const elf = bytes.length > 4 && bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46;
  const text = elf ? Buffer.from(bytes).toString("latin1") : "";
  const at = text.indexOf("\0" + BOARD_MARKER);
  if (at < 0) {
    throw new OutpostError(
      "NOT_OUTPOST_FIRMWARE",
      `${file} is not an Outpost native image: build one with outpost build <entry.ts> --board mps2-an385 -o ${file}`,
    );
  }
  const start = at + 1 + BOARD_MARKER.length;
  return loadBoard(text.slice(start, text.indexOf("\0", start)));
}

/** True when `bytes` is a test image: it plays stimulus files (io_bench.c puts the marker in it). */
export function hasTestChannel(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes("\0" + TEST_CHANNEL_MARKER + "\0", 0, "latin1");
}

export interface QemuRun {
  status: number;
  /** QEMU's own complaints (not the image's), for errors. */
  qemuStderr: string;
}

/**
 * Runs `image` (for `board`) with `stimuli`; console bytes and diagnostics go to the two callbacks as
 * they come. A user image (`testChannel` false) takes only the stop time (stimuli.limit).
 */
export async function runOnQemu(
  image: string,
  board: Board,
  stimuli: Stimuli,
  testChannel: boolean,
  out: { console: (chunk: Buffer) => void; diagnostics: (chunk: Buffer) => void },
  options: { stackReport?: boolean; signal?: AbortSignal } = {},
): Promise<QemuRun> {
  requireTool("qemu-system-arm", `outpost run on board "${board.name}"`);
  const dir = mkdtempSync(join(tmpdir(), "outpost-run-"));
  try {
    let channelArg = String(stimuli.limit);
    if (testChannel) {
      channelArg = join(dir, "stimuli.bin");
      writeFileSync(channelArg, stimulusFile(board, stimuli));
    }
    const args = [
      "-machine", board.native!.qemu, "-display", "none", "-monitor", "none", "-serial", "stdio",
      "-icount", "shift=0,sleep=off",
      "-semihosting-config", `enable=on,target=native,arg=:tt,arg=${channelArg}${options.stackReport ? ",arg=stack" : ""}`,
      "-kernel", image,
    ];
    const child = spawn(toolPath("qemu-system-arm")!, args, { stdio: ["ignore", "pipe", "pipe"], signal: options.signal });
    let qemuStderr = "";
    child.stdout!.on("data", out.console);
    // The image's diagnostics come on QEMU's stderr (semihosting ":tt"); QEMU's own complaints start with its name.
    child.stderr!.on("data", (d: Buffer) => {
      if (d.toString().startsWith("qemu-system-arm:")) qemuStderr += d.toString();
      else out.diagnostics(d);
    });
    const status = await new Promise<number>((resolve, reject) => {
      child.on("error", (e) => (e.name === "AbortError" ? resolve(130) : reject(e)));
      child.on("close", (code, signal) => resolve(code ?? (signal ? 130 : 70)));
    });
    return { status, qemuStderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Reads an image file for `outpost run`; FILE_NOT_FOUND when it cannot. */
export function readImage(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch {
    throw new OutpostError("FILE_NOT_FOUND", `cannot read ${file}: check the path (outpost build --board mps2-an385 -o ${file} writes it)`);
  }
}
