/**
 * What the simulator's watchdog costs (src/contract/fuel.ts): the same
 * firmware in the simulator with the watchdog on (the default: the fuel
 * counted down at every jump back to a loop, passed from call to call,
 * each export a wrapper that starts it at the budget) and off (the peer: the module as built). Goal: within a
 * few percent. Times are CPU time (bench/lib.ts cpuNs): a difference of a
 * few percent drowns in wall time when other processes share the cores.
 *
 * The operation is one round trip of bench/firmware/pingpong.ts run by the
 * executor ("outpost" seconds: run queue, wakers, the poll loop, the
 * loops an async firmware spends its time in; 4 jumps back to a loop per
 * round trip), 1,000,000 a run, 40 runs of each taken in turn: ns per op
 * is each one's median run (`best_ns` its fastest), `ratio_median`,
 * `ratio_p25` and `ratio_p75` the quartiles of the on/off ratios of runs
 * taken side by side, which cancel most of what else the machine did
 * meanwhile. `blinky_ms`
 * adds a poll-bound case, a virtual day of examples/blinky (172,800 calls,
 * each given the whole budget), and `blinky_ratio` its on/off ratio.
 */
import { Simulator } from "../sim/index.ts";
import { buildTestFirmware } from "../test/helpers/firmware.ts";
import { DEFAULT_WATCHDOG } from "../src/contract/fuel.ts";
import { type Benchmark, type Result, type RunOptions, check, cpuNs, interleavedRuns, quantile, rounds } from "./lib.ts";
import { ROUNDS } from "./pingpong.bench.ts";

/** A simulator running the ping-pong firmware, and a way to time its next executor run. */
async function pingPong(wasm: Uint8Array, watchdog: number): Promise<() => number> {
  const sim = await Simulator.load(wasm, { watchdog });
  return () => {
    // Odd seconds run the executor ("outpost"), even ones the plain loop: skip to the next odd one.
    let second = Math.floor(sim.now / 1e6) + 1;
    if (second % 2 === 0) sim.runFor(second * 1e6 - sim.now), second++;
    const before = sim.logs.length;
    const ns = cpuNs(() => sim.runFor(second * 1e6 - sim.now));
    const line = sim.logs.at(-1)?.text;
    check(sim.panic === null && sim.logs.length > before && line === `outpost ${ROUNDS}`, `ping-pong run: ${sim.panic?.message ?? line}`);
    return ns / ROUNDS;
  };
}

async function blinkyDay(wasm: Uint8Array, watchdog: number, seconds: number): Promise<number> {
  const sim = await Simulator.load(wasm, { watchdog });
  const ns = cpuNs(() => sim.runFor(seconds * 1e6));
  check(sim.panic === null && sim.pin("LED1").changeCount === 2 * seconds + 1, `blinky toggled ${sim.pin("LED1").changeCount} times`);
  return ns;
}

const watchdog: Benchmark = {
  name: "watchdog",
  op: "round trip",
  peer: "off",
  targets: [{ impl: "on", peer: "off", factor: 1.05, text: "the watchdog costs the executor's hot path under 5%" }],
  async run(options: RunOptions): Promise<Result[]> {
    const { warmup, runs } = rounds(options, 3, 40);
    const pingWasm = await buildTestFirmware("bench/firmware/pingpong.ts");
    const blinky = await buildTestFirmware("examples/blinky/main.ts");
    const ping = interleavedRuns(warmup, runs, { on: await pingPong(pingWasm, DEFAULT_WATCHDOG), off: await pingPong(pingWasm, 0) });
    const ratios = ping.on.map((on, i) => on / ping.off[i]!);
    const seconds = options.quick ? 600 : 86_400;
    let blinkyOn = Infinity;
    let blinkyOff = Infinity;
    for (let i = 0; i < (options.quick ? 1 : 4); i++) {
      // Turn about: the first of a pair ran faster (0.79× on/off when "on" always went first).
      const on = async (): Promise<number> => (blinkyOn = Math.min(blinkyOn, await blinkyDay(blinky, DEFAULT_WATCHDOG, seconds)));
      const off = async (): Promise<number> => (blinkyOff = Math.min(blinkyOff, await blinkyDay(blinky, 0, seconds)));
      if (i % 2 === 0) (await on(), await off());
      else (await off(), await on());
    }
    return [
      {
        benchmark: "watchdog", impl: "on", ns_per_op: quantile(ping.on, 0.5), best_ns: Math.min(...ping.on),
        ratio_median: quantile(ratios, 0.5), ratio_p25: quantile(ratios, 0.25), ratio_p75: quantile(ratios, 0.75),
        blinky_ms: blinkyOn / 1e6, blinky_ratio: blinkyOn / blinkyOff,
      },
      { benchmark: "watchdog", impl: "off", ns_per_op: quantile(ping.off, 0.5), best_ns: Math.min(...ping.off), blinky_ms: blinkyOff / 1e6 },
    ];
  },
};

export default watchdog;
