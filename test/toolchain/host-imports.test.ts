/**
 * Standard-library calls no Outpost host can serve (asc imports them from
 * `env`) fail the build at the call, saying what to use (the lowering:
 * lower/sync-syntax.ts), and one reached otherwise fails it by its import
 * (src/toolchain/host-imports.ts), instead of building a module every host
 * refuses to load.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { compileFirmware } from "../../src/toolchain/compile.ts";
import { loadBoard } from "../../src/contract/boards.ts";

const dir = mkdtempSync(join(tmpdir(), "outpost-host-api-"));

async function buildError(name: string, lines: string[]): Promise<string> {
  const entry = join(dir, name);
  writeFileSync(entry, lines.join("\n") + "\n");
  const error = await compileFirmware({ entry, board: loadBoard("sim") }).then(() => null, (e: Error) => e.message);
  assert.ok(error, "the build fails");
  return error!.split(relative(process.cwd(), dir) + "/").join("");
}

test("Math.random() in a helper is refused at the call, with what to use instead", async () => {
  const error = await buildError("dice.ts", [
    `import { log } from "outpost";`,
    `function roll(): i32 {`,
    `  return i32(Math.random() * 6) + 1;`,
    `}`,
    `export function main(): void { log.infoInt("roll", roll()); }`,
  ]);
  assert.is(error, "dice.ts does not compile:\ndice.ts:3:14: error ASYNC_SYNTAX: `Math.random()` asks the host for a seed, which Outpost hosts do not give: " +
    "use a small generator of your own (xorshift32) seeded at init from something that varies (`Instant.now()` at a button press, an unconnected pin)");
});

test("console.log is refused at the call, pointing at log", async () => {
  const error = await buildError("hello.ts", [`export function main(): void {`, `  console.log("hello");`, `}`]);
  assert.is(error, "hello.ts does not compile:\nhello.ts:2:3: error ASYNC_SYNTAX: `console` is not part of Outpost's host interface: use `log.info(…)` (or log.warn, log.error, log.debug)");
});

test("a host import the lowering cannot see at a call is still refused, naming the import", async () => {
  const error = await buildError("clock.ts", [`import { log } from "outpost";`, `export function main(): void {`, `  const now = Date.now;`, `  log.info(\`\${now()}\`);`, `}`]);
  assert.is(error, "clock.ts does not compile:\nerror HOST_API: `Date.now()` reads a wall clock, which Outpost boards do not have (asc imports env.Date.now for it): use `Instant.now()` (µs since start, from the board's timer; virtual time in the simulator)");
});

test.run();
