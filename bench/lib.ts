/**
 * What a benchmark is, for bench/run.ts: a name, the implementations it
 * times side by side, and the ratios it promises. One file per benchmark
 * (`bench/<name>.bench.ts`, default export); the driver finds them.
 *
 * Timing rules every benchmark follows: warm up first, then take the best
 * of several runs (the least disturbed one), with process.hrtime.bigint.
 */

export interface Result {
  benchmark: string;
  impl: string;
  /** Nanoseconds per operation (for ping-pong: per round trip). */
  ns_per_op: number;
}

/** "`impl` is at least `factor`× faster than `peer`" (or at most, with `atMost`). */
export interface Target {
  impl: string;
  peer: string;
  /** Wanted ratio impl/peer of ns per op: impl ≤ factor × peer. */
  factor: number;
  text: string;
}

export interface Benchmark {
  name: string;
  /** What one operation is, for the printout. */
  op: string;
  targets: Target[];
  run(): Promise<Result[]>;
}

/** Best (smallest) of `runs` calls of `once` after `warmup` calls; each returns ns per op. */
export async function bestOf(warmup: number, runs: number, once: () => number | Promise<number>): Promise<number> {
  for (let i = 0; i < warmup; i++) await once();
  let best = Infinity;
  for (let i = 0; i < runs; i++) best = Math.min(best, await once());
  return best;
}

/** Wall time of `f` in ns. */
export function timeNs(f: () => void): number {
  const start = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - start);
}
