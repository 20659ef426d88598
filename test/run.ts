/**
 * `npm test`'s runner: type-checks the host code and the browser page's
 * (as tsc does, typecheck.ts: TSC_PROJECTS) and runs every
 * test/**\/*.test.ts, spread over one worker process per core
 * (test/run-worker.ts), then prints `N passed, N failed` as its last line.
 *
 *   node --import ./tools/register.mjs test/run.ts             everything
 *   node --import ./tools/register.mjs test/run.ts cli lower   files whose path contains "cli" or "lower" (no tsc)
 *   node --import ./tools/register.mjs test/sim/gpio.test.ts   one file alone, without this runner
 *
 * Files are handed out longest first, by how long each took last time
 * (kept in the build cache's folder; before there is a last time, as in a
 * fresh clone, by test/times.json: each file's time in a cold run),
 * so the slow ones do not finish last on one core; each file's report is
 * printed whole when it ends. Firmware
 * builds are shared between workers through the build cache
 * (src/toolchain/cache/): a build one worker is making, another waits for.
 *
 * The exit code is non-zero when a test fails, a file does not load or
 * queues no suite, a worker dies or no test of a file ends for FILE_TIMEOUT,
 * or tsc reports an error. Tests skipped because a tool is missing are
 * listed by name before the last line. OUTPOST_TEST_JOBS sets the number of
 * workers (default: the cores).
 */
import { type ChildProcess, fork, spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { cacheDir } from "../src/toolchain/cache/store.ts";
import type { FileProgress, FileResult } from "./run-worker.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const testDir = join(root, "test");
/**
 * A file that prints nothing for this long (uvu prints a mark as each test ends) has hung: its worker is
 * stopped and the file fails. Counted from the last mark, so a long file on a loaded machine is not cut off.
 */
const FILE_TIMEOUT_MS = 10 * 60_000;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? testFiles(join(dir, e.name)) : e.name.endsWith(".test.ts") ? [join(dir, e.name)] : []))
    .sort();
}

const filters = process.argv.slice(2);
const files = testFiles(testDir).filter((f) => filters.length === 0 || filters.some((p) => relative(root, f).includes(p)));
const timesFile = join(cacheDir() ?? join(root, "node_modules/.cache/outpost"), "test-times.json");
const lastTimes = { ...readTimes(join(testDir, "times.json")), ...readTimes(timesFile) };
// Longest first; a file never timed counts as long (it may build firmware).
const queue = [...files].sort((a, b) => (lastTimes[relative(root, b)] ?? 60_000) - (lastTimes[relative(root, a)] ?? 60_000));
const jobs = Math.max(1, Number(process.env.OUTPOST_TEST_JOBS) || availableParallelism());

let passed = 0;
let cpuTotal = 0;
let failed = 0;
const skippedNames: string[] = [];
const times: Record<string, number> = { ...lastTimes };
const started = performance.now();

function readTimes(file: string): Record<string, number> {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Record<string, number>;
  } catch {
    return {};
  }
}

function report(result: FileResult): void {
  passed += result.passed;
  failed += result.failed;
  skippedNames.push(...result.skippedNames.map((n) => `${relative(testDir, result.file)}: ${n}`));
  times[relative(root, result.file)] = Math.round(result.ms);
  cpuTotal += result.cpuMs;
  process.stdout.write(`${result.output.trimEnd()}   ${(result.ms / 1000).toFixed(1)} s (CPU ${(result.cpuMs / 1000).toFixed(1)} s)\n\n`);
}

/** The type-checks npm test runs: the host code, and the browser page's code. */
const TSC_PROJECTS = ["tsconfig.json", "web/tsconfig.json"];

/**
 * What `tsc -p` reports for each project, in one process of its own (typecheck.ts); each project is one
 * "test": it fails with tsc's report, or when the process ends without one.
 */
function typeCheck(projects: string[]): Promise<void> {
  return new Promise((done) => {
    const check = spawn(process.execPath, ["--import", join(root, "tools/register.mjs"), join(testDir, "typecheck.ts"), ...projects], { cwd: root });
    let output = "";
    let errors = "";
    check.stdout.on("data", (d: Buffer) => (output += d.toString()));
    check.stderr.on("data", (d: Buffer) => (errors += d.toString()));
    check.on("close", (code) => {
      const reports = new Map<string, string>();
      for (const line of output.split("\n").filter((l) => l.startsWith("{"))) {
        const { project, report } = JSON.parse(line) as { project: string; report: string };
        reports.set(project, report);
      }
      for (const project of projects) {
        const report = reports.get(project);
        if (report === "") passed++;
        else failed++;
        process.stdout.write(
          report === "" ? `tsc -p ${project}: no errors\n\n`
          : report !== undefined ? `tsc -p ${project} failed:\n${report}\n`
          : `tsc -p ${project}: the type-check stopped (exit ${code}) before it reported:\n${errors}\n`,
        );
      }
      done();
    });
  });
}

/** One worker: takes files from the queue until it is empty; a worker that dies or hangs is replaced. */
async function work(): Promise<void> {
  while (queue.length > 0) {
    const worker = fork(join(testDir, "run-worker.ts"), [], {
      cwd: root,
      // Baseline-tier WebAssembly, as for outpost commands (bin/outpost.mjs says why): a fifth less CPU in builds.
      execArgv: ["--liftoff-only", "--import", join(root, "tools/register.mjs")],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    await new Promise<void>((ready) => worker.once("message", () => ready()));
    await drain(worker);
    worker.kill();
  }
}

/** Feeds `worker` files until the queue is empty or the worker is lost (then the caller starts another). */
async function drain(worker: ChildProcess): Promise<void> {
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const result = await runIn(worker, file);
    report(result);
    if (result.lost) return;
  }
}

function runIn(worker: ChildProcess, file: string): Promise<FileResult & { lost?: boolean }> {
  const startedAt = performance.now();
  return new Promise((done) => {
    const lost = (why: string): void => {
      cleanup();
      worker.kill("SIGKILL");
      const name = relative(testDir, file);
      done({ file, passed: 0, failed: 1, skipped: 0, skippedNames: [], output: `${name}\n${name} ${why}`, ms: performance.now() - startedAt, cpuMs: 0, lost: true });
    };
    const onMessage = (message: FileResult | FileProgress): void => {
      if ("progress" in message) {
        timer.refresh();
        return;
      }
      cleanup();
      done(message);
    };
    const onExit = (code: number | null, signal: string | null): void => lost(`stopped its worker process (${signal ?? `exit code ${code}`}) before it finished`);
    const timer = setTimeout(() => lost(`ended no test for ${FILE_TIMEOUT_MS / 60_000} minutes: stopped`), FILE_TIMEOUT_MS);
    const cleanup = (): void => {
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("exit", onExit);
    };
    worker.on("message", onMessage);
    worker.on("exit", onExit);
    worker.send({ file });
  });
}

// Beside the workers: the type-check takes a core of its own while it runs.
const checks = filters.length === 0 ? [typeCheck(TSC_PROJECTS)] : [];
await Promise.all([...checks, ...Array.from({ length: Math.min(jobs, Math.max(1, queue.length)) }, () => work())]);

try {
  mkdirSync(join(timesFile, ".."), { recursive: true });
  writeFileSync(timesFile, JSON.stringify(times, null, 1) + "\n");
} catch {
  // a read-only tree: the next run schedules without them
}
const seconds = ((performance.now() - started) / 1000).toFixed(0);
process.stdout.write(`${files.length} files on ${jobs} workers in ${seconds} s (tests' CPU time ${(cpuTotal / 1000).toFixed(0)} s)\n`);
if (skippedNames.length > 0) process.stdout.write(`skipped, because a tool is missing:\n${skippedNames.map((n) => `  ${n}\n`).join("")}`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
if (failed > 0 || files.length === 0) process.exitCode = 1;
