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
import { type Benchmark, type Result, type RunOptions, rounds, timeNs } from "./lib.ts";

const ROUNDS = 1_000_000; // ROUNDS in both firmwares

/** Runs one virtual second's run of `host`; returns ns per round trip. */
function run(host: BareHost, label: string, seconds: number): number {
  host.now = seconds * 1e6;
  const logs = host.logs.length;
  const ns = timeNs(() => {
    for (;;) {
      const next = host.pollOnce();
      if (next < 0 || next > host.now) break;
    }
  });
  if (host.panic) throw new Error(`${label} firmware panicked: ${host.panic.message}`);
  const line = host.logs.slice(logs).find((l) => l.text.startsWith(label + " "));
  if (line?.text !== `${label} ${ROUNDS}`) throw new Error(`${label} run did not finish ${ROUNDS} round trips: ${line?.text ?? "no report"}`);
  return ns / ROUNDS;
}

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
    let best = { async: Infinity, hand: Infinity };
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const a = run(lowered, "async", i + 1);
      const h = run(hand, "outpost", 2 * i + 1); // its odd seconds run the executor pair
      hand.now = (2 * i + 2) * 1e6; // its even seconds run the direct pair: let them pass untimed
      for (let next = hand.pollOnce(); next >= 0 && next <= hand.now; next = hand.pollOnce());
      if (i >= WARMUP) best = { async: Math.min(best.async, a), hand: Math.min(best.hand, h) };
    }
    return [
      { benchmark: "ping-pong-async", impl: "async", ns_per_op: best.async },
      { benchmark: "ping-pong-async", impl: "hand", ns_per_op: best.hand },
    ];
  },
};

export default pingPongAsync;
