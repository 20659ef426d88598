/**
 * `outpost build <entry.ts> --board <espruino board> [-o FILE]`: writes the
 * one .js to upload (translated firmware + glue; boards/espruino/README.md)
 * and prints what it costs on stdout: bytes, memory, the JsVar estimate
 * against the board's budget (refused above it, by bundle.ts), and the
 * estimate when the code runs from flash (a Storage upload), which is how
 * to upload a firmware that fits only that way.
 */
import { grouped } from "../../contract/grouped.ts";
import type { Board } from "../../contract/boards.ts";
import { buildEspruinoEntry } from "../espruino/build.ts";
import { type JsVarEstimate, formatEstimate } from "../espruino/estimate.ts";
import { writeOutput } from "./outputs.ts";
import { sitesFile } from "./sidecars.ts";

export async function buildEspruinoCommand(entry: string, board: Board, output: string): Promise<number> {
  const build = await buildEspruinoEntry(entry, board, output);
  if (build.warnings) process.stderr.write(build.warnings + "\n");
  writeOutput(output, "-o", build.js);
  // The glue prints a panic's await chain as site ids: outpost decode and outpost sim name them from this table.
  if (build.sites.length) writeOutput(sitesFile(output), "-o", JSON.stringify(build.sites, null, 1) + "\n");
  process.stdout.write(formatEspruinoReport(build, output, board));
  return 0;
}

const pct = (part: number, whole: number): string => `${Math.round((part / whole) * 100)}%`;

export function formatEspruinoReport(
  b: { js: string; estimate: JsVarEstimate; budget: number; memory: { bytes: number; staticEnd: number; heapTop: number }; functions: number; tasks: string[] },
  output: string,
  board: Board,
): string {
  const e = b.estimate;
  const rows: [string, string][] = [
    ["file", `${grouped(Buffer.byteLength(b.js))} bytes of JavaScript, ${grouped(b.functions)} functions`],
    ["memory", `${grouped(b.memory.bytes)} bytes (static data ${grouped(b.memory.staticEnd)}, heap top after init ${grouped(b.memory.heapTop)})`],
    ["JsVars", `about ${grouped(e.resident)} of ${grouped(b.budget)} resident (${pct(e.resident, b.budget)}), ${grouped(e.total)} at the peak of a RAM upload: ${formatEstimate(e)}`],
    [
      "from flash",
      `about ${grouped(e.fromFlash)} when the code runs from Storage (outpost flash --storage)` +
        (e.total > b.budget ? `: upload it that way, a RAM upload needs more than the board's ${grouped(b.budget)}` : ""),
    ],
    ["tasks", b.tasks.join(", ") || "none"],
  ];
  const width = Math.max(...rows.map(([l]) => l.length));
  return `${output} for ${board.name} (${board.description})\n` + rows.map(([l, v]) => `  ${l.padEnd(width)}  ${v}\n`).join("");
}
