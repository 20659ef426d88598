/**
 * Runs fuzz seeds (sim/fuzz.ts) on worker threads, one simulator per seed.
 * The main thread hands out seeds in small batches, in ascending order, to
 * whichever worker has room (two batches in flight each, so a worker never
 * waits for the main thread between batches), and a slow seed holds up at
 * most its own batch. Once a seed fails, no batch above it is started, a
 * worker stops its batch at a failing seed, and the lowest failing seed is
 * the answer: every seed below it has run whatever the batching, so the
 * same command reports the same seed whatever the number of jobs.
 *
 * Workers run fuzz-worker.ts; they get the firmware bytes and options once
 * (workerData), then a batch per message, and answer with its results.
 * Each worker compiles the firmware once (sim/module-cache.ts). Node-only:
 * the CLI's part.
 */
import { Worker } from "node:worker_threads";
import type { FuzzOptions, FuzzResult } from "../../../sim/index.ts";

export interface PoolOptions {
  firmware: Uint8Array | string;
  options: FuzzOptions;
  /** Seeds first … first + count − 1. */
  first: number;
  count: number;
  jobs: number;
  /** Run each seed twice and compare the runs' digests. */
  twice: boolean;
  /** Called after each finished seed (progress). */
  onResult?: (result: FuzzResult, done: number) => void;
}

export interface PoolResult {
  /** Seeds run to the end. */
  done: number;
  /** The lowest failing seed, or null. */
  failed: FuzzResult | null;
  wallMs: number;
}

/** A batch of seeds, as the main thread sends it: seeds first … first + count − 1. */
export interface SeedBatch {
  first: number;
  count: number;
}

/** Batches each worker holds at once: one running, one waiting. */
const IN_FLIGHT = 2;
/** The largest batch: about 30 ms of seeds of 10 s of a small firmware. */
const MAX_BATCH = 16;

// The worker's entry: the transpiled copy's when the command runs from one (tools/host-tree.mjs),
// else the source, and then the worker registers the same loader first.
const entry = import.meta.resolve("./fuzz-worker.ts");
const hooks = new URL("../../../tools/ts-hooks.mjs", import.meta.url).href;
const bootstrap = entry.endsWith(".ts")
  ? `import { register } from "node:module"; register(${JSON.stringify(hooks)}); await import(${JSON.stringify(entry)});`
  : `await import(${JSON.stringify(entry)});`;

export async function runPool(p: PoolOptions): Promise<PoolResult> {
  const start = performance.now();
  let next = p.first;
  const end = p.first + p.count;
  let done = 0;
  let failed: FuzzResult | null = null;
  const jobs = Math.max(1, Math.min(p.jobs, p.count));
  // Small enough that the last batches spread over every worker, at most MAX_BATCH.
  const size = Math.max(1, Math.min(MAX_BATCH, Math.floor(p.count / (jobs * 8))));
  const workers = Array.from({ length: jobs }, () =>
    new Worker(bootstrap, { eval: true, workerData: { firmware: p.firmware, options: p.options, twice: p.twice } }),
  );
  const running = Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          let inFlight = 0;
          const give = (): void => {
            while (inFlight < IN_FLIGHT && next < end && (failed === null || next < failed.seed)) {
              const batch: SeedBatch = { first: next, count: Math.min(size, end - next) };
              next += batch.count;
              inFlight++;
              worker.postMessage(batch);
            }
            if (inFlight === 0) void worker.terminate().then(() => resolve());
          };
          worker.on("message", (results: FuzzResult[]) => {
            inFlight--;
            for (const result of results) {
              done++;
              if (result.failure && (failed === null || result.seed < failed.seed)) failed = result;
              p.onResult?.(result, done);
            }
            give();
          });
          worker.on("error", reject);
          give();
        }),
    ),
  );
  try {
    await running;
  } catch (e) {
    // One worker failed: the others stop too, rather than go on running seeds no one will read.
    await Promise.all(workers.map((w) => w.terminate()));
    throw e;
  }
  return { done, failed, wallMs: performance.now() - start };
}
