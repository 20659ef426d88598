/**
 * The async-parity differential suite: every program in programs.ts runs
 * twice — as native TypeScript with real async/await over the shim
 * (native.ts), and lowered to Wasm in the simulator — and both must log the
 * same lines at the same virtual times.
 *
 * Cheap by design: every passing program goes into one firmware (a
 * generated entry whose `main()` calls each program's `main()`), built once
 * through the test build cache and run once; each program's lines are told
 * apart by its name, which starts every line it logs. Programs never share
 * state, and the executor keeps each program's tasks in their own relative
 * order, so a program's lines are the same alone or beside the others.
 * A program waiting for a lowering feature is a skipped test whose name says
 * which.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Simulator } from "../../sim/index.ts";
import { lines, simulate } from "../helpers/simulate.ts";
import { runNative } from "./native.ts";
import { programs, type Program } from "./programs.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const dir = "test/firmware/parity/";
const DEFAULT_US = 1_000_000;

const ready = programs.filter((p) => !p.waitsFor);
let combined: Promise<Simulator> | null = null;

/** The firmware of every program that does not wait for anything, run once for the longest program's time. */
function lowered(): Promise<Simulator> {
  combined ??= (async () => {
    const cache = join(root, "node_modules/.cache/outpost-parity");
    mkdirSync(cache, { recursive: true });
    const entry = join(cache, "all-programs.ts");
    const imports = ready.map((p, i) => `import { main as main${i} } from "../../../${dir}${p.name}";`);
    const calls = ready.map((_, i) => `  main${i}();`);
    writeFileSync(entry, [...imports, "export function main(): void {", ...calls, "}", ""].join("\n"));
    // Every program logs into one firmware: keep all its lines (the simulator drops lines past 1,000 a second by default).
    const sim = await simulate(entry, "sim", { logRate: 0 });
    sim.runFor(Math.max(...ready.map((p) => p.us ?? DEFAULT_US)));
    return sim;
  })();
  return combined;
}

/** What the program checks: the first sentence of its opening comment, without its full stop. */
function purpose(p: Program): string {
  const source = readFileSync(join(root, dir, p.name + ".ts"), "utf8");
  const comment = source.match(/^(?:\/\/.*\n)+/)?.[0] ?? "";
  const text = comment.replace(/^\/\/ ?/gm, "").replace(/\s+/g, " ").replace(/^Parity program \(test\/parity\/\): /, "");
  return (text.match(/^(.*?)\.(?=\s|$)/)?.[1] ?? text).trim();
}

/** The program's trace natively (calls start when called, unless it is marked lazy). */
async function native(p: Program): Promise<string[]> {
  const trace = await runNative(dir + p.name + ".ts", { us: p.us ?? DEFAULT_US, lazy: p.lazy !== undefined });
  assert.ok(trace.length > 0, `${p.name} should log something`);
  const foreign = trace.find((l) => l.split(" ")[1] !== p.name);
  assert.is(foreign, undefined, `every line ${p.name} logs starts with its name`);
  return trace;
}

/**
 * A program not marked lazy whose lowered trace differs from its native one: first, whether its native trace
 * depends on when calls start (then the program is at fault: it must await calls at once, or be marked lazy).
 */
async function checkNotLazy(p: Program, eager: string[]): Promise<void> {
  if (p.lazy !== undefined) return;
  const lazily = await runNative(dir + p.name + ".ts", { us: p.us ?? DEFAULT_US, lazy: true });
  assert.equal(lazily, eager, `${p.name}'s trace depends on whether calls start when called or when awaited: await them at once, or mark it lazy`);
}

for (const p of programs) {
  const title = `${p.name}: ${purpose(p)}`;
  if (p.waitsFor) {
    test.skip(`${title}: waits for ${p.waitsFor}`, () => {});
    continue;
  }
  test(title, async () => {
    const us = p.us ?? DEFAULT_US;
    const expected = await native(p);
    const sim = await lowered();
    assert.is(sim.panic, null, `the firmware of every program panicked: ${JSON.stringify(sim.panic)}`);
    const actual = lines(sim, p.name + " ").filter((l) => Number(l.split(" ")[0]) <= us);
    if (JSON.stringify(actual) !== JSON.stringify(expected)) await checkNotLazy(p, expected);
    assert.equal(actual, expected);
  });
}

test("every program in test/firmware/parity/ is in the suite, and each waiting one already runs natively", async () => {
  const files = readdirSync(join(root, dir)).map((f) => f.replace(/\.ts$/, ""));
  assert.equal(files.sort(), programs.map((p) => p.name).sort());
  for (const p of programs.filter((q) => q.waitsFor)) await checkNotLazy(p, await native(p));
});

test.run();
