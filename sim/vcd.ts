/**
 * A Value Change Dump (IEEE 1364-2005, section 18) of a simulation: every
 * GPIO pin, and three lines for each task's state, all 1-bit wires, in a
 * file GTKWave reads and sigrok/PulseView too (sigrok's VCD reader takes
 * 1-bit signals only).
 *
 *   $version … $end                 what ran (no $date: identical runs give identical files)
 *   $timescale 1 us $end            one tick is one µs of virtual time
 *   $scope module sim $end          the board
 *     $scope module pins $end       P0 … P15, LED1, BTN1 (aliases where the board has them)
 *     $scope module tasks $end      per task <name>_<id>_ready, _parked, _finished:
 *                                   high while the task is in that state (all low: free)
 *   #0 $dumpvars … $end             every variable's value before anything happened
 *   #t  changes at t µs, in the order they happened (several at one µs:
 *       the last one holds, as in the simulator)
 *   #end  the time the run reached, so viewers show all of it
 *
 * `VcdWriter` streams: attach its `listeners` when loading, call `start`
 * once the simulator is loaded (changes made by `outpost_init` wait until
 * then) and `end` when the run is over; each change is handed to `write`
 * as it happens, so a year of blinky never sits in memory (`outpost sim
 * --vcd`). `formatVcd` builds the same text from what a simulator has kept
 * (its histories, the newest `historyLimit` of each).
 *
 * Pins a UART has claimed are left out: the simulator models their bytes,
 * not their levels. Pins start low and tasks start free. The task lines
 * have every change only if the simulator watched its tasks
 * (`LoadOptions.watchTasks`, or an `onTask` listener, which a writer is).
 */
import type { TaskState } from "../src/contract/abi-codes.ts";
import type { PinHandle, SimListeners, StateChange, TaskEvent, TaskInfo } from "./types.ts";

/** What a dump reads from a simulator. */
export interface VcdSource {
  readonly now: number;
  readonly board: { name: string };
  pins(): PinHandle[];
  tasks(): TaskInfo[];
  taskHistory(id: number): readonly StateChange[];
}

export interface VcdOptions {
  /** The `$version` text. */
  version?: string;
}

const TASK_LINES = ["ready", "parked", "finished"] as const;

/** A VCD written as the simulation runs, one piece of text at a time. */
export class VcdWriter {
  private readonly write: (text: string) => void;
  private readonly options: VcdOptions;
  /** Pin label → identifier code; null until `start`. */
  private pinCodes: Map<string, string> | null = null;
  private taskCount = 0;
  private readonly states: TaskState[] = [];
  private time = 0;
  /** Changes heard before `start` (during outpost_init), in order. */
  private early: (() => void)[] = [];

  readonly listeners: SimListeners = {
    onPinChange: (pin, level, at) => this.later(() => this.pin(pin, level, at)),
    onTask: (e: TaskEvent) => {
      if (e.kind === "state") this.later(() => this.task(e.id, e.state, e.at));
    },
  };

  constructor(
    write: (text: string) => void,
    options: VcdOptions = {},
  ) {
    this.write = write;
    this.options = options;
  }

  /** Writes the header (every pin, and every task slot the firmware has), then what came before. */
  start(sim: VcdSource): void {
    const pins = sim.pins().filter((p) => p.mode !== "UART");
    const tasks = sim.tasks();
    this.pinCodes = new Map(pins.map((p, i) => [p.label, vcdId(i)]));
    this.taskCount = tasks.length;
    const taskVars = tasks.flatMap((t) =>
      TASK_LINES.map((line, k) => `$var wire 1 ${this.taskCode(t.id, k)} ${identifier(`${t.name}_${t.id}_${line}`)} $end`),
    );
    this.write(
      [
        "$version", `  ${this.options.version ?? "Outpost simulator"}`, "$end",
        "$comment", "  each task's state is three lines: _ready, _parked, _finished (all low: a free slot)", "$end",
        "$timescale 1 us $end",
        `$scope module ${identifier(sim.board.name)} $end`,
        "$scope module pins $end",
        ...pins.map((p, i) => `$var wire 1 ${vcdId(i)} ${identifier(p.label)} $end`),
        "$upscope $end",
        "$scope module tasks $end",
        ...taskVars,
        "$upscope $end",
        "$upscope $end",
        "$enddefinitions $end",
        "#0",
        "$dumpvars",
        ...pins.map((_, i) => `0${vcdId(i)}`),
        ...tasks.flatMap((t) => TASK_LINES.map((_, k) => `0${this.taskCode(t.id, k)}`)),
        "$end",
      ].join("\n") + "\n",
    );
    for (const change of this.early) change();
    this.early = [];
  }

  /** Writes the final timestamp: the run reached `now`. */
  end(now: number): void {
    if (now > this.time) this.write(`#${now}\n`);
  }

  private later(change: () => void): void {
    if (this.pinCodes) change();
    else this.early.push(change);
  }

  private stamp(at: number): string {
    if (at === this.time) return "";
    this.time = at;
    return `#${at}\n`;
  }

  private pin(label: string, level: number, at: number): void {
    const code = this.pinCodes!.get(label);
    if (code !== undefined) this.write(`${this.stamp(at)}${level}${code}\n`);
  }

  private task(id: number, state: TaskState, at: number): void {
    if (id >= this.taskCount) return;
    const before = this.states[id] ?? "free";
    this.states[id] = state;
    let lines = "";
    TASK_LINES.forEach((line, k) => {
      if ((before === line) !== (state === line)) lines += `${state === line ? 1 : 0}${this.taskCode(id, k)}\n`;
    });
    if (lines) this.write(this.stamp(at) + lines);
  }

  private taskCode(id: number, line: number): string {
    return vcdId(this.pinCodes!.size + id * TASK_LINES.length + line);
  }
}

/** The VCD text of everything `sim` has kept so far. */
export function formatVcd(sim: VcdSource, options: VcdOptions = {}): string {
  let text = "";
  const writer = new VcdWriter((t) => (text += t), options);
  writer.start(sim);
  const changes: { at: number; apply: () => void }[] = [];
  for (const p of sim.pins()) {
    for (const c of p.history) changes.push({ at: c.at, apply: () => writer.listeners.onPinChange!(p.label, c.level, c.at) });
  }
  for (const t of sim.tasks()) {
    for (const c of sim.taskHistory(t.id)) {
      changes.push({ at: c.at, apply: () => writer.listeners.onTask!({ kind: "state", id: t.id, name: t.name, at: c.at, state: c.state }) });
    }
  }
  changes.sort((a, b) => a.at - b.at); // stable: each variable keeps its own order
  for (const c of changes) c.apply();
  writer.end(sim.now);
  return text;
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
