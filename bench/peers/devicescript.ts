/**
 * DeviceScript (Microsoft's TypeScript VM for microcontrollers) as a peer,
 * when its command line is installed. It is not a dependency of Outpost:
 *
 *   npm install --no-save @devicescript/cli        then npm run bench
 *   DEVICESCRIPT_CLI=/path/to/@devicescript/cli npm run bench
 *
 * Without it the benchmarks print why the peer is missing and go on. With
 * it, one DeviceScript program runs in the CLI's WebAssembly build of the
 * VM (`devs run -t`, the same C interpreter that runs on the chips) and
 * times itself with `millis()`: YIELDS yields (`await delay(0)`) and ROUNDS
 * ping-pong round trips between two fibers (`suspend` / `resume`). The VM
 * starts and compiles once, outside the timed loops; `millis()` has 1 ms
 * resolution, so the loops run for tens of milliseconds.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { RunOptions } from "../lib.ts";

const YIELDS = 1_000_000;
const ROUNDS = 200_000;

const PROGRAM = `import { delay, millis, suspend, Fiber } from "@devicescript/core"

let t0 = millis()
for (let i = 0; i < ${YIELDS}; i++) await delay(0)
console.log(\`outpost-bench yield ${YIELDS} \${millis() - t0}\`)

let pinger: Fiber
async function ponger() {
    while (true) {
        const v = await suspend<number>()
        pinger.resume(v)
    }
}
const pong = ponger.start()
pinger = Fiber.self()
await delay(1)
let sum = 0
t0 = millis()
for (let i = 0; i < ${ROUNDS}; i++) {
    pong.resume(i)
    sum += await suspend<number>()
}
console.log(\`outpost-bench ping-pong ${ROUNDS} \${millis() - t0} \${sum}\`)
`;

export interface DeviceScriptTimes {
  /** ns per `await delay(0)`, or null when the peer did not run. */
  yieldNs: number | null;
  /** ns per fiber round trip, or null. */
  pingPongNs: number | null;
}

let run: Promise<DeviceScriptTimes> | null = null;

/** The peer's times, measured once per process (both benchmarks share the run). */
export function deviceScriptResults(options: RunOptions): Promise<DeviceScriptTimes> {
  run ??= Promise.resolve(measure(options));
  return run;
}

/** Where @devicescript/cli is, or why it is not usable. */
function findCli(): { dir: string } | { reason: string } {
  const fromEnv = process.env.DEVICESCRIPT_CLI;
  if (fromEnv) return { dir: fromEnv };
  try {
    const require = createRequire(new URL("../../package.json", import.meta.url));
    return { dir: dirname(require.resolve("@devicescript/cli/package.json")) };
  } catch {
    return { reason: "@devicescript/cli is not installed (it is not a dependency: npm install --no-save @devicescript/cli to compare)" };
  }
}

function skip(reason: string): DeviceScriptTimes {
  process.stderr.write(`devicescript peer skipped: ${reason}\n`);
  return { yieldNs: null, pingPongNs: null };
}

function measure(options: RunOptions): DeviceScriptTimes {
  if (options.quick) return skip("not run with --quick");
  const cli = findCli();
  if ("reason" in cli) return skip(cli.reason);
  const work = mkdtempSync(join(tmpdir(), "outpost-bench-devs-"));
  try {
    writeFileSync(join(work, "main.ts"), PROGRAM);
    const r = spawnSync(process.execPath, [join(cli.dir, "devicescript"), "run", "-t", "-T", "120000", "--ignore-missing-config", "main.ts"], {
      cwd: work,
      encoding: "utf8",
      timeout: 180_000,
      env: { ...process.env, NO_COLOR: "1", CI: "1" },
    });
    const text = `${r.stdout}\n${r.stderr}`.replace(/\x1b\[[0-9;]*m/g, "");
    const yieldLine = /outpost-bench yield (\d+) (\d+)/.exec(text);
    const pingLine = /outpost-bench ping-pong (\d+) (\d+) (\d+)/.exec(text);
    const expectedSum = (ROUNDS * (ROUNDS - 1)) / 2;
    if (!yieldLine || !pingLine || Number(pingLine[3]) !== expectedSum) {
      return skip(`its VM did not report both loops (exit ${r.status}): ${text.trim().split("\n").slice(-3).join(" | ")}`);
    }
    return {
      yieldNs: (Number(yieldLine[2]) * 1e6) / YIELDS,
      pingPongNs: (Number(pingLine[2]) * 1e6) / ROUNDS,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
