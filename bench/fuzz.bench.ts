/**
 * `outpost fuzz`'s throughput: seeds of examples/uart-echo (10 virtual
 * seconds each, random bytes on both UARTs, button taps, the echo checked)
 * run by the worker pool (src/toolchain/cli/fuzz-pool.ts) with 1 job (the
 * peer) and with 2. One operation is one seed; `seeds_per_s` is the rate,
 * `first_seed_ms` the start-up (workers importing the simulator, compiling
 * the firmware) until the first results, which come a batch at a time (up
 * to 16 seeds, fuzz-pool.ts), `cpu_us_per_seed` the CPU
 * time of every thread per seed: what running in parallel costs on top,
 * whatever else shares the cores. On a 2-core machine 2 jobs should come
 * close to twice the rate.
 */
import { runPool } from "../src/toolchain/cli/fuzz-pool.ts";
import { buildTestFirmware } from "../test/helpers/firmware.ts";
import { type Benchmark, type Result, type RunOptions, check } from "./lib.ts";

async function rate(firmware: Uint8Array, jobs: number, seeds: number): Promise<Result> {
  const start = performance.now();
  const cpu = process.cpuUsage(); // every thread of the process: the workers' too
  let firstMs = 0;
  const r = await runPool({
    firmware, options: { board: "sim", duration: "10s", echo: ["UART0"] }, first: 1, count: seeds, jobs, twice: false,
    onResult: (_result, done) => void (done === 1 && (firstMs = performance.now() - start)),
  });
  const used = process.cpuUsage(cpu);
  check(r.failed === null && r.done === seeds, `fuzz with ${jobs} jobs: ${r.failed?.failure?.message ?? `${r.done} of ${seeds} seeds`}`);
  return {
    benchmark: "fuzz", impl: `${jobs} job${jobs === 1 ? "" : "s"}`, ns_per_op: (r.wallMs * 1e6) / seeds, seeds_per_s: seeds / (r.wallMs / 1000), seeds,
    first_seed_ms: firstMs, cpu_us_per_seed: (used.user + used.system) / seeds,
  };
}

const fuzz: Benchmark = {
  name: "fuzz",
  op: "seed",
  peer: "1 job",
  targets: [{ impl: "2 jobs", peer: "1 job", factor: 0.65, text: "2 jobs run a seed in at most 0.65× the time of 1" }],
  async run(options: RunOptions): Promise<Result[]> {
    const firmware = await buildTestFirmware("examples/uart-echo/main.ts");
    const seeds = options.quick ? 4 : 4000;
    return [await rate(firmware, 1, seeds), await rate(firmware, 2, seeds)];
  },
};

export default fuzz;
