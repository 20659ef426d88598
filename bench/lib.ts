/**
 * What a benchmark is, for bench/run.ts: a name, the implementations it
 * times side by side (Outpost and its peers, measured in the same run), the
 * Node peer its ratios are taken against, and the ratios it promises. One
 * file per benchmark (`bench/<name>.bench.ts`, default export); the driver
 * finds them.
 *
 * Timing rules every benchmark follows: warm up first, then take the best
 * of several runs (the least disturbed one), with process.hrtime.bigint.
 * With `quick` (bench/run.ts --quick) a benchmark runs tiny counts once:
 * the numbers mean nothing, but every code path runs, for the smoke test.
 */

/** One line of bench/out/results.json. */
export interface Result {
  benchmark: string;
  /** "outpost", or the peer: "promises", "direct", "devicescript", … */
  impl: string;
  /** Nanoseconds (wall clock) per operation; what an operation is depends on the benchmark. */
  ns_per_op: number;
  /** Anything else the benchmark measured (virtual latency, bytes per second, speed-up …). */
  [extra: string]: number | string | boolean;
}

/** "`impl` takes at most `factor` × the time of `peer` per operation". */
export interface Target {
  impl: string;
  peer: string;
  /** Wanted ratio impl/peer of ns per op: impl ≤ factor × peer. */
  factor: number;
  text: string;
}

export interface RunOptions {
  /** Tiny counts, one run each: for the smoke test, not for numbers. */
  quick: boolean;
}

export interface Benchmark {
  name: string;
  /** What one operation is, for the printout. */
  op: string;
  /** The Node implementation every other impl's ratio is taken against (null: none). */
  peer: string | null;
  targets: Target[];
  run(options: RunOptions): Promise<Result[]>;
}

/** Best (smallest) of `runs` calls of `once` after `warmup` calls; each returns ns per op. */
export async function bestOf(warmup: number, runs: number, once: () => number | Promise<number>): Promise<number> {
  for (let i = 0; i < warmup; i++) await once();
  let best = Infinity;
  for (let i = 0; i < runs; i++) best = Math.min(best, await once());
  return best;
}

/** Warm-up and timed runs for `options`: a single untimed-quality run when quick. */
export function rounds(options: RunOptions, warmup: number, runs: number): { warmup: number; runs: number } {
  return options.quick ? { warmup: 0, runs: 1 } : { warmup, runs };
}

/** Wall time of `f` in ns. */
export function timeNs(f: () => void): number {
  const start = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - start);
}

/** Wall time of async `f` in ns. */
export async function timeNsAsync(f: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await f();
  return Number(process.hrtime.bigint() - start);
}

/** A small seeded PRNG (xorshift32), the same sequence as bench/firmware/timer_storm.ts draws. */
export function xorshift32(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

/** Throws unless `ok`: a benchmark that did not do its work must not report a time. */
export function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}
