/**
 * Ping-pong with async syntax against hand-written poll futures, in one run:
 *
 *   async         bench/firmware/pingpong_async.ts: two `task(…, async …)`
 *                 bodies lowered by Outpost's toolchain into state machines
 *   closure       bench/firmware/pingpong_closure.ts: each round trip a call
 *                 of an async closure, through its value
 *   generic       bench/firmware/pingpong_generic.ts: each round trip a call
 *                 of a generic async function (`exchange<T>`)
 *   hand-written  bench/firmware/pingpong.ts's "outpost" mode: the same
 *                 protocol as hand-written poll() methods
 *
 * Both run 1,000,000 round trips per virtual second inside the executor
 * under a bare ABI host (test/helpers/bare_host.ts); runs alternate between
 * the firmwares so all see the same machine state, and are timed in CPU time
 * (single-threaded work: other processes on a shared machine do not count).
 * Targets: each lowered form within 1.5× the hand-written.
 */
import { BareHost } from "../test/helpers/bare_host.ts";
import { buildTestFirmware } from "../test/helpers/firmware.ts";
import { type Benchmark, type Result, type RunOptions, bareRun, bestInterleaved, cpuNs, rounds } from "./lib.ts";
import { ROUNDS, nextRun } from "./pingpong.bench.ts";

const pingPongAsync: Benchmark = {
  name: "ping-pong-async",
  op: "round trip",
  peer: null,
  targets: [
    { impl: "async", peer: "hand", factor: 1.5, text: "async syntax ≤ 1.5× hand-written futures" },
    { impl: "closure", peer: "hand", factor: 1.5, text: "an async closure per round trip ≤ 1.5× hand-written futures" },
    { impl: "generic", peer: "hand", factor: 1.5, text: "a generic async function per round trip ≤ 1.5× hand-written futures" },
  ],
  async run(options: RunOptions): Promise<Result[]> {
    // A long warm-up: when the builds below are not cached, this process has just run the compiler
    // (binaryen's large module), whose optimising recompiles can hold the firmwares' own tier-up back.
    const { warmup: WARMUP, runs: RUNS } = rounds(options, 12, 15);
    const lowered = BareHost.load(await buildTestFirmware("bench/firmware/pingpong_async.ts"));
    const closure = BareHost.load(await buildTestFirmware("bench/firmware/pingpong_closure.ts"));
    const generic = BareHost.load(await buildTestFirmware("bench/firmware/pingpong_generic.ts"));
    const hand = BareHost.load(await buildTestFirmware("bench/firmware/pingpong.ts"));
    for (const h of [lowered, closure, generic, hand]) h.runUntilTime(0);
    let second = 0, closureSecond = 0, genericSecond = 0;
    const best = bestInterleaved(WARMUP, RUNS, {
      async: () => bareRun(lowered, ++second * 1e6, `async ${ROUNDS}`, ROUNDS, cpuNs), // one run per virtual second
      closure: () => bareRun(closure, ++closureSecond * 1e6, `closure ${ROUNDS}`, ROUNDS, cpuNs),
      generic: () => bareRun(generic, ++genericSecond * 1e6, `generic ${ROUNDS}`, ROUNDS, cpuNs),
      hand: () => {
        const ns = nextRun(hand, "outpost", cpuNs); // its odd seconds run the executor pair
        nextRun(hand, "direct"); // its even seconds run the direct pair, untimed here
        return ns;
      },
    });
    return [
      { benchmark: "ping-pong-async", impl: "async", ns_per_op: best.async },
      { benchmark: "ping-pong-async", impl: "closure", ns_per_op: best.closure },
      { benchmark: "ping-pong-async", impl: "generic", ns_per_op: best.generic },
      { benchmark: "ping-pong-async", impl: "hand", ns_per_op: best.hand },
    ];
  },
};

export default pingPongAsync;
