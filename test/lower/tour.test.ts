/**
 * docs/async.md opens with a tour of async code: the page quotes
 * test/firmware/async-tour.ts, and the tour prints what the page's comments
 * say it does, at the virtual times its timers give.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildTest } from "../helpers/firmware.ts";
import { Simulator } from "../../sim/index.ts";

const read = (path: string): string => readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), "utf8");

test("docs/async.md quotes the tour firmware as it is", () => {
  const page = read("docs/async.md");
  const quoted = /```ts\n([\s\S]*?)```/.exec(page)![1]!;
  assert.ok(read("test/firmware/async-tour.ts").includes(quoted), "docs/async.md's first example differs from test/firmware/async-tour.ts");
});

test("the tour runs as native async/await would: closures, join, generators, async generators, && and ?: with await, finally", async () => {
  const { wasm, text } = await buildTest("test/firmware/async-tour.ts", "sim");
  const sim = await Simulator.load(wasm, { board: "sim", text });
  sim.runFor("1s");
  assert.is(sim.panic, null);
  assert.equal(sim.logs.map((l) => `${l.at} ${l.text}`), [
    "3000 sum 303", // three closure calls of 1 ms: 100 + 101 + 102
    "5000 joined 10 20", // sample(1) and sample(2) side by side: 2 ms, not 4
    "5000 even 0",
    "5000 even 2",
    "5000 even 4",
    "15000 tick 0",
    "25000 tick 1",
    "35000 tick 2",
    "41000 v 50", // sample(3) = 30 > 20, sample(4) > 0, then sample(5): three 2 ms awaits
    "41000 done",
  ]);
});

test.run();
