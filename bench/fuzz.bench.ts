/**
 * `outpost fuzz`'s throughput: seeds of examples/uart-echo (10 virtual
 * seconds each, random bytes on both UARTs, button taps, the echo checked)
 * run by the worker pool (src/toolchain/cli/fuzz-pool.ts) with 1 job (the
 * peer) and with 2. One operation is one seed of a long run (20,000 seeds);
 * `seeds_per_s` is its rate, `steady_seeds_per_s` the rate after the first
 * quarter of the seeds (the workers started and warm), `first_seed_ms` the
 * start-up (workers importing the simulator, compiling the firmware) until
 * the first results, which come a batch at a time (up to 16 seeds,
 * fuzz-pool.ts), `cpu_us_per_seed` the CPU time of every thread per seed
 * (`steady_cpu_us_per_seed` after the first quarter): what running in
 * parallel costs on top, whatever else shares the cores. `short_seeds_per_s`
 * is the rate of a run of 4,000 seeds, where start-up weighs more. On a
 * 2-core machine 2 jobs should come close to twice the rate.
 */
import { runPool } from "../src/toolchain/cli/fuzz-pool.ts";
import { buildTestFirmware } from "../test/helpers/firmware.ts";
import { type Benchmark, type Result, type RunOptions, check } from "./lib.ts";

interface Rate {
  seedsPerS: number;
  wallMs: number;
  firstMs: number;
  cpuUsPerSeed: number;
  steadySeedsPerS: number;
  steadyCpuUsPerSeed: number;
}

async function rate(firmware: Uint8Array, jobs: number, seeds: number): Promise<Rate> {
  const start = performance.now();
  const cpu = process.cpuUsage(); // every thread of the process: the workers' too
  let firstMs = 0;
  const quarter = Math.max(1, Math.floor(seeds / 4));
  let quarterMs = 0;
  let quarterCpu = cpu;
  const r = await runPool({
    firmware, options: { board: "sim", duration: "10s", echo: ["UART0"] }, first: 1, count: seeds, jobs, twice: false,
    onResult: (_result, done) => {
      if (done === 1) firstMs = performance.now() - start;
      if (done === quarter) (quarterMs = performance.now() - start), (quarterCpu = process.cpuUsage());
    },
  });
  const used = process.cpuUsage(cpu);
  const steadyUsed = process.cpuUsage(quarterCpu);
  check(r.failed === null && r.done === seeds, `fuzz with ${jobs} jobs: ${r.failed?.failure?.message ?? `${r.done} of ${seeds} seeds`}`);
  return {
    seedsPerS: seeds / (r.wallMs / 1000), wallMs: r.wallMs, firstMs, cpuUsPerSeed: (used.user + used.system) / seeds,
    steadySeedsPerS: (seeds - quarter) / ((r.wallMs - quarterMs) / 1000), steadyCpuUsPerSeed: (steadyUsed.user + steadyUsed.system) / (seeds - quarter),
  };
}

const fuzz: Benchmark = {
  name: "fuzz",
  op: "seed",
  peer: "1 job",
  targets: [{ impl: "2 jobs", peer: "1 job", factor: 0.65, text: "2 jobs run a seed in at most 0.65× the time of 1" }],
  async run(options: RunOptions): Promise<Result[]> {
    const firmware = await buildTestFirmware("examples/uart-echo/main.ts");
    const [short, long] = options.quick ? [8, 8] : [4000, 20_000];
    const results: Result[] = [];
    for (const jobs of [1, 2]) {
      // --quick: one pool per job count stands for both runs (a pool's start-up is most of a tiny run).
      const l = await rate(firmware, jobs, long);
      const s = short === long ? l : await rate(firmware, jobs, short);
      results.push({
        benchmark: "fuzz", impl: `${jobs} job${jobs === 1 ? "" : "s"}`, ns_per_op: (l.wallMs * 1e6) / long, seeds: long,
        seeds_per_s: l.seedsPerS, steady_seeds_per_s: l.steadySeedsPerS, first_seed_ms: l.firstMs,
        cpu_us_per_seed: l.cpuUsPerSeed, steady_cpu_us_per_seed: l.steadyCpuUsPerSeed, short_seeds_per_s: s.seedsPerS,
      });
    }
    return results;
  },
};

export default fuzz;
