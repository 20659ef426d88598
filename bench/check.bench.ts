/**
 * `outpost check` on every example, against `outpost build` of the same
 * example (what a check saves an editor or a pre-commit hook from running);
 * one operation is one example checked (or built), averaged over the
 * examples, each the best of its runs.
 *
 *   outpost-check     `node bin/outpost.mjs check examples/<x>/main.ts`, a
 *                     process per check, with the warm caches a second run
 *                     has (transpiled host code, TypeScript's code cache)
 *   check-in-process  checkFirmware() again in a process that has checked
 *                     before: what the editor plugin and a watcher pay
 *   outpost-build     `node bin/outpost.mjs build examples/<x>/main.ts`
 *                     with the build cache off (the peer)
 *
 * The per-example times go into results.json as extra fields (ms).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadBoard } from "../src/contract/boards.ts";
import { checkFirmware } from "../src/toolchain/check/index.ts";
import { type Benchmark, type Result, type RunOptions, bestOf, check, rounds, timeNs } from "./lib.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const bin = join(root, "bin/outpost.mjs");

function examples(quick: boolean): string[] {
  const all = readdirSync(join(root, "examples"), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return quick ? all.slice(0, 1) : all;
}

/**
 * Wall ns of one `outpost ...args` process, which must exit 0. The build
 * cache is off: the peer is the build a check stands in for, not a cache hit.
 */
function outpost(...args: string[]): number {
  let status: number | null = null;
  const env = { ...process.env, OUTPOST_CACHE: "off" };
  const ns = timeNs(() => (status = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: "ignore", env }).status));
  check(status === 0, `outpost ${args.join(" ")} exited ${status}`);
  return ns;
}

async function run(options: RunOptions): Promise<Result[]> {
  const { warmup, runs } = rounds(options, 1, 3);
  const out = mkdtempSync(join(tmpdir(), "outpost-bench-check-"));
  const sim = loadBoard("sim");
  const times: Record<string, Record<string, number>> = { "outpost-check": {}, "check-in-process": {}, "outpost-build": {} };
  try {
    for (const name of examples(options.quick)) {
      const entry = `examples/${name}/main.ts`;
      times["outpost-check"]![name] = await bestOf(warmup, runs, () => outpost("check", entry));
      times["check-in-process"]![name] = await bestOf(warmup + 1, runs, () => timeNs(() => check(checkFirmware(join(root, entry), sim).errors === 0, `${entry} checks`)));
      // The smoke test (quick) leaves the build out: it costs more than the rest, through the same code path.
      if (!options.quick) times["outpost-build"]![name] = await bestOf(0, 2, () => outpost("build", entry, "-o", join(out, `${name}.wasm`)));
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return Object.entries(times).filter(([, byExample]) => Object.keys(byExample).length).map(([impl, byExample]) => {
    const ns = Object.values(byExample);
    const perExample = Object.fromEntries(Object.entries(byExample).map(([n, t]) => [`${n}_ms`, Math.round(t / 1e5) / 10]));
    return { benchmark: "check", impl, ns_per_op: ns.reduce((a, b) => a + b, 0) / ns.length, ...perExample };
  });
}

const benchmark: Benchmark = {
  name: "check",
  op: "example checked (built)",
  peer: "outpost-build",
  targets: [{ impl: "outpost-check", peer: "outpost-build", factor: 0.25, text: "outpost check takes at most a quarter of outpost build" }],
  run,
};
export default benchmark;
