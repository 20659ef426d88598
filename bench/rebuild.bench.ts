/**
 * The edit–run loop: how long a build takes when nothing changed and when
 * one line changed, against a full build measured in the same run. One
 * operation is one build of a copy of examples/blinky/main.ts (in a
 * temporary folder, so each run starts cold and the repository is never
 * edited).
 *
 *   full-build        the compiler with no cache (compileFirmware), in a
 *                     warm process: the peer
 *   one-line-change   a line of main.ts changed, rebuilt through the cache in
 *                     the same warm process, as `outpost sim --watch` does
 *                     (goal: under 3 s)
 *   no-change         the build again in a new process, nothing changed: a
 *                     cache hit, timed inside that process from the call to
 *                     the artifact, so without starting Node (goal: under
 *                     300 ms)
 *   cli-no-change     `outpost sim main.ts --for 1s` in a new process, nothing
 *                     changed since the last build: a cache hit, end to end
 *                     (`build_ms`: what it costs over the same run of a
 *                     prebuilt .wasm)
 *   cli-prebuilt      `outpost sim main.wasm --for 1s` of the same firmware
 *                     built beforehand: what a run costs with no build at all
 *
 * Each line changed is a new text (a counter in the log message), so every
 * one-line change really compiles. Every run checks that the build it timed
 * logs what its source says.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadBoard } from "../src/contract/boards.ts";
import { cachedCompile } from "../src/toolchain/cache/build.ts";
import { compileFirmware } from "../src/toolchain/compile.ts";
import { Simulator } from "../sim/index.ts";
import { type Benchmark, type Result, type RunOptions, bestOf, check, rounds, timeNsAsync } from "./lib.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const bin = join(root, "bin/outpost.mjs");
const blinky = readFileSync(join(root, "examples/blinky/main.ts"), "utf8");
const NO_CHANGE_GOAL_MS = 300;
const ONE_LINE_GOAL_MS = 3000;

/** blinky whose log message carries `n`: each n is a different one-line change. */
const version = (n: number): string => blinky.replace(/"blinky: ([^"]*)"/, `"blinky: $1 (edit ${n})"`);

async function logsEdit(wasm: Uint8Array, n: number): Promise<void> {
  const sim = await Simulator.load(wasm, { board: "sim" });
  check(sim.logs[0]?.text.endsWith(`(edit ${n})`) === true, `the build of edit ${n} logged ${JSON.stringify(sim.logs[0]?.text)}`);
}

/** Wall ns of `cachedCompile` of `entry` for the sim board, timed inside a new process. */
function hitNs(entry: string): number {
  const script = [
    `const { cachedCompile } = await import(${JSON.stringify(join(root, "src/toolchain/cache/build.ts"))});`,
    `const { loadBoard } = await import(${JSON.stringify(join(root, "src/contract/boards.ts"))});`,
    `const board = loadBoard("sim");`,
    `const start = process.hrtime.bigint();`,
    `await cachedCompile({ entry: ${JSON.stringify(entry)}, board });`,
    `console.log(String(process.hrtime.bigint() - start));`,
  ].join("\n");
  const r = spawnSync(process.execPath, ["--import", join(root, "tools/register.mjs"), "--input-type=module", "-e", script], { encoding: "utf8" });
  check(r.status === 0, `the cache hit failed: ${r.stderr}`);
  return Number(r.stdout.trim());
}

/**
 * Wall ns of `outpost <args>` in a new process, which must exit 0. It runs in this process's working
 * directory, which a build's cache key holds: the builds this process made are the ones it finds.
 */
function cliNs(args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
  const ns = Number(process.hrtime.bigint() - start);
  check(r.status === 0, `outpost ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return ns;
}

const rebuild: Benchmark = {
  name: "rebuild",
  op: "build",
  peer: "full-build",
  targets: [
    { impl: "one-line-change", peer: "full-build", factor: 1.2, text: "a one-line change costs at most a full build (the cache adds little)" },
    { impl: "no-change", peer: "full-build", factor: 0.1, text: "a build with nothing changed costs a tenth of a build at most" },
    // Against the same run of the prebuilt .wasm: both start Node, which a build in a warm process does not.
    { impl: "cli-no-change", peer: "cli-prebuilt", factor: 2, text: "a run of main.ts with nothing changed costs at most twice a run of its prebuilt .wasm" },
  ],
  async run(options: RunOptions): Promise<Result[]> {
    const { warmup, runs } = rounds(options, 1, 3);
    const dir = mkdtempSync(join(tmpdir(), "outpost-rebuild-"));
    try {
      const entry = join(dir, "main.ts");
      const board = loadBoard("sim");
      let edit = 0;
      /** One edit of main.ts built by `build`: the build's wall ns (its log checked after, untimed). */
      const editAndBuild = async (build: () => Promise<{ wasm: Uint8Array }>): Promise<number> => {
        writeFileSync(entry, version(++edit));
        let wasm: Uint8Array = new Uint8Array();
        const ns = await timeNsAsync(async () => (wasm = (await build()).wasm));
        await logsEdit(wasm, edit);
        return ns;
      };
      const full = await bestOf(warmup, runs, () => editAndBuild(() => compileFirmware({ entry, board })));
      const oneLine = await bestOf(warmup, runs, () => editAndBuild(() => cachedCompile({ entry, board })));
      // The last edit is built and cached: the command line finds it.
      writeFileSync(join(dir, "main.wasm"), (await cachedCompile({ entry, board })).wasm);
      const hit = await bestOf(warmup, runs, () => hitNs(entry));
      const cli = await bestOf(warmup, runs, () => cliNs(["sim", entry, "--for", "1s"]));
      const prebuilt = await bestOf(warmup, runs, () => cliNs(["sim", join(dir, "main.wasm"), "--for", "1s"]));
      const ms = (ns: number): number => ns / 1e6;
      return [
        { benchmark: "rebuild", impl: "full-build", ns_per_op: full, ms: ms(full) },
        { benchmark: "rebuild", impl: "one-line-change", ns_per_op: oneLine, ms: ms(oneLine), goal_ms: ONE_LINE_GOAL_MS, met: ms(oneLine) < ONE_LINE_GOAL_MS },
        { benchmark: "rebuild", impl: "no-change", ns_per_op: hit, ms: ms(hit), goal_ms: NO_CHANGE_GOAL_MS, met: ms(hit) < NO_CHANGE_GOAL_MS },
        { benchmark: "rebuild", impl: "cli-no-change", ns_per_op: cli, ms: ms(cli), build_ms: ms(cli - prebuilt) },
        { benchmark: "rebuild", impl: "cli-prebuilt", ns_per_op: prebuilt, ms: ms(prebuilt) },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default rebuild;
