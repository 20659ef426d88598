/**
 * One fuzz worker thread (fuzz-pool.ts starts them): runs each seed it is
 * sent (sim/fuzz.ts, twice when asked) and posts the result back. An error
 * a seed's run throws (the firmware loaded in the main thread first, so
 * this is rare: a stimulus the board refuses) is that seed's failure.
 */
import { parentPort, workerData } from "node:worker_threads";
import { type FuzzOptions, type FuzzResult, fuzzSeedTwice } from "../../../sim/index.ts";

const { firmware, options, twice } = workerData as { firmware: Uint8Array | string; options: FuzzOptions; twice: boolean };

parentPort!.on("message", (seed: number) => {
  void fuzzSeedTwice(firmware, options, seed, twice).then(
    (result) => parentPort!.postMessage(result),
    (e: unknown) => {
      const message = e instanceof Error ? e.message : String(e);
      parentPort!.postMessage({ seed, hash: "", failure: { invariant: "panic", message, exit: 1 } } satisfies FuzzResult);
    },
  );
});
