/**
 * Task declarations (`task(size, async …)`), lowered and run in the
 * simulator: typed spawn, pool exhaustion, the await-site table and
 * Task.site, and the static RAM the lowering reports per task.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { Simulator } from "../../sim/index.ts";
import { buildTestFirmware } from "../helpers/firmware.ts";
import { fileURLToPath } from "node:url";
import { lines, simulate } from "../helpers/simulate.ts";
import { lowerFiles } from "./support.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

test("spawn passes typed arguments; trySpawn returns null when the pool is full; spawn then panics POOL_FULL naming the task and size", async () => {
  const sim = await simulate("test/firmware/async-pool.ts");
  sim.runFor("1s");
  assert.equal(lines(sim), [
    "0 running 2",
    "0 trySpawn 0",
    "0 start 1",
    "0 start 2",
    "10000 end 1",
    "15000 trySpawn 1", // slot 1 finished at 10 ms and is reused
  ]);
  assert.is(sim.panic?.code, "POOL_FULL");
  assert.match(sim.panic!.message, /^cannot spawn task "worker": its pool \(size 2\) is full/);
  assert.is(sim.panic?.task, "spawner");
});

test("every await has a site id with its file, line and column; a parked task's Task.site is the innermost await", async () => {
  const path = "test/firmware/async-sites.ts";
  const { report } = lowerFiles({ "sites.ts": readFileSync(root + path, "utf8") });
  const sites = report.sites.map((s) => `${s.id} ${s.line}:${s.column} ${s.fn}`);
  assert.equal(sites, ["0 7:3 inner", "1 11:3 task outer", "2 12:3 task outer", "3 16:3 task monitor", "4 18:3 task monitor"]);
  const sim = await simulate(path);
  sim.runFor("10ms");
  // At 1 ms outer waits at line 11 (site 1); at 3 ms it waits inside inner(), line 7 (site 0).
  assert.equal(lines(sim), ["1000 outer parked at 1", "3000 outer parked at 0"]);
});

const ramSource = (pool: number) => `import { Timer, Duration, log, task } from "outpost";
async function helper(k: i32): Promise<i64> {
  let acc: i64 = 0;
  for (let i = 0; i < k; i++) { await Timer.after(Duration.millis(1)); acc += <i64>i; }
  return acc;
}
export const worker = task(${pool}, async (id: i32): Promise<void> => {
  const a = await helper(id);
  await Timer.after(Duration.millis(5));
  log.infoInt("done", a);
});
export function main(): void { worker.spawn(3); }`;

test("each task's static RAM is its frame plus every frame and future it preallocates", () => {
  const { report } = lowerFiles({ "ram.ts": ramSource(3) });
  // worker$Task: Task's 30 B, $state, 2 slots, id, a (i64, aligned) → 56 B; helper$Future: value (i64),
  // $state, slot, k, acc (aligned), i → 36 B; two Timers, 8 B each. Heap: each object + 20 B header, in 16 B steps.
  assert.equal(report.tasks.map((t) => ({ ...t, file: "" })), [{ name: "worker", file: "", pool: 3, bytes: 108, heap: 208 }]);
  assert.is(report.totalBytes, 324);
  assert.is(report.totalHeap, 624);
});

test("the reported heap per task is what each extra pool slot takes after init", async () => {
  const dir = root + "node_modules/.cache/outpost-lower/";
  mkdirSync(dir, { recursive: true });
  const tops: number[] = [];
  for (const pool of [1, 3]) {
    writeFileSync(`${dir}ram${pool}.ts`, ramSource(pool));
    const sim = await Simulator.load(await buildTestFirmware(`${dir}ram${pool}.ts`), { board: "sim" });
    tops.push(sim.heapTop());
  }
  const perTask = lowerFiles({ "ram.ts": ramSource(3) }).report.tasks[0]!.heap;
  assert.is((tops[1]! - tops[0]!) / 2, perTask);
});

test.run();
