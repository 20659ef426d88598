/**
 * A Value Change Dump (IEEE 1364-2005, section 18) of a simulation: every
 * GPIO pin as a 1-bit wire and every task's state as a 2-bit reg, in a file
 * GTKWave, PulseView and sigrok read.
 *
 *   $timescale 1 us $end            one tick is one µs of virtual time
 *   $scope module sim $end          the board
 *     $scope module pins $end       P0 … P15, LED1, BTN1 (aliases where the board has them)
 *     $scope module tasks $end      <task>_<id>: b00 free, b01 ready, b10 parked, b11 finished
 *   #0 $dumpvars … $end             every variable's value before anything happened
 *   #t  changes at t µs, in the order they happened (several at one µs:
 *       the last one holds, as in the simulator)
 *   #end  the time the run reached, so viewers show all of it
 *
 * Pins a UART has claimed are left out: the simulator models their bytes,
 * not their levels. Pins start low and tasks start free (as in `history`).
 * A task track has every change only if the simulator watched its tasks
 * (`LoadOptions.watchTasks`, as `outpost sim` does, or an `onTask`
 * listener); otherwise it has the changes its looks saw (task-monitor.ts).
 */
import type { TaskState } from "../src/contract/abi-codes.ts";
import { TASK_STATES } from "../src/contract/abi-codes.ts";
import type { PinHandle, StateChange, TaskInfo } from "./types.ts";

/** What a dump reads from a simulator. */
export interface VcdSource {
  readonly now: number;
  readonly board: { name: string };
  pins(): PinHandle[];
  tasks(): TaskInfo[];
  taskHistory(id: number): readonly StateChange[];
}

export interface VcdOptions {
  /** The `$date` text; default: now, as ISO 8601. */
  date?: string;
  /** The `$version` text. */
  version?: string;
}

/** The VCD text of everything `sim` has recorded so far. */
export function formatVcd(sim: VcdSource, options: VcdOptions = {}): string {
  const pins = sim.pins().filter((p) => p.mode !== "UART");
  const tasks = sim.tasks();
  const taskCode = (id: number): string => vcdId(pins.length + id);
  const out: string[] = [
    "$date", `  ${options.date ?? new Date().toISOString()}`, "$end",
    "$version", `  ${options.version ?? "Outpost simulator"}`, "$end",
    "$comment", "  task states: b00 free, b01 ready, b10 parked, b11 finished", "$end",
    "$timescale 1 us $end",
    `$scope module ${identifier(sim.board.name)} $end`,
    "$scope module pins $end",
    ...pins.map((p, i) => `$var wire 1 ${vcdId(i)} ${identifier(p.label)} $end`),
    "$upscope $end",
    "$scope module tasks $end",
    ...tasks.map((t) => `$var reg 2 ${taskCode(t.id)} ${identifier(`${t.name}_${t.id}`)} $end`),
    "$upscope $end",
    "$upscope $end",
    "$enddefinitions $end",
    "#0",
    "$dumpvars",
    ...pins.map((_, i) => `0${vcdId(i)}`),
    ...tasks.map((t) => `${stateBits("free")} ${taskCode(t.id)}`),
    "$end",
  ];
  const changes: { at: number; line: string }[] = [];
  pins.forEach((p, i) => p.history.forEach((c) => changes.push({ at: c.at, line: `${c.level}${vcdId(i)}` })));
  for (const t of tasks) {
    for (const c of sim.taskHistory(t.id)) changes.push({ at: c.at, line: `${stateBits(c.state)} ${taskCode(t.id)}` });
  }
  changes.sort((a, b) => a.at - b.at); // stable: each variable keeps its own order
  let time = 0;
  for (const c of changes) {
    if (c.at !== time) out.push(`#${(time = c.at)}`);
    out.push(c.line);
  }
  if (sim.now > time) out.push(`#${sim.now}`);
  return out.join("\n") + "\n";
}

/** `b10` for parked: the state's ABI value in two bits. */
function stateBits(state: TaskState): string {
  return "b" + TASK_STATES.indexOf(state).toString(2).padStart(2, "0");
}

/** The i-th identifier code: printable ASCII from `!` (33) to `~` (126), least significant first. */
function vcdId(i: number): string {
  let id = "";
  do {
    id += String.fromCharCode(33 + (i % 94));
    i = Math.floor(i / 94);
  } while (i > 0);
  return id;
}

/** A name as a VCD reference: letters, digits and `_` only. */
function identifier(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, "_");
}
