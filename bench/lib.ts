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
import type { BareHost } from "../test/helpers/bare_host.ts";

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
  return bestRun(warmup, runs, once, (ns) => ns);
}

/** Like `bestOf`, for runs that measure more than one number: the whole run whose `ns` is smallest. */
export async function bestRun<T>(warmup: number, runs: number, once: () => T | Promise<T>, ns: (run: T) => number): Promise<T> {
  for (let i = 0; i < warmup; i++) await once();
  let best: T | undefined;
  for (let i = 0; i < runs; i++) {
    const run = await once();
    if (best === undefined || ns(run) < ns(best)) best = run;
  }
  return best!;
}

/**
 * Best ns per op of each of several measurements taken in turn, one of each
 * per round (so that all see the same machine state), after `warmup` rounds.
 */
export function bestInterleaved<K extends string>(warmup: number, runs: number, measure: Record<K, () => number>): Record<K, number> {
  const names = Object.keys(measure) as K[];
  const best = Object.fromEntries(names.map((k) => [k, Infinity])) as Record<K, number>;
  for (let i = 0; i < warmup + runs; i++) {
    for (const k of names) {
      const ns = measure[k]();
      if (i >= warmup) best[k] = Math.min(best[k], ns);
    }
  }
  return best;
}

/**
 * Every timed run of several measurements taken in turn, after `warmup`
 * rounds: ns per op, one array per measurement, index i from round i. The
 * order rotates each round, so that none always runs first (right after
 * another's garbage, or a colder cache); compare two measurements round by
 * round (`quantile` of the ratios) to cancel what the machine did meanwhile.
 */
export function interleavedRuns<K extends string>(warmup: number, runs: number, measure: Record<K, () => number>): Record<K, number[]> {
  const names = Object.keys(measure) as K[];
  const all = Object.fromEntries(names.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < warmup + runs; i++) {
    for (let j = 0; j < names.length; j++) {
      const k = names[(i + j) % names.length]!;
      const ns = measure[k]();
      if (i >= warmup) all[k].push(ns);
    }
  }
  return all;
}

/** The `p` quantile (0 … 1) of `values`, the nearest rank below. */
export function quantile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) * p)]!;
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

/**
 * CPU time (user + system) of `f` in ns: for comparisons of a few percent,
 * which other processes on a shared machine would swamp in wall time
 * (microsecond resolution: time runs of milliseconds or more).
 */
export function cpuNs(f: () => void): number {
  const start = process.cpuUsage();
  f();
  const used = process.cpuUsage(start);
  return (used.user + used.system) * 1000;
}

/** Wall time of async `f` in ns. */
export async function timeNsAsync(f: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await f();
  return Number(process.hrtime.bigint() - start);
}

/** Wall ns per op of async `f`, which must return `ops` (the operations it did). */
export async function nsPerOpAsync(ops: number, what: string, f: () => Promise<number>): Promise<number> {
  let done = 0;
  const ns = await timeNsAsync(async () => (done = await f()));
  check(done === ops, `${what}: did ${done} of ${ops}`);
  return ns / ops;
}

/**
 * Runs a bench firmware under a bare ABI host up to virtual time `end` (µs),
 * timed by `clock` (wall time unless given), and returns ns per each of its `ops` operations. Throws
 * unless it logged exactly `report` meanwhile (the firmware's own count of
 * what it did), or if it panicked.
 */
export function bareRun(host: BareHost, end: number, report: string, ops: number, clock: (f: () => void) => number = timeNs): number {
  const logs = host.logs.length;
  const ns = clock(() => host.runUntilTime(end));
  if (host.panic) throw new Error(`bench firmware panicked before ${end} µs: ${host.panic.message}`);
  const lines = host.logs.slice(logs).map((l) => l.text);
  check(lines.length === 1 && lines[0] === report, `by ${end} µs: expected "${report}", got ${JSON.stringify(lines)}`);
  return ns / ops;
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
