/**
 * Native images on QEMU (mps2-an385, Cortex-M3), measured in instructions
 * (for native_pingpong.bench.ts and native_image.bench.ts):
 * QEMU runs with -icount shift=0, where one instruction takes one virtual
 * ns, and the image reports the time its CPU was busy (not asleep in WFI),
 * so a busy ns is an instruction.
 *
 *   native-ping-pong   bench/firmware/pingpong.ts translated by wasm2c:
 *                      1,000,000 round trips through the executor
 *                      ("outpost") and the same poll functions called by a
 *                      plain loop ("direct"), in the same image and run;
 *                      ns_per_op is instructions per round trip. Bounds
 *                      checks are on (u32, against the fixed backing).
 *   native-image       every example built for the board: flash, RAM
 *                      (static data + the C stack's measured peak) and the
 *                      wall time of one QEMU run (ns_per_op: ms × 10⁶,
 *                      the run test/conformance makes of it, 3 s virtual)
 *
 * Needs wabt, gcc-arm-none-eabi, picolibc-arm-none-eabi and qemu-system-arm;
 * skipped with --quick (a ping-pong run is 0.5 billion instructions).
 */
import { readdirSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadBoard } from "../src/contract/boards.ts";
import { imageFlash, imageSections } from "../src/toolchain/cli/build-native.ts";
import { onQemu } from "../test/conformance/hosts.ts";
import { buildTestImage } from "../test/helpers/native.ts";
import type { Result } from "./lib.ts";
import { missingNativeTools } from "../test/helpers/native.ts";

const BOARD = "mps2-an385";
const ROUNDS = 1_000_000; // ROUNDS in bench/firmware/pingpong.ts
const root = fileURLToPath(new URL("../", import.meta.url));

/** The busy ns (instructions) and C stack peak of a run of `image` up to `until`. */
async function usage(image: string, until: string): Promise<{ busy: number; stack: number; wallMs: number }> {
  const started = performance.now();
  const t = await onQemu(image, ["--for", until, "--stack-report"]);
  const wallMs = performance.now() - started;
  const text = t.lines.join("\n");
  const busy = /mps2: busy (\d+) ns/.exec(text);
  const stack = /mps2: C stack peak (\d+) bytes/.exec(text);
  if (!busy || !stack) throw new Error(`${image} reported no usage:\n${text}`);
  return { busy: Number(busy[1]), stack: Number(stack[1]), wallMs };
}

export async function pingPong(): Promise<Result[]> {
  const image = (await buildTestImage("bench/firmware/pingpong.ts", BOARD, "user")).path;
  // Second 1 runs the executor, second 2 the plain loop; before 1 s, only start-up.
  const [start, outpost, direct] = [await usage(image, "500ms"), await usage(image, "1500ms"), await usage(image, "2500ms")];
  const perRound = (a: number, b: number): number => (b - a) / ROUNDS;
  return [
    { benchmark: "native-ping-pong", impl: "outpost", ns_per_op: perRound(start.busy, outpost.busy), instructions: perRound(start.busy, outpost.busy) },
    { benchmark: "native-ping-pong", impl: "direct", ns_per_op: perRound(outpost.busy, direct.busy), instructions: perRound(outpost.busy, direct.busy) },
  ];
}

export async function images(): Promise<Result[]> {
  const board = loadBoard(BOARD);
  const examples = readdirSync(root + "examples").filter((d) => existsSync(`${root}examples/${d}/main.ts`)).sort();
  const results: Result[] = [];
  for (const example of examples) {
    const image = (await buildTestImage(`examples/${example}/main.ts`, BOARD, "user")).path;
    const s = imageSections(image);
    const get = (name: string): number => s.get(name) ?? 0;
    const run = await usage(image, "3s");
    const staticRam = get(".data") + get(".bss");
    results.push({
      benchmark: "native-image",
      impl: example,
      ns_per_op: run.wallMs * 1e6,
      flash: imageFlash(s),
      ram: staticRam + run.stack,
      static_ram: staticRam,
      stack_peak: run.stack,
      ram_budget: board.ram,
    });
  }
  return results;
}

/** Why the native benchmarks do not run (--quick, or a tool is missing), or null. */
export function nativeSkipped(quick: boolean): string | null {
  const why = quick ? "not run with --quick" : missingNativeTools("board");
  if (why) process.stderr.write(`native benchmarks skipped: ${why}\n`);
  return why;
}
