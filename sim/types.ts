/**
 * The simulator's public types: what a test or the CLI holds in its hands.
 * Times are virtual µs (integers); a `TimeSpec` may also be text ("500ms").
 * The models in gpio.ts, button.ts and uart.ts implement these handles.
 */
import type { Board } from "../src/contract/boards.ts";
import type { TimeSpec } from "./bench.ts";
import type { Level, LevelChange, PinMode } from "./gpio.ts";
import type { TaskEvent, TaskInfo } from "./task-monitor.ts";
import type { SiteInfo } from "./sites.ts";
import type { RxFate, SendOptions, TxRecord } from "./uart.ts";

export type { TimeSpec, Level, LevelChange, PinMode, RxFate, SendOptions, SiteInfo, TaskEvent, TxRecord };
export type { Panic } from "./abi-host.ts";
export type { TaskInfo, StateChange, SiteRef } from "./task-monitor.ts";
export type { Liveness } from "./liveness.ts";
export type { PanicCode, TaskState } from "../src/contract/abi-codes.ts";

/** What the simulator tells as it runs; set them in `LoadOptions` to hear about `outpost_init` too. */
export interface SimListeners {
  onPinChange?: (pin: string, level: Level, at: number) => void;
  onUartByte?: (uart: string, byte: number, at: number) => void;
  onLog?: (entry: LogEntry) => void;
  onEvent?: (event: SimEvent) => void;
  /** A byte reached a UART's RX line: into the FIFO, or lost. */
  onUartReceive?: (uart: string, byte: number, at: number, fate: RxFate) => void;
  /** A task was polled, woken or changed state (observed after each call into the firmware; setting it makes the monitor watch). */
  onTask?: (event: TaskEvent) => void;
}

export interface LoadOptions extends SimListeners {
  /**
   * Board name (boards/<name>/board.json). Default: the board the firmware's build recorded
   * (src/contract/build-info.ts), else "sim"; a board other than the recorded one is refused.
   * A board already loaded (`loadBoard`) is used as it is: a caller that loads many simulators
   * (outpost fuzz, a seed each) reads and checks its board.json once.
   */
  board?: string | Board;
  /** Seeds button bounce; same seed, same edges. Default 1. */
  seed?: number;
  /** How error messages name the firmware, e.g. its path. Default "firmware". */
  name?: string;
  /** The build's await-site table (sites.ts), so tasks show the source line they are parked at. */
  sites?: readonly SiteInfo[];
  /**
   * The build's deferred-text table (`CompileResult.text`, or build/<name>.text.json), for
   * boards whose firmware sends message literals by index; without it they print as `{#12}`.
   */
  text?: readonly string[];
  /**
   * Read every task after every call into the firmware, so that `taskHistory` holds every change of
   * state and `since` is the µs of the change (task-monitor.ts). Costs two export calls per task per
   * call. Default false: tasks are read when asked (`tasks()`, `liveness()`, `taskHistory()`), with
   * the same states, polls, wakes and sites. An `onTask` listener watches whatever this says.
   */
  watchTasks?: boolean;
  /**
   * The watchdog: how many loop iterations one call into the firmware (its start function,
   * `outpost_init`, `outpost_poll`, `outpost_event`) may run before it is stopped with a
   * WATCHDOG panic naming the task. 0 turns it off. Default 10,000,000 (DEFAULT_WATCHDOG).
   */
  watchdog?: number;
  /**
   * How much of a run the simulator keeps (ring.ts): the newest N changes of each pin and
   * task, transmitted bytes of each UART, and log lines. Default 100,000 (HISTORY_LIMIT), so that
   * memory stays bounded however long the run; what needs all of it streams it (vcd.ts).
   */
  historyLimit?: number;
  /**
   * Log lines kept per second of virtual time; beyond that they are dropped and counted, and a
   * warning says how many at the end of that second. Default 1,000 (LOG_RATE); 0: no limit.
   */
  logRate?: number;
}

/** Every task was parked with nothing left to wake one (liveness.ts), first seen at `at`. */
export interface Deadlock {
  at: number;
  parked: TaskInfo[];
}

export interface PinHandle {
  /** The name a person uses for the pin: its alias if it has one ("LED1"), else its own ("P4"). */
  readonly label: string;
  /** The pin number the ABI uses. */
  readonly number: number;
  readonly level: Level;
  readonly mode: PinMode;
  /** Every change of level, oldest first: the newest `historyLimit` (LoadOptions). Pins start low. */
  readonly history: readonly LevelChange[];
  /** How many times the level has changed, kept in `history` or not. */
  readonly changeCount: number;
  /** Drives the pin from outside at `at` (default now); `null` lets go. */
  drive(level: Level | null, at?: TimeSpec): void;
}

export interface ButtonHandle {
  /** Contact bounce after each press or release, ms; 0 for none. Starts at the board's value. */
  bounceMs: number;
  press(at?: TimeSpec): void;
  release(at?: TimeSpec): void;
  /** Press at `at`, release `hold` later. */
  tap(at: TimeSpec, hold: TimeSpec): void;
}

export interface UartHandle {
  /** The configured baud; 0 while the firmware has not configured the port. */
  readonly baud: number;
  /** Transmitted bytes, decoded as UTF-8 (the newest `historyLimit`, as `bytes`). */
  readonly output: string;
  /** Transmitted bytes, oldest first: the newest `historyLimit` (LoadOptions). */
  readonly bytes: readonly number[];
  /** Each transmitted byte with the µs its stop bit ended (the newest `historyLimit`). */
  readonly txLog: readonly TxRecord[];
  /** How many bytes have been transmitted, kept or not. */
  readonly sent: number;
  /** The kept transmitted bytes from the `index`-th ever sent on. */
  bytesSince(index: number): number[];
  /** Sends bytes to the firmware, back to back from `at` at the sender's baud. */
  send(data: string | Uint8Array, options?: SendOptions): void;
  /** Received bytes lost because the RX FIFO was full. */
  readonly overruns: number;
  /** Received bytes lost because the sender's baud did not match. */
  readonly framingErrors: number;
  /** Received bytes lost because the port was not configured. */
  readonly dropped: number;
  /** Bytes waiting in the RX FIFO. */
  readonly rxQueued: number;
  /** Bytes the firmware has read. */
  readonly rxRead: number;
}

export interface LogEntry {
  at: number;
  /** 1 error, 2 warn, 3 info, 4 debug. Simulator warnings are level 2 and start with "sim: ". */
  level: number;
  text: string;
}

/** An interrupt delivered through `outpost_event`. */
export interface SimEvent {
  source: number;
  arg: number;
  at: number;
}

export interface SimStats {
  /** Calls of `outpost_poll`. */
  polls: number;
  /** Calls of `outpost_event`. */
  events: number;
}
