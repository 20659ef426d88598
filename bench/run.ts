/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the
 * command line, e.g. `npm run bench -- ping-pong yield`), prints one table
 * of ns per operation with each implementation's ratio to the benchmark's
 * Node peer, and writes bench/out/results.json:
 *
 *   [{ "benchmark": "ping-pong", "impl": "outpost", "ns_per_op": 12.3 }, …]
 *
 * (plus whatever else a benchmark measured, as extra fields).
 *
 *   --quick       tiny counts, one run each: checks that everything runs
 *                 (test/bench/quick.test.ts); the numbers mean nothing
 *   --out FILE    write the JSON there instead
 *   --check       exit non-zero when a target ratio is missed (timings are
 *                 noisy: nothing gates on them by default)
 *
 * Exit code 0 unless a benchmark fails to run.
 */
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import type { Benchmark, Result } from "./lib.ts";
import { formatTable } from "./table.ts";

const dir = fileURLToPath(new URL("./", import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes("--quick");
// --quick only checks that every benchmark runs: its WebAssembly (binaryen's, the firmware's) is compiled
// with the baseline tier only, as a short `outpost` command's is (bin/outpost.mjs), which takes a
// fifth off the smoke test's CPU; set before any benchmark loads.
if (quick) setFlagsFromString("--liftoff-only");
const check = args.includes("--check");
const outIndex = args.indexOf("--out");
const out = outIndex >= 0 ? args[outIndex + 1] : dir + "out/results.json";
if (out === undefined || out.startsWith("--")) {
  process.stderr.write("--out needs a file to write the results to (bench/run.ts --out results.json)\n");
  process.exit(1);
}
const only = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--out");

const files = readdirSync(dir).filter((f) => f.endsWith(".bench.ts")).sort();
const benchmarks: Benchmark[] = [];
const names: string[] = [];
const known = new Set<string>();
for (const file of files) {
  const b = (await import(pathToFileURL(dir + file).href)).default as Benchmark;
  // A benchmark answers to its name (native-ping-pong) and to its file's (native_pingpong).
  const spellings = [b.name, file.replace(/\.bench\.ts$/, "")];
  names.push(b.name);
  for (const s of spellings) known.add(s);
  if (only.length === 0 || spellings.some((s) => only.includes(s))) benchmarks.push(b);
}
const unknown = only.filter((a) => !known.has(a));
if (benchmarks.length === 0 || unknown.length) {
  process.stderr.write(`no benchmark named ${(unknown.length ? unknown : only).join(", ")}: choose from ${names.join(", ")}\n`);
  process.exit(1);
}

const all: Result[] = [];
const notes: string[] = [];
let missed = 0;
for (const b of benchmarks) {
  process.stderr.write(`running ${b.name}…\n`);
  const results = await b.run({ quick });
  all.push(...results);
  const ns = new Map(results.map((r) => [r.impl, r.ns_per_op]));
  for (const t of b.targets) {
    if (!ns.has(t.impl) || !ns.has(t.peer)) continue;
    const ratio = ns.get(t.impl)! / ns.get(t.peer)!;
    const ok = ratio <= t.factor;
    if (!ok) missed++;
    notes.push(`${b.name}: ${t.text}: ${ratio.toFixed(3)}, ${ok ? "met" : "MISSED"}`);
  }
}
process.stdout.write(formatTable(benchmarks, all));
if (notes.length > 0) process.stdout.write(`\ntargets${quick ? " (--quick: not meaningful)" : ""}\n${notes.map((n) => `  ${n}\n`).join("")}`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(all, null, 2) + "\n");
process.stdout.write(`wrote ${out.startsWith(dir) ? "bench/" + out.slice(dir.length) : out}\n`);
if (check && missed > 0) process.exitCode = 1;
