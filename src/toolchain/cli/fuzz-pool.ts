/**
 * Runs fuzz seeds (sim/fuzz.ts) on worker threads, one simulator per seed:
 * the main thread hands out seeds one at a time to whichever worker is
 * free, so a slow seed never holds the others up. Once a seed fails, no
 * seed above it is started and the lowest failing seed is the answer, so
 * the same command reports the same seed whatever the number of jobs.
 *
 * Workers run fuzz-worker.ts; they get the firmware bytes and options once
 * (workerData), then a seed per message. Node-only: the CLI's part.
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

// A worker imports TypeScript (the CLI runs from sources): register the same loader there first.
const hooks = new URL("../../../tools/ts-hooks.mjs", import.meta.url).href;
const entry = new URL("./fuzz-worker.ts", import.meta.url).href;
const bootstrap = `import { register } from "node:module"; register(${JSON.stringify(hooks)}); await import(${JSON.stringify(entry)});`;

export async function runPool(p: PoolOptions): Promise<PoolResult> {
  const start = performance.now();
  let next = p.first;
  const end = p.first + p.count;
  let done = 0;
  let failed: FuzzResult | null = null;
  const workers = Array.from({ length: Math.max(1, Math.min(p.jobs, p.count)) }, () =>
    new Worker(bootstrap, { eval: true, workerData: { firmware: p.firmware, options: p.options, twice: p.twice } }),
  );
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          const give = (): void => {
            if (next < end && (failed === null || next < failed.seed)) worker.postMessage(next++);
            else void worker.terminate().then(() => resolve());
          };
          worker.on("message", (result: FuzzResult) => {
            done++;
            if (result.failure && (failed === null || result.seed < failed.seed)) failed = result;
            p.onResult?.(result, done);
            give();
          });
          worker.on("error", reject);
          give();
        }),
    ),
  );
  return { done, failed, wallMs: performance.now() - start };
}
