/**
 * Ping-pong: two tasks hand a counter back and forth through Signals,
 * 1,000,000 round trips per run, entirely inside the executor: the host only
 * calls `outpost_poll` when the poll budget (1024 task polls) is spent.
 *
 *   outpost   bench/firmware/pingpong.ts under a bare ABI host
 *             (test/helpers/bare_host.ts): run queue, wakers, budget
 *   direct    the same two poll functions called alternately by a plain
 *             loop in the same firmware: no run queue, no wakers
 *   promises  the same ping-pong in plain Node: each side awaits a promise
 *             the other side resolves (no timers, no setImmediate)
 *   devicescript  two fibers resuming each other in DeviceScript's VM, when
 *             @devicescript/cli is installed (bench/peers/devicescript.ts)
 */
import { BareHost } from "../test/helpers/bare_host.ts";
import { buildTestFirmware } from "../test/helpers/firmware.ts";
import { type Benchmark, type Result, type RunOptions, bareRun, bestInterleaved, bestOf, nsPerOpAsync, rounds } from "./lib.ts";
import { deviceScriptResults } from "./peers/devicescript.ts";

export const ROUNDS = 1_000_000; // ROUNDS in bench/firmware/pingpong.ts and pingpong_async.ts

/** Runs the firmware's next timed run (one virtual second); returns ns per round trip. */
export function nextRun(host: BareHost, mode: "outpost" | "direct", clock?: (f: () => void) => number): number {
  const second = Math.floor(host.now / 1e6) + 1;
  const expected = second % 2 === 1 ? "outpost" : "direct";
  if (expected !== mode) throw new Error(`bench firmware out of step: second ${second} runs ${expected}, not ${mode}`);
  return bareRun(host, second * 1e6, `${mode} ${ROUNDS}`, ROUNDS, clock);
}

async function promisesPingPong(rounds: number): Promise<number> {
  let resolvePing: (v: number) => void = () => {};
  let resolvePong: (v: number) => void = () => {};
  const ponger = async (): Promise<void> => {
    for (let i = 0; i < rounds; i++) {
      const v = await new Promise<number>((r) => (resolvePing = r));
      resolvePong(v);
    }
  };
  const pinger = async (): Promise<number> => {
    let n = 0;
    for (let i = 0; i < rounds; i++) {
      const pong = new Promise<number>((r) => (resolvePong = r));
      resolvePing(n);
      n = (await pong) + 1;
    }
    return n;
  };
  const pongs = ponger(); // runs to its first await: resolvePing is set
  const n = await pinger();
  await pongs;
  return n;
}

const pingPong: Benchmark = {
  name: "ping-pong",
  op: "round trip",
  peer: "promises",
  targets: [
    { impl: "outpost", peer: "promises", factor: 1 / 20, text: "outpost ≥ 20× faster than promises" },
    { impl: "outpost", peer: "direct", factor: 1.5, text: "outpost ≤ 1.5× direct" },
  ],
  async run(options: RunOptions): Promise<Result[]> {
    const { warmup: WARMUP, runs: RUNS } = rounds(options, 3, 15);
    const wasm = await buildTestFirmware("bench/firmware/pingpong.ts");
    const host = BareHost.load(wasm);
    host.runUntilTime(0); // first polls: every task parks

    // Interleave the two Wasm modes so that both see the same machine state.
    const { outpost, direct } = bestInterleaved(WARMUP, RUNS, {
      outpost: () => nextRun(host, "outpost"),
      direct: () => nextRun(host, "direct"),
    });
    const promiseRounds = options.quick ? 1000 : ROUNDS;
    const promises = await bestOf(WARMUP, RUNS, () => nsPerOpAsync(promiseRounds, "promises ping-pong", () => promisesPingPong(promiseRounds)));
    const results: Result[] = [
      { benchmark: "ping-pong", impl: "outpost", ns_per_op: outpost },
      { benchmark: "ping-pong", impl: "direct", ns_per_op: direct },
      { benchmark: "ping-pong", impl: "promises", ns_per_op: promises },
    ];
    const ds = await deviceScriptResults(options);
    if (ds.pingPongNs !== null) results.push({ benchmark: "ping-pong", impl: "devicescript", ns_per_op: ds.pingPongNs });
    return results;
  },
};

export default pingPong;
