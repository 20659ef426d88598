/**
 * One of `npm test`'s worker processes (test/run.ts forks them): runs the
 * test files it is sent, one at a time, in this process, and answers each
 * with what uvu printed and the counts.
 *
 * uvu queues each suite's `.run()` instead of running it when
 * `globalThis.UVU_DEFER` is set before uvu loads (its CLI mode); every
 * queued suite runner resolves to `[errors | true, passed, skipped, total]`,
 * so running the queue here counts tests exactly. A file that does not
 * import, queues no suite (forgot `.run()`), or whose `after` hook throws
 * counts as a failure. Files run one after another in one process, as
 * under the single-process runner they replaced, so they share the build
 * cache in memory as well as on disk.
 */
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { takeSkipped } from "./helpers/skip.ts";

// test/run.ts starts workers with --liftoff-only, as bin/outpost.mjs runs commands: tools/typescript.mjs
// keys its code cache by the flags (V8 refuses one made under others), so workers share the commands' cache.
(globalThis as Record<symbol, unknown>)[Symbol.for("outpost.v8-flags")] = process.execArgv.filter((a) => a === "--liftoff-only");

type SuiteResult = [errors: string | true, passed: number, skipped: number, total: number];
type QueueGroup = [name: string | null, ...runners: (() => Promise<SuiteResult>)[]];
const uvuGlobals = globalThis as unknown as { UVU_DEFER: number; UVU_INDEX: number; UVU_QUEUE: QueueGroup[] };

/** What the worker is sent: a test file's absolute path. */
export interface FileRequest {
  file: string;
}

/** What it sends while a file runs, whenever the file prints (uvu prints a mark as each test ends). */
export interface FileProgress {
  progress: true;
}

/** What it answers. */
export interface FileResult {
  file: string;
  passed: number;
  failed: number;
  /** How many tests uvu skipped. */
  skipped: number;
  /** The skipped tests a file declared through test/helpers/skip.ts, each with the reason. */
  skippedNames: string[];
  /** uvu's report of the file (its name, a dot per test, each failure in full) and anything else it printed. */
  output: string;
  ms: number;
  /** CPU time it took, in this process and in the processes it ran (Linux; elsewhere this process only). */
  cpuMs: number;
}

const testDir = fileURLToPath(new URL("./", import.meta.url));

uvuGlobals.UVU_DEFER = 1;
const uvu = await import("uvu"); // after UVU_DEFER: suites queue instead of running
void uvu;

/** CPU ms of this process, plus of its finished children where /proc tells (clock ticks of 10 ms). */
function cpuMs(): number {
  const own = process.cpuUsage();
  let children = 0;
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").replace(/^.*\) /, "").split(" ");
    children = (Number(fields[13]) + Number(fields[14])) * 10; // cutime, cstime
  } catch {
    // not Linux
  }
  return (own.user + own.system) / 1000 + children;
}

/** Runs `file`'s suites; what they print on stdout is captured for the report. */
async function runFile(file: string): Promise<FileResult> {
  const started = performance.now();
  const cpuStart = cpuMs();
  const name = relative(testDir, file);
  let output = "";
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    output += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString();
    process.send!({ progress: true } satisfies FileProgress); // uvu prints as each test ends: the file has not hung
    return true;
  }) as typeof process.stdout.write;
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  try {
    uvuGlobals.UVU_QUEUE.length = 0;
    uvuGlobals.UVU_INDEX = 0;
    const group: QueueGroup = [name];
    uvuGlobals.UVU_QUEUE.push(group);
    try {
      await import(pathToFileURL(file).href);
    } catch (e) {
      failed++;
      output += `${name} did not load:\n${e instanceof Error ? e.stack : String(e)}\n`;
      return { file, passed, failed, skipped, skippedNames: takeSkipped(), output, ms: performance.now() - started, cpuMs: cpuMs() - cpuStart };
    }
    const runners = group.slice(1) as (() => Promise<SuiteResult>)[];
    output += name + "\n";
    if (runners.length === 0) {
      // Its tests were declared but never queued: they would silently not run.
      failed++;
      output += `${name} ran no suite: call \`test.run()\` (or \`suite.run()\`) at its end\n`;
    }
    for (const run of runners) {
      try {
        const [errors, ok, skips, total] = await run();
        passed += ok;
        failed += total - ok; // a throwing `before` hook fails the whole suite
        skipped += skips;
        if (errors !== true) output += "\n" + errors + "\n";
      } catch (e) {
        // An `after` hook threw (uvu lets that escape): count it and go on with the other suites.
        failed++;
        output += `\n${name}: an after hook threw: ${e instanceof Error ? e.stack : String(e)}\n`;
      }
    }
  } finally {
    process.stdout.write = write;
  }
  return { file, passed, failed, skipped, skippedNames: takeSkipped(), output, ms: performance.now() - started, cpuMs: cpuMs() - cpuStart };
}

process.on("message", (request: FileRequest) => {
  void runFile(request.file).then((result) => process.send!(result));
});
process.send!({ ready: true });
