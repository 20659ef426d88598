/**
 * The table bench/run.ts prints: one row per implementation, its ns per
 * operation, and its ratio to the benchmark's Node peer (time / peer's
 * time: below 1 is faster). Extra fields a benchmark measured follow as
 * `name=value`.
 *
 *   benchmark   impl       ns/op     vs peer   per        notes
 *   ping-pong   outpost    12.81     0.11×     round trip
 *   ping-pong   promises   118.40    peer      round trip
 */
import { grouped } from "../src/contract/grouped.ts";
import type { Benchmark, Result } from "./lib.ts";

const FIXED = new Set(["benchmark", "impl", "ns_per_op"]);

function formatNs(ns: number): string {
  if (!Number.isFinite(ns)) return String(ns);
  if (ns >= 1e6) return ns.toExponential(3);
  return ns >= 100 ? ns.toFixed(0) : ns.toFixed(2);
}

function formatExtra(value: number | string | boolean): string {
  if (typeof value !== "number") return String(value);
  if (Number.isInteger(value)) return grouped(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3);
}

export function formatTable(benchmarks: Benchmark[], results: Result[]): string {
  const rows: string[][] = [["benchmark", "impl", "ns/op", "vs peer", "per", "notes"]];
  for (const b of benchmarks) {
    const own = results.filter((r) => r.benchmark === b.name);
    const peer = own.find((r) => r.impl === b.peer);
    for (const r of own) {
      let ratio = "—";
      if (r === peer) ratio = "peer";
      else if (peer) ratio = `${(r.ns_per_op / peer.ns_per_op).toPrecision(3)}×`;
      const notes = Object.entries(r)
        .filter(([k]) => !FIXED.has(k))
        .map(([k, v]) => `${k}=${formatExtra(v)}`)
        .join(" ");
      rows.push([r.benchmark, r.impl, formatNs(r.ns_per_op), ratio, b.op, notes]);
    }
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!))).join("  ").trimEnd() + "\n")
    .join("");
}
