/**
 * Timer storm: 10,000 tasks, each sleeping until a random instant (seeded)
 * once per virtual second; one operation is one timer: armed, fired at its
 * exact instant, and its task resumed.
 *
 *   outpost      bench/firmware/timer_storm.ts under a bare ABI host
 *                (test/helpers/bare_host.ts): the executor's timer heap,
 *                polls, and one outpost_poll per distinct deadline
 *   outpost-sim  the same firmware in Outpost's simulator (sim/): adds the
 *                simulator's loop (its task monitor reads tasks only when
 *                asked)
 *   outpost-sim-watched  the same with `watchTasks` (as `outpost sim` runs):
 *                the monitor reads every task after every poll, a cost
 *                that grows with the number of tasks
 *   promises     10,000 async functions in Node awaiting a virtual
 *                `sleepUntil(deadline)` served from a binary heap
 *                (bench/peers/virtual_clock.ts), no setTimeout
 *
 * Every run checks that all 10,000 timers fired, none late.
 */
import { Simulator } from "../sim/index.ts";
import { BareHost } from "../test/helpers/bare_host.ts";
import { buildTestFirmware } from "../test/helpers/firmware.ts";
import { type Benchmark, type Result, type RunOptions, bareRun, bestOf, check, rounds, timeNs, timeNsAsync, xorshift32 } from "./lib.ts";
import { VirtualClock } from "./peers/virtual_clock.ts";

const TASKS = 10_000; // TASKS in bench/firmware/timer_storm.ts
const SEED = 2463534242; // its seed
const SECOND = 1_000_000;

/** The Node peer: TASKS sleepers for `windows` windows; returns the best ns per timer over the timed ones. */
async function promisesStorm(windows: number, warmup: number): Promise<number> {
  const clock = new VirtualClock();
  const random = xorshift32(SEED);
  let fired = 0;
  let late = 0;
  const reports: number[] = [];
  const sleeper = async (): Promise<void> => {
    for (let k = 1; k <= windows; k++) {
      const at = k * SECOND + (random() % SECOND);
      await clock.sleepUntil(at);
      if (clock.now !== at) late++;
      if (++fired === TASKS) {
        reports.push(late);
        fired = 0;
      }
    }
  };
  for (let i = 0; i < TASKS; i++) void sleeper();
  let best = Infinity;
  for (let k = 1; k <= windows; k++) {
    const ns = await timeNsAsync(() => clock.run(k * SECOND + SECOND - 1));
    check(reports.length === k && reports[k - 1] === 0, `promises window ${k}: ${JSON.stringify(reports)}`);
    if (k > warmup) best = Math.min(best, ns / TASKS);
  }
  return best;
}

const timerStorm: Benchmark = {
  name: "timer-storm",
  op: "timer",
  peer: "promises",
  targets: [{ impl: "outpost", peer: "promises", factor: 1, text: "outpost no slower than promises" }],
  async run(options: RunOptions): Promise<Result[]> {
    const { warmup, runs } = rounds(options, 3, 10);
    const wasm = await buildTestFirmware("bench/firmware/timer_storm.ts");
    const host = BareHost.load(wasm);
    host.runUntilTime(0); // every task arms its first timer
    let window = 0;
    // Window k is [k s, k+1 s): every timer fires once in it.
    const outpost = await bestOf(warmup, runs, () => bareRun(host, ++window * SECOND + SECOND - 1, "late 0", TASKS));
    const promises = await promisesStorm(warmup + runs, warmup);
    const results: Result[] = [
      { benchmark: "timer-storm", impl: "outpost", ns_per_op: outpost, timers: TASKS },
      { benchmark: "timer-storm", impl: "promises", ns_per_op: promises, timers: TASKS },
    ];
    if (!options.quick) {
      // A few windows in the simulator; one watched window shows what reading every task costs.
      const sim = await Simulator.load(wasm, { board: "sim" });
      sim.runFor(SECOND - 1);
      let ns = Infinity;
      for (let k = 0; k < 3; k++) ns = Math.min(ns, timeNs(() => sim.runFor(SECOND)));
      check(sim.panic === null && sim.logs.at(-1)?.text === "late 0", `simulator window: ${sim.panic?.message ?? sim.logs.at(-1)?.text}`);
      results.push({ benchmark: "timer-storm", impl: "outpost-sim", ns_per_op: ns / TASKS, timers: TASKS });
      const watched = await Simulator.load(wasm, { board: "sim", watchTasks: true });
      watched.runFor(SECOND - 1);
      const watchedNs = timeNs(() => watched.runFor(SECOND));
      check(watched.panic === null && watched.logs.at(-1)?.text === "late 0", `watched window: ${watched.panic?.message ?? watched.logs.at(-1)?.text}`);
      results.push({ benchmark: "timer-storm", impl: "outpost-sim-watched", ns_per_op: watchedNs / TASKS, timers: TASKS, note: "every task read after every poll" });
    }
    return results;
  },
};

export default timerStorm;
