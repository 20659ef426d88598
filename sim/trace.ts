/**
 * A timeline of a simulation in the Trace Event Format (the JSON that
 * Perfetto's UI and chrome://tracing open):
 *
 *   { "traceEvents": [...], "displayTimeUnit": "ns" }
 *
 * One process, "outpost sim", with one track (thread) per task, `tid` =
 * task id + 1, named "<name> #<id>", and a "peripherals" track, `tid` 0:
 *
 *   ph "M"  metadata: process_name, thread_name and thread_sort_index
 *   ph "X"  a task's polls at one instant (`args.polls`: how many); `dur` is
 *           0 because virtual time stands still while the firmware runs
 *   ph "B"/"E"  a task's await chain (src/runtime/chain.ts) as nested
 *           slices on its track: one per await its frames are parked at,
 *           outermost first, named by the await's source position, from
 *           the poll that parked there to the poll that moved on
 *   ph "i"  instants (`s: "t"`): a task's wakes (`args.cause`: the event,
 *           "timer or task", or "unwatched" for wakes made before `onTask`
 *           was set), its spawns and finishes; on the peripherals track
 *           each GPIO edge, UART byte (tx, and rx with its fate) and log
 *
 * `ts` is virtual time in µs, the format's unit. Attach with
 * `Simulator.load(wasm, { ...recorder.listeners })`, then `toJSON()`.
 * A recorder keeps the newest `limit` events (default 1,000,000: about
 * 200 MB of JSON); the metadata then says how many earlier ones it dropped.
 */
import { Ring } from "./ring.ts";
import type { LogEntry, SimListeners, TaskEvent, TaskInfo } from "./types.ts";
import { formatSite } from "./sites.ts";

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: "X" | "i" | "M" | "B" | "E";
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  s?: "t" | "p" | "g";
  args?: Record<string, string | number>;
}

export interface TraceFile {
  traceEvents: TraceEvent[];
  displayTimeUnit: "ns" | "ms";
}

const PID = 1;
const PERIPHERALS = 0;

export class TraceRecorder {
  private readonly events: Ring<TraceEvent>;
  /** Each task's open await slices, outermost first (their names). */
  private readonly open = new Map<number, string[]>();

  constructor(limit = 1_000_000) {
    this.events = new Ring(limit);
  }

  readonly listeners: SimListeners = {
    onPinChange: (pin, level, at) => this.peripheral(`${pin} ${level ? "high" : "low"}`, "gpio", at, { pin, level }),
    onUartByte: (uart, byte, at) => this.peripheral(`${uart} tx ${showByte(byte)}`, "uart", at, { uart, byte }),
    onUartReceive: (uart, byte, at, fate) => this.peripheral(`${uart} rx ${showByte(byte)}`, "uart", at, { uart, byte, fate }),
    onLog: (e: LogEntry) => this.peripheral(e.text, "log", e.at, { level: e.level }),
    onTask: (e: TaskEvent) => this.task(e),
  };

  /** The trace file: metadata naming a track per task in `tasks`, then every event in order. */
  toJSON(tasks: readonly TaskInfo[], title = "outpost sim"): TraceFile {
    const meta = (tid: number, name: string, value: string | number): TraceEvent => ({
      name, ph: "M", pid: PID, tid, args: name === "thread_sort_index" ? { sort_index: value } : { name: value },
    });
    const metadata: TraceEvent[] = [
      meta(PERIPHERALS, "process_name", title),
      meta(PERIPHERALS, "thread_name", "peripherals"),
      meta(PERIPHERALS, "thread_sort_index", 0),
      ...tasks.flatMap((t) => [meta(t.id + 1, "thread_name", `${t.name} #${t.id}`), meta(t.id + 1, "thread_sort_index", t.id + 1)]),
    ];
    if (this.events.forgotten > 0) {
      metadata.push({ name: "dropped_events", ph: "M", pid: PID, tid: PERIPHERALS, args: { count: this.events.forgotten } });
    }
    return { traceEvents: [...metadata, ...this.events.toArray()], displayTimeUnit: "ns" };
  }

  private task(e: TaskEvent): void {
    const tid = e.id + 1;
    if (e.kind === "poll") {
      this.events.push({ name: "poll", cat: "task", ph: "X", pid: PID, tid, ts: e.at, dur: 0, args: { polls: e.count } });
    } else if (e.kind === "wake") {
      this.events.push({ name: "wake", cat: "task", ph: "i", s: "t", pid: PID, tid, ts: e.at, args: { count: e.count, cause: e.cause } });
    } else if (e.kind === "chain") {
      this.nest(tid, e.at, e.chain.map((s) => (s.where ? formatSite(s.where) : `await site ${s.id}`)));
    } else if (e.state === "finished" || e.state === "free") {
      this.nest(tid, e.at, []);
      this.events.push({ name: e.state, cat: "task", ph: "i", s: "t", pid: PID, tid, ts: e.at });
    }
  }

  /** Moves a task's await slices to `chain`: ends the levels that changed, innermost first, then begins the new ones. */
  private nest(tid: number, at: number, chain: string[]): void {
    const open = this.open.get(tid) ?? [];
    let same = 0;
    while (same < open.length && same < chain.length && open[same] === chain[same]) same++;
    for (let i = open.length - 1; i >= same; i--) this.events.push({ name: open[i]!, cat: "await", ph: "E", pid: PID, tid, ts: at });
    for (let i = same; i < chain.length; i++) this.events.push({ name: chain[i]!, cat: "await", ph: "B", pid: PID, tid, ts: at });
    this.open.set(tid, chain);
  }

  private peripheral(name: string, cat: string, at: number, args: Record<string, string | number>): void {
    this.events.push({ name, cat, ph: "i", s: "t", pid: PID, tid: PERIPHERALS, ts: at, args });
  }
}

/** `0x41 'A'`, or just the hex for bytes that do not print. */
function showByte(byte: number): string {
  const hex = `0x${byte.toString(16).padStart(2, "0")}`;
  return byte >= 0x20 && byte < 0x7f ? `${hex} '${String.fromCharCode(byte)}'` : hex;
}
