/**
 * uart-echo on a real Espruino interpreter against the script a user would
 * write by hand, `Serial1.on("data", d => Serial1.write(d))`, in the same
 * run (issue 19's goals): one operation is one byte received and echoed.
 * Runs only when OUTPOST_ESPRUINO names an Espruino Linux build
 * (boards/espruino/README.md, "Measuring on a real interpreter"); without
 * one it says so and reports nothing.
 *
 *   outpost-1, outpost-16   examples/uart-echo built for puckjs, its Serial1
 *                           fed 1 or 16 bytes per `data` callback, no
 *                           faster than 115200 baud (test/helpers/espruino-harness.ts)
 *   hand-1, hand-16         the hand-written echo, fed the same way
 *   task-1, task-16         uart-echo written by hand in plain Espruino
 *                           JavaScript with Outpost's semantics (data held
 *                           until read, a task woken through a run queue,
 *                           a read into a 32-byte buffer, a write):
 *                           bench/peers/espruino-task-echo.js, the floor
 *                           for any translation of the firmware
 *
 * ns_per_op is the interpreter process's CPU time per byte (/proc, 10 ms
 * ticks: the hand-written echo is fed 10× the bytes to be measurable);
 * `instructions_per_byte`, when valgrind is installed, is what callgrind
 * counts inside the callbacks, which does not depend on the machine's
 * load nor on the Linux build's idle loop (it spins before a timer less
 * than 1 ms away, where a board sleeps). `resident_vars` is
 * process.memory().usage once the script has started (the interpreter's
 * own baseline included). With several interpreters named, the first is measured.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadBoard } from "../src/contract/boards.ts";
import { compileEspruino } from "../src/toolchain/espruino/bundle.ts";
import { HAND_WRITTEN_ECHO, echo, echoInstructions } from "../test/helpers/espruino-harness.ts";
import { NO_INTERPRETER, interpretersFromEnv } from "../test/helpers/espruino-interpreter.ts";
import { buildTest } from "../test/helpers/firmware.ts";
import { type Benchmark, type Result, type RunOptions, check } from "./lib.ts";

const BOARD = "puckjs";
const CHUNKS = [1, 16];

const bench: Benchmark = {
  name: "espruino",
  op: "byte echoed on Espruino (CPU)",
  peer: null,
  targets: CHUNKS.map((c) => ({ impl: `outpost-${c}`, peer: `hand-${c}`, factor: 2, text: `uart-echo at ${c} byte(s) per callback ≤ 2× the hand-written echo` })),
  async run(options: RunOptions): Promise<Result[]> {
    const interp = interpretersFromEnv()[0];
    if (!interp) {
      process.stderr.write(`espruino benchmark ${NO_INTERPRETER}\n`);
      return [];
    }
    const { wasm, text } = await buildTest("examples/uart-echo/main.ts", BOARD);
    const { js } = await compileEspruino(wasm, loadBoard(BOARD), "uart-echo.js", { text });
    const floor = readFileSync(fileURLToPath(new URL("./peers/espruino-task-echo.js", import.meta.url)), "utf8");
    const bytes = options.quick ? 64 : 3000;
    const results: Result[] = [];
    for (const chunk of CHUNKS) {
      for (const [impl, program, n] of [["outpost", js, bytes], ["task", floor, bytes * 3], ["hand", HAND_WRITTEN_ECHO, bytes * 10]] as const) {
        const r = await echo(interp, program, n, chunk);
        check(r.echoed >= n, `${impl} echoed ${r.echoed} of ${n} bytes on ${interp.path}`);
        const instructions = options.quick ? null : await echoInstructions(interp, program, 200, chunk);
        results.push({
          benchmark: "espruino",
          impl: `${impl}-${chunk}`,
          interpreter: interp.path,
          ns_per_op: Math.max(r.cpuUs, 1e-3) * 1000,
          wall_us_per_byte: r.wallUs,
          echoed: r.echoed,
          resident_vars: r.resident,
          ...(instructions === null ? {} : { instructions_per_byte: Math.round(instructions) }),
        });
      }
    }
    return results;
  },
};

export default bench;
