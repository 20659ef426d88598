/**
 * One fuzz worker thread (fuzz-pool.ts starts them): runs the seeds of each
 * batch it is sent (sim/fuzz.ts, twice when asked), in order, stopping at a
 * failing seed, and posts the batch's results back in one message. Batches
 * run one after another. An error a seed's run throws (the firmware loaded
 * in the main thread first, so this is rare: a stimulus the board refuses)
 * is that seed's failure.
 *
 * The board is read once here (the options name it, or carry it loaded),
 * and the firmware compiled once (sim/module-cache.ts): a seed only
 * instantiates and runs.
 */
import { parentPort, workerData } from "node:worker_threads";
import { type FuzzOptions, type FuzzResult, fuzzSeedTwice } from "../../../sim/index.ts";
import { loadBoard } from "../../contract/boards.ts";
import type { SeedBatch } from "./fuzz-pool.ts";

const data = workerData as { firmware: Uint8Array | string; options: FuzzOptions; twice: boolean };
const { firmware, twice } = data;
const options: FuzzOptions = typeof data.options.board === "string" ? { ...data.options, board: loadBoard(data.options.board) } : data.options;

async function seed(n: number): Promise<FuzzResult> {
  try {
    return await fuzzSeedTwice(firmware, options, n, twice);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { seed: n, hash: "", failure: { invariant: "panic", message, exit: 1 } };
  }
}

async function run(batch: SeedBatch): Promise<void> {
  const results: FuzzResult[] = [];
  for (let n = batch.first; n < batch.first + batch.count; n++) {
    const result = await seed(n);
    results.push(result);
    if (result.failure) break; // the seeds above it cannot be the lowest failing one
  }
  parentPort!.postMessage(results);
}

let queue = Promise.resolve();
parentPort!.on("message", (batch: SeedBatch) => {
  queue = queue.then(() => run(batch));
});
