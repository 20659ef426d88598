/**
 * `Simulator`: one firmware on one simulated board, in virtual time.
 *
 * The discrete-event loop (`runTo`), at each virtual µs that matters:
 *
 *   1. run every scheduled action due now, in (time, seq) order
 *      (stimuli, byte arrivals and departures, button bounce)
 *   2. deliver the interrupts they raised through `outpost_event`, in order
 *   3. call `outpost_poll` if an event was delivered or the firmware's
 *      deadline has come; a deadline <= now means "poll again at once"
 *   4. jump straight to min(deadline, next scheduled action); time never
 *      moves in small steps, and an idle firmware (no deadline, nothing
 *      scheduled) lets `runFor` jump to its end
 *
 * Nothing depends on wall-clock time or on Map/Set iteration order of
 * anything but insertion, so the same firmware and the same stimuli give
 * identical histories.
 *
 * After a panic, trap or stall the firmware is never called again and time
 * stops; `runFor` returns normally and `panic` says what happened.
 * `load` is the only method that throws for a bad firmware.
 *
 * The task monitor (task-monitor.ts) reads every task after each call
 * into the firmware while `watchTasks` is on or an `onTask` listener is set;
 * otherwise only when asked, so a call costs the same with 10,000 tasks as
 * with one. `tasks()` shows state, polls, wakes, since when, and the await
 * site. Whenever the loop finds nothing scheduled it classifies the
 * firmware (liveness.ts); the first deadlock is kept in `deadlock`, and
 * time still runs on to the end of `runFor` (nothing can happen).
 */
import { type Board, DEFAULT_BOARD, loadBoard, resolveButton } from "../src/contract/boards.ts";
import { boardToRun, readBuildInfo } from "../src/contract/build-info.ts";
import { formatTime, toMicros } from "../src/contract/duration.ts";
import { OutpostError } from "../src/contract/errors.ts";
import { EVENT_GPIO_EDGE, EVENT_UART_ERROR, EVENT_UART_RX, EVENT_UART_TX, UART_OVERRUN } from "../src/contract/abi-codes.ts";
import type { AbiHost, Panic } from "./abi-host.ts";
import type { Bench, TimeSpec } from "./bench.ts";
import { type FirmwareRunner, loadRunner } from "./runner.ts";
import { Button } from "./button.ts";
import { EventQueue } from "./event-queue.ts";
import { Gpio } from "./gpio.ts";
import { type Liveness, assessLiveness } from "./liveness.ts";
import { siteIndex } from "./sites.ts";
import { type StateChange, type TaskInfo, TaskMonitor } from "./task-monitor.ts";
import type {
  ButtonHandle, Deadlock, LoadOptions, LogEntry, PinHandle, SimEvent, SimListeners, SimStats, UartHandle,
} from "./types.ts";
import { Uarts } from "./uart.ts";
import { Ring } from "./ring.ts";
import { grouped } from "../src/contract/grouped.ts";

/** Polls at one instant before the simulator calls it a stall: a task that never parks. */
export const STALL_POLLS = 100_000;
/** Entries each history keeps by default (LoadOptions.historyLimit). */
export const HISTORY_LIMIT = 100_000;
/** Log lines kept per second of virtual time by default (LoadOptions.logRate). */
export const LOG_RATE = 1_000;
const SECOND = 1_000_000;

export class Simulator implements SimListeners {
  readonly board: Board;
  private readonly seed: number;
  readonly historyLimit: number;
  private readonly logRate: number;
  private readonly logRing: Ring<LogEntry>;
  private readonly bench: Bench;
  /** The flood limit: lines kept in the current second of virtual time, and those dropped. */
  private logWindow = -1;
  private logsInWindow = 0;
  private logsDropped = 0;
  readonly stats: SimStats = { polls: 0, events: 0 };
  onPinChange?: SimListeners["onPinChange"];
  onUartByte?: SimListeners["onUartByte"];
  onLog?: SimListeners["onLog"];
  onEvent?: SimListeners["onEvent"];
  onUartReceive?: SimListeners["onUartReceive"];
  onTask?: SimListeners["onTask"];
  /** Read every task after every call into the firmware (see `LoadOptions.watchTasks`); may be switched at any time. */
  watchTasks = false;

  private time = 0;
  private deadline = -1;
  private readonly queue = new EventQueue<() => void>();
  private readonly pending: SimEvent[] = [];
  private readonly gpio: Gpio;
  private readonly uarts: Uarts;
  private readonly buttons = new Map<string, Button>();
  private firmware!: FirmwareRunner;
  private monitor!: TaskMonitor;
  private firstDeadlock: Deadlock | null = null;
  /** What the last call into the firmware was: an interrupt, or why it was polled; words only when a listener hears a wake. */
  private lastCall: SimEvent | "spawn" | "timer or task" | "task" = "spawn";

  private constructor(
    board: Board,
    seed: number,
    historyLimit: number,
    logRate: number,
  ) {
    this.board = board;
    this.seed = seed;
    this.historyLimit = historyLimit;
    this.logRate = logRate;
    this.logRing = new Ring(historyLimit);
    this.bench = {
      now: () => this.time,
      at: (time, action) => this.queue.push(time, action),
      raise: (source, arg, at) => void this.pending.push({ source, arg, at }),
      warn: (text) => this.log(2, `sim: ${text}`),
      historyLimit,
    };
    this.gpio = new Gpio(this.bench, board, (pin, level, at) => this.onPinChange?.(pin, level, at));
    this.uarts = new Uarts(
      this.bench,
      this.gpio,
      board,
      (uart, byte, at) => this.onUartByte?.(uart, byte, at),
      (uart, byte, at, fate) => this.onUartReceive?.(uart, byte, at, fate),
    );
  }

  /**
   * Instantiates and checks the firmware, runs `outpost_init`, then polls at t=0 until no task is ready.
   * `firmware` is a .wasm, or a build for an Espruino board (its text or bytes), which runs in the
   * Espruino host (espruino/runtime.ts) on the same board models.
   */
  static async load(firmware: Uint8Array | string, options: LoadOptions = {}): Promise<Simulator> {
    const limit = options.historyLimit ?? HISTORY_LIMIT;
    if (!Number.isSafeInteger(limit) || limit < 1) throw new OutpostError("USAGE", `historyLimit ${limit} must be a whole number >= 1`);
    const name = options.name ?? "firmware";
    // The board the build recorded; a different `board` is refused rather than silently simulated.
    const board = boardFor(firmware, name, options.board);
    const sim = new Simulator(board, options.seed ?? 1, limit, options.logRate ?? LOG_RATE);
    const { onPinChange, onUartByte, onLog, onEvent, onUartReceive, onTask } = options;
    Object.assign(sim, { onPinChange, onUartByte, onLog, onEvent, onUartReceive, onTask });
    sim.firmware = await loadRunner(firmware, sim.abiHost, sim.board, name, {
      text: options.text,
      watchdog: options.watchdog,
    });
    sim.watchTasks = options.watchTasks ?? false;
    sim.monitor = new TaskMonitor(sim.firmware, siteIndex(options.sites ?? []), {
      get onTask() {
        return sim.onTask;
      },
      get watchTasks() {
        return sim.watchTasks;
      },
      wakeCause: () => (typeof sim.lastCall === "string" ? sim.lastCall : sim.describe(sim.lastCall)),
    }, limit);
    sim.firmware.init();
    sim.monitor.sample(0); // always: what init spawned is the baseline that tells spawns from wakes
    sim.settle(true);
    return sim;
  }

  /**
   * Ends this simulator for good (`outpost fuzz` after each seed): the firmware is never called again
   * and its memory goes to the next simulator of the same firmware (memory-pool.ts). Read what you need first.
   */
  release(): void {
    this.firmware.release();
  }

  /** Log lines (the firmware's and the simulator's warnings), oldest first: the newest `historyLimit`. */
  get logs(): readonly LogEntry[] {
    return this.logRing.toArray();
  }

  /** Virtual time, µs. */
  get now(): number {
    return this.time;
  }

  get panic(): Panic | null {
    return this.firmware.panic;
  }

  /** The first deadlock the loop found (see liveness.ts), or null. */
  get deadlock(): Deadlock | null {
    return this.firstDeadlock;
  }

  /** Runs `d` of virtual time (µs or text like "500ms"). */
  runFor(d: TimeSpec): void {
    this.runTo(this.time + toMicros(d));
  }

  /** Runs until `cond` holds (checked after every instant) or `limit` has passed; true if it held. */
  runUntil(cond: (sim: Simulator) => boolean, limit: TimeSpec): boolean {
    const end = this.time + toMicros(limit);
    return cond(this) || this.runTo(end, cond);
  }

  pin(name: string): PinHandle {
    return this.gpio.byName(name);
  }

  button(name: string): ButtonHandle {
    let button = this.buttons.get(name);
    if (!button) {
      button = new Button(this.bench, this.gpio.byName(name), resolveButton(this.board, name), this.seed, name);
      this.buttons.set(name, button);
    }
    return button;
  }

  uart(name: string): UartHandle {
    return this.uarts.byName(name);
  }

  /** Every task slot: state, polls, wakes, since when, and the await site it is parked at (read now if not watching). */
  tasks(): TaskInfo[] {
    return this.monitor.tasks(this.time);
  }

  /** Task `id`'s changes of state as observed, oldest first; every task starts "free" at 0. */
  taskHistory(id: number): readonly StateChange[] {
    return this.monitor.history(id, this.time);
  }

  /** Running, idle, done, deadlock or stopped, right now (see liveness.ts). */
  liveness(): Liveness {
    return assessLiveness({
      stopped: this.panic !== null,
      next: this.nextTime(),
      inputs: [...this.gpio.listenedInputs(), ...this.uarts.listenedInputs()],
      tasks: () => this.tasks(),
    });
  }

  /** Virtual µs at which the loop next has work (an alarm, a scheduled action, an interrupt); Infinity for none. */
  nextTime(): number {
    if (this.pending.length > 0) return this.time;
    return Math.min(this.deadline >= 0 ? this.deadline : Infinity, this.queue.nextTime());
  }

  /** Pins in board order, for tools that show every pin (vcd.ts). */
  pins(): PinHandle[] {
    return this.gpio.all();
  }

  heapTop(): number {
    return this.firmware.heapTop();
  }

  /** False for a release build (outpost build --release): it has no task introspection, so `tasks()` is empty and no deadlock is reported. */
  get introspects(): boolean {
    return this.firmware.introspects;
  }

  private runTo(end: number, cond?: (sim: Simulator) => boolean): boolean {
    while (!this.panic) {
      this.settle(false);
      if (!this.firstDeadlock && this.nextTime() === Infinity) this.checkDeadlock();
      if (cond?.(this)) return true;
      if (this.panic) break;
      const next = this.nextTime();
      if (next > end) {
        this.time = end;
        break;
      }
      this.time = next;
    }
    return false;
  }

  /** Steps 1–3 of the loop at the current instant, until the firmware has nothing to do now. */
  private settle(forcePoll: boolean): void {
    let polls = 0;
    let poll = forcePoll;
    while (!this.panic) {
      for (let action; (action = this.queue.popDue(this.time)); ) action();
      poll = this.deliver() || poll || (this.deadline >= 0 && this.deadline <= this.time);
      if (!poll || this.panic) return;
      const due = this.deadline >= 0 && this.deadline <= this.time;
      this.deadline = this.firmware.poll();
      this.stats.polls++;
      this.lastCall = due ? "timer or task" : "task";
      this.monitor.afterCall(this.time);
      poll = false;
      if (++polls >= STALL_POLLS && this.deadline >= 0 && this.deadline <= this.time) return this.stall();
    }
  }

  /** Delivers queued interrupts; true if there were any. */
  private deliver(): boolean {
    if (this.pending.length === 0) return false;
    for (let e; !this.panic && (e = this.pending.shift()); ) {
      this.firmware.event(e.source, e.arg, e.at);
      this.stats.events++;
      this.lastCall = e;
      this.monitor.afterCall(this.time);
      this.onEvent?.(e);
    }
    return true;
  }

  private checkDeadlock(): void {
    const state = this.liveness();
    if (state.kind === "deadlock") this.firstDeadlock = { at: this.time, parked: state.parked };
  }

  /** An interrupt in words, e.g. "GPIO_EDGE BTN1 low" or "UART_RX UART0". */
  private describe(e: SimEvent): string {
    const uart = (): string => this.uarts.nameOf(e.arg & 0xff);
    switch (e.source) {
      case EVENT_GPIO_EDGE:
        return `GPIO_EDGE ${this.gpio.byNumber(e.arg & 0xffff)?.label ?? e.arg & 0xffff} ${e.arg >>> 16 ? "high" : "low"}`;
      case EVENT_UART_RX:
        return `UART_RX ${uart()}`;
      case EVENT_UART_TX:
        return `UART_TX ${uart()}`;
      case EVENT_UART_ERROR:
        return `UART_ERROR ${uart()} ${e.arg >> 8 === UART_OVERRUN ? "overrun" : "framing"}`;
      default:
        return `event ${e.source}`;
    }
  }

  private stall(): void {
    const ready = this.tasks().filter((t) => t.state === "ready").map((t) => t.name);
    this.firmware.stop(
      "STALL",
      `virtual time cannot advance: outpost_poll returned a deadline at or before now ${STALL_POLLS} times in a row at ` +
        `${formatTime(this.time).trim()}s; a task that never waits keeps the executor busy` +
        (ready.length > 0 ? ` (ready: ${[...new Set(ready)].join(", ")})` : ""),
      null,
    );
  }

  /**
   * Keeps a log line and tells `onLog`, unless more than `logRate` came in this second of
   * virtual time: then it is counted, and when the second is over one warning says how many
   * were dropped (at a time that depends on virtual time only, so runs stay identical).
   */
  private log(level: number, text: string): void {
    const window = Math.floor(this.time / SECOND);
    if (window !== this.logWindow) {
      this.logWindow = window;
      this.logsInWindow = 0;
    }
    if (this.logRate > 0 && ++this.logsInWindow > this.logRate) {
      if (this.logsDropped++ === 0) this.queue.push((window + 1) * SECOND, this.reportDroppedLogs);
      return;
    }
    this.keep({ at: this.time, level, text });
  }

  private keep(entry: LogEntry): void {
    this.logRing.push(entry);
    this.onLog?.(entry);
  }

  private readonly reportDroppedLogs = (): void => {
    const dropped = this.logsDropped;
    this.logsDropped = 0;
    const from = formatTime(this.time - SECOND).trim();
    this.keep({
      at: this.time,
      level: 2,
      text: `sim: ${grouped(dropped)} log line${dropped === 1 ? "" : "s"} dropped between ${from}s and ${formatTime(this.time).trim()}s ` +
        `(more than ${grouped(this.logRate)} in one second of virtual time)`,
    });
  };


  private readonly abiHost: AbiHost = {
    nowUs: () => this.time,
    gpioConfigure: (pin, mode) => this.gpio.configure(pin, mode),
    gpioMustBeConfigured: (pin, call) => this.gpio.mustBeConfigured(pin, call),
    gpioWrite: (pin, level) => this.gpio.write(pin, level),
    gpioRead: (pin) => this.gpio.read(pin),
    gpioListen: (pin, edges) => this.gpio.listen(pin, edges),
    uartConfigure: (port, baud, flags) => this.uarts.configure(port, baud, flags),
    uartWrite: (port, bytes) => this.uarts.port(port, "uart_write").write(bytes),
    uartRead: (port, max) => this.uarts.port(port, "uart_read").read(max),
    uartListen: (port, events) => this.uarts.port(port, "uart_listen").listen(events),
    log: (level, text) => this.log(level, text),
  };
}

/**
 * The board to simulate: `asked` itself when it is a board already loaded and the build records
 * it (or no board), so that loading a simulator per fuzz seed reads no files; else the board read
 * and checked by name (the errors of `boardToRun`).
 */
function boardFor(firmware: Uint8Array | string, name: string, asked: string | Board | undefined): Board {
  const recorded = readBuildInfo(firmware, name);
  if (typeof asked === "object" && (recorded === null || recorded.board === asked.name)) return asked;
  const option = typeof asked === "object" ? asked.name : asked;
  return loadBoard(boardToRun(recorded, name, { option }, DEFAULT_BOARD));
}
