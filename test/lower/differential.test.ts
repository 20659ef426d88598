/**
 * Differential test of the async lowering: each program runs twice — as
 * plain TypeScript with native async/await in Node over test/lower/shim.ts,
 * and lowered to Wasm in the simulator — and both must log the same events
 * at the same virtual times.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { lines, simulate } from "../helpers/simulate.ts";
import * as shim from "./shim.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const shimPath = fileURLToPath(new URL("./shim.ts", import.meta.url));
const tmp = join(root, "node_modules/.cache/outpost-diff");

/** Runs a firmware source as native TypeScript over the shim for `us` of virtual time. */
async function native(path: string, us: number): Promise<string[]> {
  const source = readFileSync(join(root, path), "utf8").replace(/from "outpost"/g, `from ${JSON.stringify(shimPath)}`);
  mkdirSync(tmp, { recursive: true });
  const file = join(tmp, path.replace(/[\\/]/g, "_"));
  writeFileSync(file, source);
  shim.reset();
  const program = (await import(pathToFileURL(file).href)) as { main(): void };
  program.main();
  await shim.runUntil(us);
  return shim.traceLines();
}

async function lowered(path: string, us: number): Promise<string[]> {
  const sim = await simulate(path);
  sim.runFor(us);
  assert.is(sim.panic, null);
  return lines(sim);
}

for (const [name, us] of [["loops", 200_000], ["select", 200_000], ["tasks", 100_000]] as const) {
  test(`${name}: native async/await and the lowered firmware log the same events at the same times`, async () => {
    const path = `test/firmware/async-diff-${name}.ts`;
    const expected = await native(path, us);
    assert.ok(expected.length > 10, "the program should log something");
    assert.equal(await lowered(path, us), expected);
  });
}

test.run();
