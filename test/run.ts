/**
 * `npm test`'s runner: imports every test/**\/*.test.ts in sorted order into
 * one uvu run, then prints `N passed, N failed` as its last line.
 *
 * uvu queues each suite's `.run()` instead of running it when
 * `globalThis.UVU_DEFER` is set before uvu loads (its CLI mode); each file
 * gets its own queue group (`UVU_INDEX`). Every queued suite runner resolves
 * to `[errors | true, passed, skipped, total]`, so wrapping them counts
 * tests exactly. The exit code is non-zero when any test fails, a suite's
 * hooks throw, or a file does not import. A single file still runs alone:
 * `node --import ./tools/register.mjs test/sim/gpio.test.ts`.
 */
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

type SuiteResult = [errors: string | true, passed: number, skipped: number, total: number];
type QueueGroup = [name: string | null, ...runners: (() => Promise<SuiteResult>)[]];
const uvuGlobals = globalThis as unknown as { UVU_DEFER: number; UVU_INDEX: number; UVU_QUEUE: QueueGroup[] };

const testDir = fileURLToPath(new URL("./", import.meta.url));

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? testFiles(join(dir, e.name)) : e.name.endsWith(".test.ts") ? [join(dir, e.name)] : []))
    .sort();
}

uvuGlobals.UVU_DEFER = 1;
const uvu = await import("uvu");

let passed = 0;
let failed = 0;
const files = testFiles(testDir);
for (const [index, file] of files.entries()) {
  uvuGlobals.UVU_INDEX = index;
  uvuGlobals.UVU_QUEUE.push([relative(testDir, file)]);
  try {
    await import(pathToFileURL(file).href);
  } catch (e) {
    failed++;
    process.stderr.write(`\n${relative(testDir, file)} did not load:\n${e instanceof Error ? e.stack : String(e)}\n`);
  }
}

for (const group of uvuGlobals.UVU_QUEUE) {
  for (let i = 1; i < group.length; i++) {
    const run = group[i] as () => Promise<SuiteResult>;
    group[i] = async () => {
      const result = await run();
      const [, ok, , total] = result;
      passed += ok;
      failed += total - ok; // a throwing `before` hook fails the whole suite
      return result;
    };
  }
}

await uvu.exec();
process.stdout.write(`${passed} passed, ${failed} failed\n`);
if (failed > 0 || files.length === 0) process.exitCode = 1;
