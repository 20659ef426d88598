/**
 * `outpost build <entry.ts> [--board NAME] [-o FILE]`
 *
 * Compiles the entry for the board, writes the .wasm, and prints on stdout
 * what it costs: the size report of `outpost size` (flash, RAM, each task).
 */
import { basename, dirname, extname, join } from "node:path";
import { DEFAULT_BOARD, loadBoard } from "../../contract/boards.ts";
import { cachedCompile } from "../cache/build.ts";
import type { LowerReport } from "../lower/index.ts";
import { analyseFirmware, formatSizeReport } from "../wasm/size.ts";
import { printHelp } from "./help.ts";
import { buildEspruinoCommand } from "./build-espruino.ts";
import { onePositional, parseArgs, usageError, valueOf, wantsHelp } from "./args.ts";
import { sitesFile, textFile } from "./sidecars.ts";
import { checkOutputs, writeOutput } from "./outputs.ts";

/** build/<folder>.wasm for examples/blinky/main.ts (or index.ts); build/<file>.wasm otherwise (.js for Espruino boards). */
export function defaultOutput(entry: string, extension = ".wasm"): string {
  const file = basename(entry, extname(entry));
  const name = file === "main" || file === "index" ? basename(dirname(join(process.cwd(), entry))) : file;
  return join("build", `${name}${extension}`);
}

/**
 * Each async task's static RAM as the lowering laid it out: its state
 * machine plus every child future preallocated for its await sites, per
 * slot and for the whole pool. `heap` counts the allocator's object headers
 * and 16-byte rounding: what the heap really spends.
 */
export function formatTaskRam(lowering: LowerReport): string {
  return formatTasks(lowering) + formatValues(lowering);
}

/**
 * Async function values (closures, named async functions used as values):
 * the RAM of one value, which is also what each call site that calls a
 * closure it knows reserves for its own frame of it.
 */
function formatValues(lowering: LowerReport): string {
  if (!lowering.values?.length) return "";
  const rows = lowering.values.map((v) => [v.name, String(v.bytes), String(v.heap)]);
  const head = ["async function value", "bytes", "heap"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => "    " + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return ["  async function values (static RAM of one value: its frame, made where the value is made)", line(head), ...rows.map(line)].join("\n") + "\n";
}

function formatTasks(lowering: LowerReport): string {
  if (lowering.tasks.length === 0) return "";
  const rows = lowering.tasks.map((t) => [t.name, String(t.pool), String(t.bytes), String(t.heap), String(t.pool * t.heap)]);
  rows.push(["total", "", "", "", String(lowering.totalHeap)]);
  const head = ["task", "pool", "state bytes", "heap/slot", "heap"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => "    " + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return ["  async tasks (static RAM of each state machine and its await slots)", line(head), ...rows.map(line)].join("\n") + "\n";
}

/** An entry is AssemblyScript source: a build output or another file given instead is named before the compiler sees it. */
function checkEntryName(entry: string): void {
  if (entry.endsWith(".ts")) return;
  if (/\.(wasm|js)$/.test(entry)) {
    throw usageError("build", `${entry} is a build output, not an entry: pass the firmware's .ts entry (like examples/blinky/main.ts), or run ${entry} with outpost sim`);
  }
  throw usageError("build", `${entry} is not a firmware entry: pass the .ts file that exports main(), like examples/blinky/main.ts`);
}

export async function buildCommand(argv: string[]): Promise<number> {
  const args = parseArgs("build", argv, {
    "--board": "value", "-o": "value", "--emit-c": "value", "--test-channel": "switch", "--release": "switch", "--help": "switch", "-h": "switch",
  });
  if (wantsHelp(args)) return printHelp("build");
  const entry = onePositional("build", args, "an entry file, like examples/blinky/main.ts");
  checkEntryName(entry);
  const board = loadBoard(valueOf(args, "--board") ?? DEFAULT_BOARD);
  const release = args.switches.has("--release");
  const emitDir = valueOf(args, "--emit-c");
  const espruino = board.family === "espruino";
  const native = board.family === "native";
  const output = valueOf(args, "-o") ?? defaultOutput(entry, native ? ".elf" : espruino ? ".js" : ".wasm");
  checkOutputs({ command: "build", outputs: [{ option: "-o", path: output }], inputs: [{ what: "the entry", path: entry }] });
  if (native) {
    const { buildNativeCommand } = await import("./build-native.ts");
    return buildNativeCommand(entry, board, output, emitDir, args.switches.has("--test-channel"));
  }
  if (emitDir !== undefined) throw usageError("build", `--emit-c is for native boards (outpost boards lists them); board "${board.name}" is not one`);
  if (args.switches.has("--test-channel")) {
    throw usageError("build", `--test-channel is for native boards (outpost boards lists them); board "${board.name}" is not one: outpost sim takes inputs as it is`);
  }
  if (espruino) {
    if (release) throw usageError("build", `--release is for WebAssembly boards; board "${board.name}" runs JavaScript`);
    return buildEspruinoCommand(entry, board, output);
  }
  const result = await cachedCompile({ entry, board, output, release });
  if (result.warnings) process.stderr.write(result.warnings + "\n");
  writeOutput(output, "-o", result.wasm);
  // The await-site table lets `outpost sim` name where each task is parked.
  if (result.lowering.sites.length) writeOutput(sitesFile(output), "-o", JSON.stringify(result.lowering.sites, null, 1) + "\n");
  // Deferred text: the firmware's messages refer to these literals by index.
  if (result.text) writeOutput(textFile(output), "-o", JSON.stringify(result.text, null, 1) + "\n");
  const size = result.size ?? (await analyseFirmware(result.wasm, output, { stack: board.build?.stack }));
  process.stdout.write(formatSizeReport(size, output, board));
  process.stdout.write(formatTaskRam(result.lowering));
  return 0;
}
