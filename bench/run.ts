/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the
 * command line, e.g. `npm run bench -- ping-pong`), prints ns per operation
 * and the ratios each benchmark promises, and writes bench/out/results.json:
 *
 *   [{ "benchmark": "ping-pong", "impl": "outpost", "ns_per_op": 12.3 }, …]
 *
 * Exit code 0 unless a benchmark fails to run; with `--check`, also non-zero
 * when a target ratio is missed (timings are noisy: CI does not gate on them
 * by default).
 */
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Benchmark, Result } from "./lib.ts";

const dir = fileURLToPath(new URL("./", import.meta.url));
const args = process.argv.slice(2);
const check = args.includes("--check");
const only = args.filter((a) => !a.startsWith("--"));

const files = readdirSync(dir).filter((f) => f.endsWith(".bench.ts")).sort();
const benchmarks: Benchmark[] = [];
for (const file of files) {
  const b = (await import(pathToFileURL(dir + file).href)).default as Benchmark;
  if (only.length === 0 || only.includes(b.name)) benchmarks.push(b);
}
if (benchmarks.length === 0) {
  process.stderr.write(`no benchmark named ${only.join(", ")}: choose from ${files.map((f) => f.replace(/\.bench\.ts$/, "")).join(", ")}\n`);
  process.exit(1);
}

const all: Result[] = [];
let missed = 0;
for (const b of benchmarks) {
  const results = await b.run();
  all.push(...results);
  const ns = new Map(results.map((r) => [r.impl, r.ns_per_op]));
  process.stdout.write(`${b.name} (ns per ${b.op}, best of several runs)\n`);
  for (const r of results) process.stdout.write(`  ${r.impl.padEnd(10)} ${r.ns_per_op.toFixed(2).padStart(10)} ns\n`);
  for (const t of b.targets) {
    const ratio = ns.get(t.impl)! / ns.get(t.peer)!;
    const ok = ratio <= t.factor;
    if (!ok) missed++;
    const shown = ratio < 1 ? `${(1 / ratio).toFixed(1)}× faster than` : `${ratio.toFixed(2)}× the time of`;
    process.stdout.write(`  ${t.impl} is ${shown} ${t.peer}   target: ${t.text}   ${ok ? "met" : "MISSED"}\n`);
  }
}
mkdirSync(dir + "out", { recursive: true });
writeFileSync(dir + "out/results.json", JSON.stringify(all, null, 2) + "\n");
process.stdout.write(`wrote bench/out/results.json\n`);
if (check && missed > 0) process.exitCode = 1;
