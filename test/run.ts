/**
 * `npm test`'s runner: imports every test/**\/*.test.ts in sorted order into
 * one uvu run, then prints `N passed, N failed` as its last line.
 *
 * uvu queues each suite's `.run()` instead of running it when
 * `globalThis.UVU_DEFER` is set before uvu loads (its CLI mode); each file
 * gets its own queue group (`UVU_INDEX`). Every queued suite runner resolves
 * to `[errors | true, passed, skipped, total]`, so wrapping them counts
 * tests exactly. The exit code is non-zero when any test fails, a suite's
 * hooks throw, a file does not import, or a file queues no suite (forgot
 * `.run()`). A single file still runs alone:
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
  const group: QueueGroup = [relative(testDir, file)];
  uvuGlobals.UVU_QUEUE.push(group);
  try {
    await import(pathToFileURL(file).href);
  } catch (e) {
    failed++;
    process.stderr.write(`\n${group[0]} did not load:\n${e instanceof Error ? e.stack : String(e)}\n`);
    continue;
  }
  if (group.length === 1) {
    // Its tests were declared but never queued: they would silently not run.
    failed++;
    process.stderr.write(`\n${group[0]} ran no suite: call \`test.run()\` (or \`suite.run()\`) at its end\n`);
  }
}

for (const group of uvuGlobals.UVU_QUEUE) {
  const file = group[0]; // uvu shifts it off when it runs the group
  for (let i = 1; i < group.length; i++) {
    const run = group[i] as () => Promise<SuiteResult>;
    group[i] = async (): Promise<SuiteResult> => {
      try {
        const result = await run();
        const [, ok, , total] = result;
        passed += ok;
        failed += total - ok; // a throwing `before` hook fails the whole suite
        return result;
      } catch (e) {
        // An `after` hook threw (uvu lets that escape): count it and go on with the other suites.
        failed++;
        return [`${file}: an after hook threw: ${e instanceof Error ? e.stack : String(e)}`, 0, 0, 0];
      }
    };
  }
}

await uvu.exec();
process.stdout.write(`${passed} passed, ${failed} failed\n`);
if (failed > 0 || files.length === 0) process.exitCode = 1;
