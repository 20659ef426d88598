/**
 * `outpost sim <firmware.wasm|entry.ts> [options]` (help.ts lists them).
 *
 * Stdout is the board's console UART, byte for byte as transmitted. Stderr
 * carries pin changes, logs, the outcome (panic, deadlock, timeout, failed
 * or passed expectations) and, with --inspect, the task table, each stamped
 * with virtual time. The exit code says how the run ended (report.ts).
 *
 * Order of work: check every option and file (sim-options.ts, outputs.ts),
 * open --vcd and --trace (as .partial files), load the firmware, schedule
 * the stimuli, run the scenario and text expectations in slices
 * (sim-loop.ts) while the VCD streams out, then write the trace, report,
 * and put the outputs in place. Memory stays bounded however long the run:
 * the simulator keeps rings (sim/ring.ts), the console streams.
 */
import { dirname, resolve } from "node:path";
import {
  type RunOutcome, ScenarioRun, Simulator, type SimListeners, type SiteInfo, TraceRecorder, VcdWriter, mergeListeners,
} from "../../../sim/index.ts";
import { consoleUartName } from "../../contract/boards.ts";
import { OutpostError } from "../../contract/errors.ts";
import { Console, type Io, processIo } from "./console.ts";
import { printHelp } from "./help.ts";
import { wantsHelp } from "./args.ts";
import { INTROSPECTION_EXPORTS } from "../../contract/abi-codes.ts";
import { exportNames, hasWasmHeader } from "../../contract/wasm-binary.ts";
import { firmwareFile } from "./files.ts";
import { describeLiveness, formatTaskTable } from "./inspect.ts";
import { Progress } from "./progress.ts";
import { formatLog, formatOutcome, panicReport } from "./outcome-text.ts";
import { EXIT_INTERRUPTED, exitCode } from "./report.ts";
import { findSource } from "./source.ts";
import { type SimPlan, parseSimArgs, simPlan } from "./sim-options.ts";
import { runLoop } from "./sim-loop.ts";
import { OutputFile } from "./outputs.ts";

export async function simCommand(argv: string[], io: Io = processIo): Promise<number> {
  const args = parseSimArgs(argv);
  if (wantsHelp(args)) return printHelp("sim");
  const once = (plan: SimPlan) => runOnce(plan, io);
  if (args.switches.has("--watch")) return (await import("./sim-watch.ts")).watchSim(args, once);
  return (await once(simPlan(args))).code;
}

/** One run of the plan: its exit code, and the files its firmware came from (what --watch watches). */
export async function runOnce(plan: SimPlan, io: Io = processIo): Promise<{ code: number; sources: string[] }> {
  // Opened now, so that an unwritable path fails before the run; renamed into place at the end (outputs.ts).
  const vcdFile = plan.vcd ? new OutputFile(plan.vcd, "--vcd") : null;
  let traceFile: OutputFile | null = null;
  try {
    traceFile = plan.trace ? new OutputFile(plan.trace, "--trace") : null;
    const firmware = await loadFirmware(plan);
    const code = await simulateFirmware(plan, firmware, io, vcdFile, traceFile);
    vcdFile?.commit();
    traceFile?.commit();
    return { code, sources: firmware.sources };
  } catch (e) {
    vcdFile?.discard();
    traceFile?.discard();
    throw e;
  }
}

async function simulateFirmware(
  plan: SimPlan,
  firmware: LoadedFirmware,
  io: Io,
  vcdFile: OutputFile | null,
  traceFile: OutputFile | null,
): Promise<number> {
  // Refused before the firmware runs, so no init output comes first.
  if (plan.inspect && firmware.firmware instanceof Uint8Array && isReleaseBuild(firmware.firmware, plan.path)) {
    throw new OutpostError(
      "USAGE",
      `${plan.path} is a release build, without the task introspection exports --inspect reads: build it without --release to inspect its tasks`,
    );
  }
  const out = new Console(io);
  const consoleUart = consoleUartName(plan.board) ?? "";
  const trace = traceFile ? new TraceRecorder() : null;
  // The dump is written as the run goes: nothing of it is kept in memory.
  const vcd = vcdFile ? new VcdWriter((text) => vcdFile.write(text), { version: `outpost sim ${plan.path} on ${plan.board.name}` }) : null;
  const printer: SimListeners = {
    onUartByte: (uart, byte) => {
      if (uart === consoleUart) out.byte(byte);
    },
    onPinChange: (pin, level, at) => out.stamped(at, `${pin} ${level ? "high" : "low"}`),
    onLog: (e) => out.line(formatLog(e)),
  };
  const sim = await Simulator.load(firmware.firmware, {
    board: plan.board.name,
    name: plan.path,
    sites: firmware.sites,
    text: firmware.text,
    // Deadlock reports and --inspect show when each task parked: read every task after every call.
    watchTasks: true,
    watchdog: plan.watchdog,
    ...mergeListeners(printer, trace?.listeners ?? {}, vcd?.listeners ?? {}),
  });
  vcd?.start(sim);
  for (const { uart, bytes } of plan.inputs) sim.uart(uart).send(bytes, { at: 0 });
  for (const { button, at, hold } of plan.presses) sim.button(button).tap(at, hold);

  const run = new ScenarioRun(sim, plan.scenario, {
    limit: plan.limit === Infinity ? undefined : plan.limit,
    expectText: plan.expectText,
    failText: plan.failText,
  });
  const progress = plan.realtime ? null : new Progress(out, sim.now, plan.limit);
  const outcome = await runLoop(sim, run, { out, progress, realtime: plan.realtime, consoleUart });

  vcd?.end(sim.now);
  if (trace && traceFile) traceFile.write(JSON.stringify(trace.toJSON(sim.tasks(), `outpost sim ${plan.path}`)) + "\n");
  const code = report(sim, plan, outcome, out);
  if (plan.inspect) out.block(formatTaskTable(sim.tasks(), sim.now, sim.liveness()));
  return code;
}

/** Writes the outcome's lines on stderr; the exit code. */
function report(sim: Simulator, plan: SimPlan, outcome: RunOutcome | "interrupted", out: Console): number {
  if (outcome === "interrupted") {
    out.stamped(sim.now, `interrupted (${describeLiveness(sim.liveness())})`);
    return EXIT_INTERRUPTED;
  }
  if (outcome.status === "panic" && sim.panic) {
    const dirs = sourceDirs(plan);
    out.block(panicReport(sim.panic, sim.tasks(), (file, line, column) => findSource(file, line, column, dirs)));
  } else if (outcome.status !== "passed" || plan.scenario || plan.expectText.length > 0) {
    out.block(formatOutcome(outcome, sim.deadlock?.parked ?? []));
  }
  return exitCode(outcome);
}

/** Where panic file names are looked up: the entry's folder for a .ts firmware. */
function sourceDirs(plan: SimPlan): string[] {
  return plan.path.endsWith(".ts") ? [dirname(resolve(plan.path))] : [];
}

/**
 * The firmware (a .wasm or .js as is, a .ts entry built in memory: as JavaScript for an Espruino
 * board) with its site table (--sites, the sidecar, or the build's own) and text table if any.
 * `outpost view` loads firmware through here too.
 */
export async function loadFirmware(plan: Pick<SimPlan, "path" | "board" | "sites">): Promise<LoadedFirmware> {
  if (plan.board.family === "espruino" && plan.path.endsWith(".ts")) {
    const { buildEspruinoEntry } = await import("../espruino/build.ts");
    const build = await buildEspruinoEntry(plan.path, plan.board, plan.path.replace(/\.ts$/, ".js"));
    return { firmware: build.js, sites: plan.sites ?? build.sites, sources: build.sources };
  }
  const file = await firmwareFile(plan.path, plan.board);
  return { firmware: file.wasm, sites: plan.sites ?? file.sites, text: file.text, sources: file.sources };
}

export interface LoadedFirmware {
  firmware: Uint8Array | string;
  sites?: SiteInfo[];
  text?: string[];
  /** The files it was built from, or the built file itself. */
  sources: string[];
}

/** Outpost firmware built with --release: it exports `outpost_init` but not the task table (an Espruino build's .js never is one). */
function isReleaseBuild(wasm: Uint8Array, file: string): boolean {
  if (!hasWasmHeader(wasm)) return false;
  const names = exportNames(wasm, file);
  return names.includes("outpost_init") && !names.includes(INTROSPECTION_EXPORTS[0]);
}
