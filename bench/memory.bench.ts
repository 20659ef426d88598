/**
 * Bounded memory (sim/ring.ts, the streamed VCD, the log flood limit):
 * peak resident memory of the `outpost sim` process (bench/peak-rss.mjs)
 * for long runs, against the same command's peak for one virtual second
 * (the peer: what the process costs before any history builds up).
 *
 *   year-blinky   `outpost sim examples/blinky --for 365d --vcd …`: 63
 *                 million pin changes, each printed and dumped as it
 *                 happens (goal: under 200 MB)
 *   log-flood     test/fixtures/flood.wat logging every µs for 60 s:
 *                 60 million lines, 1,000 a second kept, the rest counted
 *   baseline      the peer: `outpost sim examples/blinky --for 1s`
 *
 * One operation is one virtual second; `peak_mb` is the peak RSS and
 * `goal_met` whether it is under 200 MB. With --quick the year is a minute.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildTestFirmware } from "../test/helpers/firmware.ts";
import { firmware } from "../test/fixtures/wat.ts";
import { type Benchmark, type Result, type RunOptions, check } from "./lib.ts";

const wrapper = fileURLToPath(new URL("./peak-rss.mjs", import.meta.url));
const GOAL_MB = 200;

/** Runs `outpost ...args` (its output discarded); its wall time and peak RSS in MB. */
function outpost(dir: string, args: string[]): { ns: number; peakMb: number } {
  const rssFile = join(dir, "rss");
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [wrapper, ...args], { cwd: dir, env: { ...process.env, OUTPOST_RSS_FILE: rssFile }, stdio: "ignore" });
  const ns = Number(process.hrtime.bigint() - start);
  check(r.status === 0, `outpost ${args.join(" ")} exited ${r.status}`);
  return { ns, peakMb: Number(readFileSync(rssFile, "utf8")) / 1024 };
}

function result(impl: string, seconds: number, run: { ns: number; peakMb: number }, extra: Record<string, number | boolean> = {}): Result {
  return { benchmark: "memory", impl, ns_per_op: run.ns / seconds, virtual_s: seconds, wall_s: run.ns / 1e9, peak_mb: run.peakMb, goal_met: run.peakMb < GOAL_MB, ...extra };
}

const memory: Benchmark = {
  name: "memory",
  op: "virtual second",
  peer: "baseline",
  targets: [],
  async run(options: RunOptions): Promise<Result[]> {
    const dir = mkdtempSync(join(tmpdir(), "outpost-memory-"));
    try {
      writeFileSync(join(dir, "blinky.wasm"), await buildTestFirmware("examples/blinky/main.ts"));
      writeFileSync(join(dir, "flood.wasm"), firmware("flood"));
      const year = options.quick ? 60 : 365 * 86_400;
      const flood = options.quick ? 1 : 60;
      // Warms the loader's transpile cache, which a first run fills: its peak is not the simulator's.
      if (!options.quick) outpost(dir, ["sim", "blinky.wasm", "--for", "1s"]);
      const baseline = outpost(dir, ["sim", "blinky.wasm", "--for", "1s"]);
      const long = outpost(dir, ["sim", "blinky.wasm", "--for", `${year}s`, "--vcd", "year.vcd"]);
      const vcdBytes = statSync(join(dir, "year.vcd")).size;
      const logs = outpost(dir, ["sim", "flood.wasm", "--for", `${flood}s`]);
      return [
        result("year-blinky", year, long, { vcd_mb: vcdBytes / 2 ** 20 }),
        result("log-flood", flood, logs),
        result("baseline", 1, baseline),
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default memory;
