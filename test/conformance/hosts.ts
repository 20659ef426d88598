/**
 * The cross-host conformance suite's harness: one firmware, one set of
 * inputs (`outpost sim`'s options), run on each host and turned into one
 * normalised transcript, so that hosts compare exactly. The suite is one
 * test file per group of hosts, so `npm test` spreads it over its workers
 * (builds and images are shared through the build caches):
 *
 *   mps2.test.ts       mps2-an385 (release builds): sim, c-host, qemu, on every example,
 *                      native-faults and native-deep (a panic, traps, overruns at line rate,
 *                      stack exhaustion)
 *   espruino.test.ts   espruino-pico and banglejs2 (a Unicode build): sim, espruino, on every
 *                      example that builds for the board
 *   firmware-1.test.ts sim (default builds): sim, c-host, on every test firmware, 2 s, no input
 *   firmware-2.test.ts (firmware.ts deals the firmware between the two)
 *   chains.test.ts     await chains: sim, espruino, c-host: a panic's chain, a deadlock's and
 *                      --inspect's, with every site named (outpost decode for ids)
 *
 * Hosts:
 *
 *   sim       outpost sim, in-process, on the .wasm
 *   espruino  outpost sim on the build translated to JavaScript (the Espruino host)
 *   c-host    the C host loop with the POSIX platform and the firmware
 *             compiled in by wasm2c (boards/wasm/host/, --virtual --bench),
 *             compiled by tcc where installed, else gcc (helpers/native.ts)
 *   qemu      outpost run: the native image for a Cortex-M board on QEMU
 *   wasm3     the C host loop with the POSIX platform and wasm3 (only when
 *             OUTPOST_WASM3_SRC names a wasm3 source tree: CI cannot fetch it;
 *             mps2.test.ts adds it to every case)
 *
 * Hosts whose tools are missing are skipped by name (wasm2c, gcc,
 * arm-none-eabi-gcc, qemu-system-arm: .ci/run installs them).
 *
 * A transcript is the exit status, the console UART's bytes and every
 * stderr line (stamped pin changes, logs, panics, outcomes). Each
 * difference a host cannot avoid is named in DIFFERENCES and removed from
 * every transcript before comparing; nothing else is.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadBoard } from "../../src/contract/boards.ts";
import * as assert from "uvu/assert";
import { captureIo } from "../../src/toolchain/cli/console.ts";
import { parseRunArgs, runCommand, runStimuli } from "../../src/toolchain/cli/run.ts";
import { simCommand } from "../../src/toolchain/cli/sim.ts";
import { stimulusFile } from "../../src/toolchain/native/stimuli.ts";

export interface Transcript {
  status: number;
  console: string;
  lines: string[];
}

/**
 * What hosts may differ in, and only that: each removes lines only one
 * host can print, because only it knows them.
 */
export const DIFFERENCES: { name: string; drop: (line: string) => boolean }[] = [
  {
    name: "only the simulator knows where in the module a trap happened",
    drop: (l) => /^ {4}in .*wasm-function\[/.test(l),
  },
  {
    name: "only the simulator reads the firmware's sources: the line and caret under a panic's position, the await a trapped task had resumed from",
    drop: (l) => /^ {4}after resuming from /.test(l) || /^ {4}\d+ \| /.test(l) || /^ {6,}\| +\^/.test(l),
  },
];

/** The simulator's deadlock report (debug builds only): hosts that cannot tell nothing will ever happen keep waiting. */
const DEADLOCK = "only the simulator decides that nothing can wake a parked task (exit 5); other hosts wait until --for";

export function normalise(t: Transcript): Transcript {
  const lines = t.lines.filter((l) => !DIFFERENCES.some((d) => d.drop(l)));
  const deadlock = lines.findIndex((l) => /\] deadlock: /.test(l));
  if (t.status === 5 && deadlock >= 0) return { status: 0, console: t.console, lines: lines.slice(0, deadlock) };
  return { ...t, lines };
}
export { DEADLOCK };

/** `got` (another host's transcript) is the simulator's `want`, but for DIFFERENCES. */
export function same(host: string, got: Transcript, want: Transcript): void {
  assert.equal(normalise(got), normalise(want), `${host} differs from the simulator`);
}

/** The case made the firmware do something a host could get wrong. */
export function eventful(t: Transcript): void {
  assert.ok(t.lines.length > 0 || t.console.length > 0, "the case made the firmware do nothing observable");
}

function transcript(status: number, out: number[] | Buffer, err: string): Transcript {
  return { status, console: Buffer.from(out).toString("latin1"), lines: err.split("\n").filter((l) => l !== "") };
}

/** `outpost sim <firmware> --board B <args>` in-process (a .wasm, or an Espruino build's .js). */
export async function onSim(firmware: string, board: string, args: string[]): Promise<Transcript> {
  const io = captureIo();
  const status = await simCommand([firmware, "--board", board, ...args], io);
  return transcript(status, io.out, io.err);
}

/** `outpost run <image> <args>` in-process. */
export async function onQemu(image: string, args: string[]): Promise<Transcript> {
  const io = captureIo();
  const status = await runCommand([image, ...args], io);
  return transcript(status, io.out, io.err);
}

/** A scratch folder for the files a case writes (inputs, firmware, stimuli). */
export const work = mkdtempSync(join(tmpdir(), "outpost-conformance-"));
let files = 0;

/** A C host executable (wasm2c or wasm3 engine) with the same inputs as a stimulus file. */
export function onCHost(executable: string, board: string, args: string[], firmware?: string): Transcript {
  const b = loadBoard(board);
  const stimuli = join(work, `stimuli-${files++}.bin`);
  writeFileSync(stimuli, stimulusFile(b, runStimuli(parseRunArgs(args), b)));
  const r = spawnSync(executable, ["--virtual", "--bench", stimuli, ...(firmware ? [firmware] : [])], {
    input: "",
    maxBuffer: 64 << 20,
    timeout: 60_000,
  });
  return transcript(r.status ?? 70, r.stdout, r.stderr.toString("utf8"));
}
