/**
 * The fuzz worker pool (src/toolchain/cli/fuzz-pool.ts): seeds go out in
 * batches, several in flight per worker, yet the answer is the one a plain
 * loop over the seeds gives: the lowest failing seed, with every seed below
 * it run and passing, whatever the number of jobs.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { runPool } from "../../src/toolchain/cli/fuzz-pool.ts";
import { type FuzzOptions, fuzzSeed } from "../../sim/index.ts";
import { assemble, moduleText } from "../fixtures/wat.ts";

// lossy-echo.wat losing byte 0xA7 instead of "A": a byte the stimuli send rarely, so the first failing seed is not the first seed.
const lossy = readFileSync(new URL("../fixtures/lossy-echo.wat", import.meta.url), "utf8").replace("(i32.const 65)", "(i32.const 0xa7)");
const firmware = assemble(moduleText(lossy));
const options: FuzzOptions = { board: "sim", duration: "300ms", echo: ["UART0"] };

test("batches over 1 and 3 workers find the lowest failing seed a loop over the seeds finds, after every seed below it", async () => {
  let lowest = 1;
  let expected = await fuzzSeed(firmware, options, lowest);
  while (!expected.failure) expected = await fuzzSeed(firmware, options, ++lowest);
  assert.ok(lowest > 16, `seed ${lowest} fails: the lowest failing seed should lie beyond the first batches`);
  for (const jobs of [1, 3]) {
    const passed = new Set<number>();
    const r = await runPool({
      firmware, options, first: 1, count: 150, jobs, twice: false,
      onResult: (result) => void (result.failure === null && passed.add(result.seed)),
    });
    assert.equal(r.failed, expected, `${jobs} jobs`);
    for (let seed = 1; seed < lowest; seed++) assert.ok(passed.has(seed), `${jobs} jobs: seed ${seed} was not run`);
    assert.ok(r.done < 150, `${jobs} jobs ran all ${r.done} seeds: the pool should stop handing out seeds above a failure`);
  }
});

test.run();
