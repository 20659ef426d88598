/**
 * Yield: a task gives every other ready task a turn and continues,
 * 1,000,000 times per run; one operation is one yield.
 *
 *   outpost       bench/firmware/yield.ts under a bare ABI host
 *                 (test/helpers/bare_host.ts): `await y.now()` in a lowered
 *                 async task; the task goes to the back of the run queue
 *                 and the host calls outpost_poll again every 1024 polls
 *   await         Node: `await` on an already resolved promise, the
 *                 cheapest way an async function lets other microtasks run
 *   setImmediate  Node: `await new Promise(r => setImmediate(r))`, a yield
 *                 that also lets timers and I/O run
 *   devicescript  `await delay(0)` in DeviceScript's VM, when installed
 *                 (bench/peers/devicescript.ts)
 */
import { BareHost } from "../test/helpers/bare_host.ts";
import { buildTestFirmware } from "../test/helpers/firmware.ts";
import { type Benchmark, type Result, type RunOptions, bareRun, bestOf, nsPerOpAsync, rounds } from "./lib.ts";
import { deviceScriptResults } from "./peers/devicescript.ts";

const YIELDS = 1_000_000; // YIELDS in bench/firmware/yield.ts

async function awaitResolved(n: number): Promise<number> {
  const resolved = Promise.resolve();
  let i = 0;
  for (; i < n; i++) await resolved;
  return i;
}

async function setImmediateYield(n: number): Promise<number> {
  let i = 0;
  for (; i < n; i++) await new Promise<void>((r) => setImmediate(r));
  return i;
}

const yieldBench: Benchmark = {
  name: "yield",
  op: "yield",
  peer: "await",
  targets: [{ impl: "outpost", peer: "await", factor: 1, text: "outpost no slower than await" }],
  async run(options: RunOptions): Promise<Result[]> {
    const { warmup, runs } = rounds(options, 3, 10);
    const host = BareHost.load(await buildTestFirmware("bench/firmware/yield.ts"));
    host.runUntilTime(0);
    let second = 0;
    // One run per virtual second.
    const outpost = await bestOf(warmup, runs, () => bareRun(host, ++second * 1e6, `yielded ${YIELDS}`, YIELDS));
    const n = options.quick ? 1000 : YIELDS;
    const awaitNs = await bestOf(warmup, runs, () => nsPerOpAsync(n, "await loop", () => awaitResolved(n)));
    const m = options.quick ? 100 : YIELDS / 10;
    const immediate = rounds(options, 1, 3);
    const immediateNs = await bestOf(immediate.warmup, immediate.runs, () => nsPerOpAsync(m, "setImmediate loop", () => setImmediateYield(m)));
    const results: Result[] = [
      { benchmark: "yield", impl: "outpost", ns_per_op: outpost },
      { benchmark: "yield", impl: "await", ns_per_op: awaitNs },
      { benchmark: "yield", impl: "setImmediate", ns_per_op: immediateNs },
    ];
    const ds = await deviceScriptResults(options);
    if (ds.yieldNs !== null) results.push({ benchmark: "yield", impl: "devicescript", ns_per_op: ds.yieldNs });
    return results;
  },
};

export default yieldBench;
