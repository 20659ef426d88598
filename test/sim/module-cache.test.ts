/**
 * The compiled-module cache (sim/module-cache.ts): loading the same
 * firmware again reuses its compiled form, yet what runs is always the
 * bytes given now (a buffer changed in place runs as changed), each
 * watchdog budget fires at its own count, and a refused module names the
 * file it was loaded as every time.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Simulator } from "../../sim/index.ts";
import { OutpostError } from "../../src/contract/errors.ts";
import { assemble, counter, moduleText } from "../fixtures/wat.ts";

async function logs(bytes: Uint8Array, watchdog?: number): Promise<string[]> {
  const sim = await Simulator.load(bytes, { watchdog });
  return sim.panic ? [`panic ${sim.panic.code}`] : sim.logs.map((l) => l.text);
}

test("a buffer changed in place between loads runs as changed", async () => {
  const bytes = counter(10);
  assert.equal(await logs(bytes), ["counted"]);
  const at = Buffer.from(bytes).indexOf("counted");
  bytes[at + 6] = "s".charCodeAt(0); // "counted" → "countes"
  assert.equal(await logs(bytes), ["countes"]);
  assert.equal(await logs(bytes.slice()), ["countes"]);
});

test("the same firmware under two budgets stops at each budget's own count", async () => {
  const bytes = counter(1500);
  assert.equal(await logs(bytes, 2000), ["counted"]);
  assert.equal(await logs(bytes, 1000), ["panic WATCHDOG"]);
  assert.equal(await logs(bytes, 2000), ["counted"]);
  assert.equal(await logs(bytes, 0), ["counted"]);
});

test("a refused module names the file it was loaded as, every time", async () => {
  const bytes = assemble(moduleText(`(func (export "outpost_init"))`, { omit: ["outpost_poll"] }));
  for (const name of ["a.wasm", "b.wasm"]) {
    try {
      await Simulator.load(bytes, { name });
      assert.unreachable("loaded");
    } catch (e) {
      assert.instance(e, OutpostError);
      assert.match((e as Error).message, new RegExp(`^${name.replace(".", "\\.")} is not an Outpost firmware: it lacks the ABI v1 export outpost_poll`));
    }
  }
});

test.run();
