/**
 * The simulator's side of Outpost ABI v1 (boards/ABI.md): loads a firmware
 * module, provides its `outpost` imports, and calls its exports.
 *
 * Who calls: `Simulator` only. It implements `AbiHost` (the peripherals)
 * and drives `Firmware` (init, poll, event, introspection).
 *
 * At the boundary: time crosses as i64 (BigInt) and is a JS number of µs
 * inside the host; strings are UTF-8 (ptr, len) and every pointer is
 * bounds-checked. Calls are never nested: imports only touch the models,
 * and task names for a panic are read after the failing call has unwound.
 *
 * Once the firmware panics, traps or breaks a host-checked rule, `panic` is
 * set and every later call is skipped: the firmware never runs again.
 *
 * Introspection exports are read one task at a time (`taskState`, `taskPolls`,
 * `taskSite`, `taskName`); `outpost_task_site` is optional, and a firmware
 * without it reports no await sites (null).
 */
import { OutpostError } from "../src/contract/errors.ts";
import {
  ABI_VERSION, LAST_DEADLINE, NO_DEADLINE, type PanicCode, TASK_STATES, type TaskState, panicCodeName,
} from "../src/contract/abi-codes.ts";
import { HostFault } from "./fault.ts";
import { DEFAULT_WATCHDOG, FUEL_EXPORT, START_EXPORT, watchdogMessage } from "../src/contract/fuel.ts";
import { prepareModule } from "./module-cache.ts";
import type { MemoryPool } from "./memory-pool.ts";
import { MEMORY_MODULE, MEMORY_NAME } from "../src/contract/memory-import.ts";
import { type WasmGlobal, type WasmImports, type WasmInstance, type WasmMemory, isTrap, wasm } from "../src/contract/wasm-api.ts";
import { expandText } from "../src/contract/deferred-text.ts";
import { trapWords } from "../src/contract/traps.ts";

/** The peripherals behind the imports. */
export interface AbiHost {
  nowUs(): number;
  gpioConfigure(pin: number, mode: number): number;
  /** Throws a HostFault (PERIPHERAL) unless the firmware has configured `pin`: the rule of every other gpio_* import. */
  gpioMustBeConfigured(pin: number, call: string): void;
  gpioWrite(pin: number, level: number): void;
  gpioRead(pin: number): number;
  gpioListen(pin: number, edges: number): void;
  uartConfigure(port: number, baud: number, flags: number): number;
  /** Takes what fits from `bytes` (a view of firmware memory, valid for this call only). */
  uartWrite(port: number, bytes: Uint8Array): number;
  uartRead(port: number, max: number): number[];
  uartListen(port: number, events: number): void;
  log(level: number, text: string): void;
}

export interface Panic {
  code: PanicCode;
  message: string;
  /** Source position from the firmware's `panic` call; "" and 0 when unknown (traps). */
  file: string;
  line: number;
  column: number;
  /** The task that was running, by name; null outside a task, and for a release build, which has no names. */
  task: string | null;
  /** The running task's id when the firmware said (its `panic` call); -1 outside a task. */
  taskId?: number;
  /** Virtual time of the panic, µs. */
  at: number;
  /** A trap's place in the module (`poll (wasm-function[7]:0x1a4)`), which only this host knows. */
  where?: string;
}

/** The exports of ABI v1 (boards/ABI.md), as any host sees them. */
export interface AbiExports {
  memory: WasmMemory;
  outpost_abi_version(): number;
  outpost_init(): void;
  outpost_poll(): bigint;
  outpost_event(source: number, arg: number, at: bigint): void;
  // Introspection: every build has these but a release build (outpost build --release).
  outpost_task_count?(): number;
  outpost_task_name?(id: number): number;
  outpost_task_state?(id: number): number;
  outpost_task_polls?(id: number): number;
  outpost_current_task?(): number;
  outpost_scratch?(): number;
  outpost_heap_top?(): number;
  /** The await site a task last parked at (-1: none). */
  outpost_task_site?(id: number): number;
  /** A task's await chain: site ids written to the scratch buffer as i32s, outermost first; the count (-1: no such task). */
  outpost_task_chain?(id: number): number;
}


export interface FirmwareOptions {
  /** The build's deferred-text table, for boards that keep message literals on the host. */
  text?: readonly string[];
  /** Loop iterations per call before the watchdog fires; 0 turns it off. Default DEFAULT_WATCHDOG. */
  watchdog?: number;
}

/** What a `panic` import reported, before the task id is turned into a name. */
type PanicReport = Omit<Panic, "task"> & { taskId: number };

export class Firmware {
  private readonly host: AbiHost;
  readonly name: string;
  private readonly textTable: readonly string[] | undefined;
  readonly watchdog: number;
  panic: Panic | null = null;
  private exports: AbiExports | null = null;
  private report: PanicReport | null = null;
  /** The watchdog's fuel (fuel.ts); null without one. */
  private fuel: WasmGlobal | null = null;
  /** The memory handed in (module-cache.ts), and the pool it goes back to on `release`; null when the module defines its own. */
  private memory: WasmMemory | null = null;
  private pool: MemoryPool | null = null;
  /** The export being called, for the watchdog's message. */
  private during = "the start function";

  private constructor(
    host: AbiHost,
    name: string,
    textTable: readonly string[] | undefined,
    /** Loop iterations per call; 0: no watchdog. */
    watchdog: number,
  ) {
    this.host = host;
    this.name = name;
    this.textTable = textTable;
    this.watchdog = watchdog;
  }

  /**
   * Compiles, checks (boards/ABI.md, "Checked at load") and instruments (fuel.ts) a firmware,
   * once per content (module-cache.ts), and links it; OutpostError for anything that is not ABI v1 firmware. `text` is the build's
   * deferred-text table, for boards that keep message literals on the host.
   */
  static async load(bytes: Uint8Array, host: AbiHost, name: string, options: FirmwareOptions = {}): Promise<Firmware> {
    const fw = new Firmware(host, name, options.text, options.watchdog ?? DEFAULT_WATCHDOG);
    const { module, unguarded, memory } = await prepareModule(bytes, name, fw.watchdog);
    if (unguarded) host.log(2, `sim: the watchdog cannot instrument ${name} (exception handling, a table holding an imported function, or instructions it cannot read): it runs without one`);
    let instance: WasmInstance;
    try {
      const imports: WasmImports = { outpost: fw.imports() };
      if (memory) (fw.pool = memory), (fw.memory = memory.take()), (imports[MEMORY_MODULE] = { [MEMORY_NAME]: fw.memory });
      instance = await wasm.instantiate(module, imports);
    } catch (e) {
      if (e instanceof wasm.LinkError) {
        throw new OutpostError("NOT_OUTPOST_FIRMWARE", `${name} cannot be linked by this host (${e.message}): build it with outpost build`);
      }
      fw.fail(e); // an uninstrumented start function trapped or panicked
      return fw;
    }
    fw.fuel = (instance.exports[FUEL_EXPORT] as WasmGlobal | undefined) ?? null;
    fw.exports = instance.exports as unknown as AbiExports;
    const start = instance.exports[START_EXPORT] as (() => void) | undefined;
    if (start) fw.call(start, "the start function");
    if (!fw.panic) checkVersion(fw, name);
    return fw;
  }

  /**
   * Ends this run for good: the firmware is never called again and its memory goes back to the pool
   * for the next load of the same module (memory-pool.ts). Nothing may read this firmware afterwards.
   */
  release(): void {
    this.exports = null;
    if (this.memory && this.pool) this.pool.give(this.memory);
    this.memory = null;
  }

  init(): void {
    const x = this.exports;
    if (x) this.call(() => x.outpost_init(), "outpost_init");
  }

  // poll and event run once per simulated instant and interrupt: the rule of `call`, written out
  // without a closure.

  /** Runs ready tasks; the next deadline in µs, or -1 (also after a panic). */
  poll(): number {
    const x = this.exports;
    if (this.panic || !x) return -1;
    this.during = "outpost_poll";
    try {
      const next = Number(x.outpost_poll());
      return this.completed() ? deadline(next) : -1;
    } catch (e) {
      this.fail(e);
      return -1;
    }
  }

  event(source: number, arg: number, at: number): void {
    const x = this.exports;
    if (this.panic || !x) return;
    this.during = "outpost_event";
    try {
      x.outpost_event(source, arg, BigInt(at));
      this.completed();
    } catch (e) {
      this.fail(e);
    }
  }

  /** `outpost_abi_version()`; undefined if it panicked or trapped (then `panic` says why). */
  abiVersion(): number | undefined {
    const x = this.exports;
    return x ? this.call(() => x.outpost_abi_version(), "outpost_abi_version") : undefined;
  }

  /** Stops the firmware for a reason the host found outside any call (e.g. a stall). */
  stop(code: PanicCode, message: string, task: string | null): void {
    this.panic ??= { code, message, file: "", line: 0, column: 0, task, at: this.host.nowUs() };
  }

  /** Task slots; 0 before instantiation and for a firmware broken by a trap that no longer answers. */
  taskCount(): number {
    return this.read((x) => x.outpost_task_count!(), 0);
  }

  /** Whether the firmware answers the task introspection exports (a release build does not). */
  get introspects(): boolean {
    return typeof this.exports?.outpost_task_count === "function";
  }

  // taskState and taskPolls run for every task at every watched sample (task-monitor.ts): no closure, no allocation.
  taskState(id: number): TaskState {
    const x = this.exports;
    if (!x) return "free";
    try {
      return TASK_STATES[x.outpost_task_state!(id)] ?? "free";
    } catch {
      return "free";
    }
  }

  /** Polls so far (the firmware's u32 counter). */
  taskPolls(id: number): number {
    const x = this.exports;
    if (!x) return 0;
    try {
      return x.outpost_task_polls!(id) >>> 0;
    } catch {
      return 0;
    }
  }

  /** The await site the task last parked at: -1 for none, null when the firmware does not export `outpost_task_site`. */
  taskSite(id: number): number | null {
    return this.read((x) => (x.outpost_task_site ? x.outpost_task_site(id) : null), null);
  }

  /**
   * The task's await chain (src/runtime/chain.ts): the site ids of the
   * awaits its frames are parked at, outermost first; for a task an error
   * escaped, the chain of its throw. Null when the firmware does not export
   * `outpost_task_chain` (a release build) or cannot answer.
   */
  taskChain(id: number): number[] | null {
    const x = this.exports;
    if (!x?.outpost_task_chain || !x.outpost_scratch) return null;
    try {
      const n = x.outpost_task_chain(id);
      if (n < 0) return null;
      const bytes = this.bytes(x.outpost_scratch(), n * 4, "outpost_task_chain");
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      return Array.from({ length: n }, (_, i) => view.getInt32(i * 4, true));
    } catch {
      return null;
    }
  }

  /** The allocator's bump pointer; 0 for a firmware that does not export it. */
  heapTop(): number {
    return this.read((x) => x.outpost_heap_top!() >>> 0, 0);
  }

  /** Runs one export (`during` names it) under the rule above, with a full watchdog budget; undefined if it did not complete. */
  private call<T>(run: () => T, during: string): T | undefined {
    if (this.panic) return undefined;
    this.during = during;
    try {
      const result = run();
      return this.completed() ? result : undefined;
    } catch (e) {
      this.fail(e);
      return undefined;
    }
  }

  /** After an export returned: false if the firmware has panicked (also when `panic` returned and the firmware went on: it is stopped anyway). */
  private completed(): boolean {
    if (this.report) this.fail(null);
    return this.panic === null;
  }

  /** Turns a failed call (or a panic report) into `panic`; rethrows host bugs. */
  private fail(e: unknown): void {
    const at = this.host.nowUs();
    if (this.report) {
      this.panic = { ...this.report, task: this.report.taskId < 0 ? null : this.taskName(this.report.taskId) };
    } else if (e instanceof HostFault) {
      this.panic = { code: e.code, message: e.message, file: "", line: 0, column: 0, ...this.currentTask(), at };
    } else if (isTrap(e) && this.fuel?.value === -1) {
      const message = watchdogMessage(this.during, this.watchdog);
      this.panic = { code: "WATCHDOG", message, file: "", line: 0, column: 0, ...this.currentTask(), at };
    } else if (isTrap(e)) {
      // In the words every host uses (src/contract/traps.ts); where it happened on a line of its own.
      const where = firmwareCallers(e.stack ?? "") ?? trapLocation(e);
      this.panic = { code: "TRAP", message: trapWords(e.message), file: "", line: 0, column: 0, ...this.currentTask(), at };
      if (where) this.panic.where = where;
    } else {
      throw e;
    }
  }

  /** The running task by name (null for a release build or outside a task) and id (-1 outside a task). */
  private currentTask(): { task: string | null; taskId: number } {
    try {
      const id = this.exports?.outpost_current_task?.() ?? -1;
      return { task: id < 0 ? null : this.taskName(id), taskId: id };
    } catch {
      return { task: null, taskId: -1 };
    }
  }

  /** Runs an introspection export; `fallback` when there is no instance or it throws (a firmware broken by a trap). */
  private read<T>(run: (x: AbiExports) => T, fallback: T): T {
    if (!this.exports) return fallback;
    try {
      return run(this.exports);
    } catch {
      return fallback;
    }
  }

  /** The task's name (its pool's), or null for a bad id or a release build (no names). */
  taskName(id: number): string | null {
    const x = this.exports;
    if (!x?.outpost_task_name || !x.outpost_scratch) return null;
    try {
      const len = x.outpost_task_name(id);
      return len < 0 ? null : this.text(x.outpost_scratch(), len, "outpost_task_name");
    } catch {
      return null;
    }
  }

  /** A bounds-checked view of firmware memory; valid until the next call into the firmware. */
  private bytes(ptr: number, len: number, call: string): Uint8Array {
    const memory = this.exports?.memory.buffer;
    const start = ptr >>> 0;
    if (!memory || len < 0 || start + len > memory.byteLength) {
      const size = memory ? `${memory.byteLength} bytes` : "not yet exported";
      throw new HostFault("ABI_VIOLATION", `${call} passed bytes [${start}, ${start + len}) outside the firmware's memory (${size})`);
    }
    return new Uint8Array(memory, start, len);
  }

  private text(ptr: number, len: number, call: string): string {
    return expandText(this.bytes(ptr, len, call), this.textTable);
  }

  /** The `outpost` imports (abiContractProblem has made sure the firmware asks for no others). */
  private imports(): Record<string, unknown> {
    const h = this.host;
    const outpost: Record<string, unknown> = {
      now_us: () => BigInt(h.nowUs()),
      gpio_configure: (pin: number, mode: number) => h.gpioConfigure(pin, mode),
      gpio_write: (pin: number, level: number) => {
        h.gpioMustBeConfigured(pin, "gpio_write");
        h.gpioWrite(pin, level);
      },
      gpio_read: (pin: number) => {
        h.gpioMustBeConfigured(pin, "gpio_read");
        return h.gpioRead(pin);
      },
      gpio_listen: (pin: number, edges: number) => {
        h.gpioMustBeConfigured(pin, "gpio_listen");
        h.gpioListen(pin, edges);
      },
      uart_configure: (port: number, baud: number, flags: number) => h.uartConfigure(port, baud, flags),
      uart_write: (port: number, ptr: number, len: number) => h.uartWrite(port, this.bytes(ptr, len, "uart_write")),
      uart_read: (port: number, ptr: number, len: number) => {
        const into = this.bytes(ptr, len, "uart_read");
        const taken = h.uartRead(port, len);
        into.set(taken);
        return taken.length;
      },
      uart_listen: (port: number, events: number) => h.uartListen(port, events),
      log: (level: number, ptr: number, len: number) => h.log(level, this.text(ptr, len, "log")),
      panic: (code: number, task: number, msg: number, msgLen: number, file: number, fileLen: number, line: number, column: number) => {
        const read = (p: number, n: number): string => {
          try {
            return this.text(p, n, "panic");
          } catch {
            return ""; // during the start function memory is not reachable yet
          }
        };
        const name = panicCodeName(code);
        const message = read(msg, msgLen);
        this.report = {
          code: name,
          message: name === "UNKNOWN" ? `panic code ${code}: ${message}` : message,
          file: read(file, fileLen),
          line,
          column,
          taskId: task,
          at: h.nowUs(),
        };
        // An allocation after init happens in the allocator: what called it is what to change.
        const callers = name === "ALLOC_AFTER_INIT" ? firmwareCallers(new Error().stack ?? "") : null;
        if (callers) this.report.where = callers;
      },
    };
    return outpost;
  }
}


/** Refuses anything but ABI v1 (the export is known to return an i32: abiContractProblem). */
function checkVersion(fw: Firmware, name: string): void {
  const version = fw.abiVersion();
  if (version !== undefined && version !== ABI_VERSION) {
    throw new OutpostError(
      "ABI_MISMATCH",
      `${name}: firmware speaks ABI v${version}, this host speaks ABI v${ABI_VERSION}: rebuild the firmware with this Outpost version`,
    );
  }
}

/** `outpost_poll`'s result as the loop's deadline: -1 for none (also past LAST_DEADLINE); other negatives break the ABI. */
function deadline(next: number): number {
  if (next >= 0) return next > LAST_DEADLINE ? NO_DEADLINE : next;
  if (next === NO_DEADLINE) return NO_DEADLINE;
  throw new HostFault("ABI_VIOLATION", `outpost_poll returned ${next}: a deadline is a time in µs (>= 0) or -1 for none`);
}

/**
 * The firmware's functions that were running when it panicked or trapped,
 * from a stack through its code (names come from the module's name section,
 * which quick builds keep): innermost first, up to the async function or
 * task being polled, e.g. `Array<i32>.push ← enqueue ← sampler
 * (wasm-function[119]:0x1a60)`. Outpost's runtime and allocator are left out
 * when the firmware's own code is on the stack (an allocation after init is
 * the allocator's panic, but the call to change is the firmware's), and a run
 * of standard-library frames shows as the one call the firmware made. Null
 * when the module has no names.
 */
export function firmwareCallers(stack: string): string | null {
  const frames = [...stack.matchAll(/at (\S.*?) \(wasm:\/\/[^:]*:(wasm-function\[\d+\]:0x[0-9a-f]+)\)/g)].map((m) => ({ name: m[1]!, at: m[2]! }));
  const runtime = (name: string) => /^~lib\/(outpost|rt)\//.test(name);
  const own = frames.some((f) => !runtime(f.name) && !/^\$?\d+$/.test(f.name));
  if (!own) return null;
  const shown: string[] = [];
  let place: string | null = null;
  let std: (typeof frames)[number] | null = null;
  for (const f of frames) {
    if (runtime(f.name)) continue;
    if (/^outpost_/.test(readableName(f.name))) break; // the ABI export the host called (outpost_init runs main)
    if (f.name.startsWith("~lib/")) {
      std = f; // the outermost of a run of std frames is the call the firmware made
      continue;
    }
    for (const g of std ? [std, f] : [f]) {
      shown.push(readableName(g.name));
      place ??= g.at;
    }
    std = null;
    if (/\$poll$/.test(f.name) || shown.length >= 5) break;
  }
  if (std) {
    shown.push(readableName(std.name));
    place ??= std.at;
  }
  return `${shown.join(" ← ")} (${place})`;
}

/** asc's internal name of a function as its source names it: `~lib/array/Array<~lib/string/String>#push` → `Array<String>.push`, `app/t$poll` → `t`. */
function readableName(name: string): string {
  return name.replace(/~lib\/(?:[\w.-]+\/)*/g, "").replace(/^(?:[^<>]*\/)+/, "").replace(/\$poll$/, "").replace(/#/g, ".");
}

/** The innermost Wasm frame of a trap's stack, e.g. `$poll (wasm-function[7]:0x1a4)`. */
function trapLocation(e: Error): string | null {
  const frame = (e.stack ?? "").split("\n").find((l) => l.includes("wasm://") || l.includes("wasm-function"));
  if (!frame) return null;
  const m = /at (\S+) \(wasm:\/\/[^:]*:(wasm-function\[\d+\]:0x[0-9a-f]+)\)/.exec(frame);
  if (m) return `${readableName(m[1]!)} (${m[2]})`;
  const anon = /(wasm-function\[\d+\]:0x[0-9a-f]+)/.exec(frame);
  return anon ? anon[1]! : null;
}
