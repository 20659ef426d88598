/**
 * Ping-pong with async syntax against hand-written poll futures, in one run:
 *
 *   async         bench/firmware/pingpong_async.ts: two `task(…, async …)`
 *                 bodies lowered by Outpost's toolchain into state machines
 *   hand-written  bench/firmware/pingpong.ts's "outpost" mode: the same
 *                 protocol as hand-written poll() methods
 *
 * Both run 1,000,000 round trips per virtual second inside the executor
 * under a bare ABI host (test/helpers/bare_host.ts); runs alternate between
 * the two firmwares so both see the same machine state. Target: the lowered
 * code within 1.5× the hand-written.
 */
import { BareHost } from "../test/helpers/bare_host.ts";
import { buildTestFirmware } from "../test/helpers/firmware.ts";
import { type Benchmark, type Result, type RunOptions, bareRun, bestInterleaved, rounds } from "./lib.ts";
import { ROUNDS, nextRun } from "./pingpong.bench.ts";

const pingPongAsync: Benchmark = {
  name: "ping-pong-async",
  op: "round trip",
  peer: null,
  targets: [{ impl: "async", peer: "hand", factor: 1.5, text: "async syntax ≤ 1.5× hand-written futures" }],
  async run(options: RunOptions): Promise<Result[]> {
    const { warmup: WARMUP, runs: RUNS } = rounds(options, 3, 15);
    const lowered = BareHost.load(await buildTestFirmware("bench/firmware/pingpong_async.ts"));
    const hand = BareHost.load(await buildTestFirmware("bench/firmware/pingpong.ts"));
    lowered.runUntilTime(0);
    hand.runUntilTime(0);
    let second = 0;
    const best = bestInterleaved(WARMUP, RUNS, {
      async: () => bareRun(lowered, ++second * 1e6, `async ${ROUNDS}`, ROUNDS), // one run per virtual second
      hand: () => {
        const ns = nextRun(hand, "outpost"); // its odd seconds run the executor pair
        nextRun(hand, "direct"); // its even seconds run the direct pair, untimed here
        return ns;
      },
    });
    return [
      { benchmark: "ping-pong-async", impl: "async", ns_per_op: best.async },
      { benchmark: "ping-pong-async", impl: "hand", ns_per_op: best.hand },
    ];
  },
};

export default pingPongAsync;
