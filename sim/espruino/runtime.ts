/**
 * The simulator's Espruino host: runs a firmware built for an Espruino
 * board (the .js of `outpost build --board <espruino board>`) in a fresh
 * realm (realm.ts: a Node `vm` context, an iframe in the browser page) that
 * offers only Espruino's globals (context.ts), on
 * the same board models as the Wasm host: pins, buttons, UART FIFOs,
 * virtual time.
 *
 * Who calls: `Simulator.load`, through runner.ts. It plays the part that
 * `Firmware` (abi-host.ts) plays for Wasm, with the same methods, mapped
 * onto Espruino's event loop:
 *
 *   Firmware            EspruinoFirmware
 *   init()              run the script (the glue starts the firmware at its end)
 *   event(s, arg, at)   GPIO_EDGE → queue the setWatch callbacks of that pin and edge
 *                       UART_RX   → queue the serial device's `data` callback
 *                       UART_TX   → the device sends bytes it still holds
 *                       UART_ERROR kind 2 → queue its `framing` callback
 *   poll()              one round of the event loop (loop.ts); the next timer is the deadline
 *
 * The glue reports a panic or trap with one console line (`PANIC …` or
 * `TRAP …`), which becomes `panic`, then the task's await chain as site
 * ids (`    await chain: task "x" → await site 6 → …`), which becomes that
 * task's chain; other console lines are logs (`info: …` at its level). An exception that escapes a callback stops the
 * firmware as a TRAP (Espruino would print it and carry on). Task
 * introspection (states, polls, names, await sites and chains) calls the
 * firmware's ABI exports through the names the build's manifest line
 * records.
 */
import { OutpostError } from "../../src/contract/errors.ts";
import type { Board } from "../../src/contract/boards.ts";
import { expandText } from "../../src/contract/deferred-text.ts";
import { espruinoSpec } from "../../src/contract/espruino-board.ts";
import { inBoardWords } from "../../src/contract/host-rules.ts";
import { WASM_TRAP_MESSAGES } from "../../src/contract/espruino-traps.ts";
import { trapWords } from "../../src/contract/traps.ts";
import { type EspruinoManifest, checkedManifest, exportPlace, hasManifestLine } from "../../src/contract/espruino-manifest.ts";
import { hasWasmHeader } from "../../src/contract/wasm-binary.ts";
import {
  ABI_VERSION, EVENT_GPIO_EDGE, EVENT_UART_ERROR, EVENT_UART_RX, EVENT_UART_TX, type PanicCode, TASK_STATES, type TaskState,
  panicCodeName,
} from "../../src/contract/abi-codes.ts";
import type { AbiHost, Panic } from "../abi-host.ts";
import { createEspruinoContext } from "./context.ts";
import { espruinoContractProblem } from "./contract.ts";
import { EventLoop } from "./loop.ts";
import type { Realm } from "./realm.ts";
import { SerialDevice } from "./serial.ts";
import { Watches } from "./watches.ts";

const LOG_LEVELS: Record<string, number> = { error: 1, warn: 2, info: 3, debug: 4 };

export class EspruinoFirmware {
  private readonly script: string;
  private readonly host: AbiHost;
  readonly board: Board;
  readonly name: string;
  panic: Panic | null = null;
  readonly introspects = true;
  /** The await chain the glue printed under its panic report (`    await chain: task "x" → await site 6 → …`), as site ids. */
  private panicChain: number[] | null = null;
  private readonly exports: Set<string>;
  private readonly loop: EventLoop;
  private readonly watches: Watches;
  private readonly serials = new Map<number, SerialDevice>();
  private readonly realm: Realm;
  private readonly manifest: EspruinoManifest;

  private constructor(
    script: string,
    host: AbiHost,
    board: Board,
    name: string,
  ) {
    this.script = script;
    this.host = host;
    this.board = board;
    this.name = name;
    this.manifest = checkedManifest(script, board.name, {
      notOutpost: `${name} is not an Outpost firmware for Espruino (its last line is not //outpost:{…}): build it with outpost build --board ${board.name}`,
      abi: {
        version: ABI_VERSION,
        mismatch: (found) => `${name}: firmware speaks ABI v${found}, this host speaks ABI v${ABI_VERSION}: rebuild the firmware with this Outpost version`,
      },
      otherBoard: (built) => `${name} was built for board "${built}", not "${board.name}": run it with --board ${built} or rebuild it`,
    });
    this.exports = new Set(Object.keys(this.manifest.exports));
    const problem = espruinoContractProblem(script, this.manifest);
    if (problem !== null) {
      throw new OutpostError(
        "NOT_OUTPOST_FIRMWARE",
        `${name} is not an Outpost firmware: ${problem} (see boards/ABI.md): build it with outpost build --board ${board.name}`,
      );
    }
    this.loop = new EventLoop(() => host.nowUs(), (callback) => this.guard(callback));
    this.watches = new Watches(host, (callback) => this.loop.queue(callback));
    const { serial, unicode = false } = espruinoSpec(board);
    const devices: Record<string, SerialDevice> = {};
    for (const [uart, spec] of Object.entries(board.uarts)) {
      const deviceName = serial[uart]!;
      const device = new SerialDevice(deviceName, spec.port, spec, host, (cb) => this.loop.queue(cb), (text) => this.warn(text), unicode);
      this.serials.set(spec.port, device);
      devices[deviceName] = device;
    }
    this.realm = createEspruinoContext({
      board,
      host,
      loop: this.loop,
      watches: this.watches,
      serials: devices,
      console: (text) => this.consoleLine(text),
      warn: (text) => this.warn(text),
      unicode,
    });
  }

  /** Checks the script's manifest against the board (checkedManifest); OutpostError if it is not an Outpost build for it. */
  static load(script: string, host: AbiHost, board: Board, name: string): EspruinoFirmware {
    return new EspruinoFirmware(script, host, board, name);
  }

  /** Ends this run (Simulator.release); the realm holds nothing to hand on. */
  release(): void {}

  init(): void {
    this.guard(() => {
      this.realm.run(this.script, this.name);
    });
  }

  poll(): number {
    if (this.panic) return -1;
    return this.loop.round();
  }

  event(source: number, arg: number, at: number): void {
    if (this.panic) return;
    if (source === EVENT_GPIO_EDGE) this.watches.edge(arg & 0xffff, (arg >>> 16) & 1, at);
    else if (source === EVENT_UART_RX) this.serials.get(arg & 0xff)?.received();
    else if (source === EVENT_UART_TX) this.serials.get(arg & 0xff)?.drained();
    else if (source === EVENT_UART_ERROR) this.serials.get(arg & 0xff)?.error((arg >>> 8) & 0xff);
  }

  stop(code: PanicCode, message: string, task: string | null): void {
    this.panic ??= { code, message, file: "", line: 0, column: 0, task, at: this.host.nowUs() };
    this.loop.stop();
  }

  taskCount(): number {
    return this.read("outpost_task_count", [], 0);
  }

  taskState(id: number): TaskState {
    return TASK_STATES[this.read("outpost_task_state", [id], 0)] ?? "free";
  }

  taskPolls(id: number): number {
    return this.read("outpost_task_polls", [id], 0) >>> 0;
  }

  taskSite(id: number): number | null {
    return this.exports.has("outpost_task_site") ? this.read("outpost_task_site", [id], -1) : null;
  }

  /**
   * The task's await chain, site ids outermost first: for the task a panic
   * names, the chain the glue printed under the panic (so what a board
   * prints is what is tested); otherwise read through `outpost_task_chain`.
   * Null for a build without the export (older builds).
   */
  taskChain(id: number): number[] | null {
    if (this.panicChain !== null && this.panic?.task === this.taskName(id)) return this.panicChain;
    if (!this.exports.has("outpost_task_chain")) return null;
    const n = this.read("outpost_task_chain", [id], -1);
    const memory = this.global(this.manifest.memory) as Uint8Array | undefined;
    if (n < 0 || !memory) return null;
    const at = this.read("outpost_scratch", [], 0);
    const view = new DataView(memory.buffer, memory.byteOffset);
    return Array.from({ length: n }, (_, i) => view.getInt32(at + 4 * i, true));
  }

  taskName(id: number): string | null {
    const len = this.read("outpost_task_name", [id], -1);
    if (len < 0) return null;
    const at = this.read("outpost_scratch", [], 0);
    const memory = this.global(this.manifest.memory) as Uint8Array | undefined;
    // A deferred-text build writes the name as a tagged UTF-16 string.
    return memory ? expandText(memory.slice(at, at + len), undefined) : null;
  }

  heapTop(): number {
    return this.read("outpost_heap_top", [], 0) >>> 0;
  }

  /** Calls an ABI export by its ABI name; `fallback` if it is missing or throws. */
  private read(exportName: string, args: number[], fallback: number): number {
    const { name, k } = exportPlace(this.manifest.exports[exportName] ?? "");
    const fn = this.global(name);
    if (typeof fn !== "function") return fallback;
    try {
      return Number((fn as (...a: number[]) => unknown)(...(k === null ? args : [k, ...args])));
    } catch {
      return fallback;
    }
  }

  private global(name: string): unknown {
    return name ? this.realm.global(name) : undefined;
  }

  /** Runs script code; an exception that escapes it stops the firmware. */
  private guard(run: () => void): void {
    if (this.panic) return;
    try {
      run();
    } catch (e) {
      // Errors made inside the script's realm are not this realm's Error.
      const message = e !== null && typeof e === "object" && "message" in e ? String((e as { message: unknown }).message) : String(e);
      this.stop("TRAP", `uncaught exception in the Espruino script: ${message}`, null);
    }
  }

  private warn(text: string): void {
    this.host.log(2, `sim: ${text}`);
  }

  /** One console.log line from the script: a panic report, a log line, or other output (info). */
  private consoleLine(raw: string): void {
    const text = new TextDecoder().decode(Uint8Array.from(raw, (c) => c.charCodeAt(0) & 0xff));
    const panic = /^PANIC (\d+) "(.*?)" (.*?):(\d+):(\d+): ([\s\S]*)$/.exec(text);
    const trap = /^TRAP "(.*?)": ([\s\S]*)$/.exec(text);
    const chain = /^ {4}await chain: task ".*?"((?: → await site -?\d+)+)$/.exec(text);
    const at = this.host.nowUs();
    if (chain && this.panic) {
      this.panicChain = [...chain[1]!.matchAll(/-?\d+/g)].map((m) => Number(m[0]));
    } else if (panic) {
      const code = panicCodeName(Number(panic[1]));
      const message = code === "UNKNOWN" ? `panic code ${panic[1]}: ${panic[6]}` : code === "PERIPHERAL" ? inBoardWords(this.board, panic[6]!) : panic[6]!;
      this.panic ??= { code, message, file: panic[3]!, line: Number(panic[4]), column: Number(panic[5]), task: panic[2] || null, at };
      this.loop.stop();
    } else if (trap) {
      // The translation's own traps carry V8's words (src/toolchain/espruino/traps.ts): say them in every host's (src/contract/traps.ts).
      const message = WASM_TRAP_MESSAGES.has(trap[2]!) ? trapWords(trap[2]!) : `JavaScript exception: ${trap[2]}`;
      this.panic ??= { code: "TRAP", message, file: "", line: 0, column: 0, task: trap[1] || null, at };
      this.loop.stop();
    } else {
      const m = /^(error|warn|info|debug): ([\s\S]*)$/.exec(text);
      if (m) this.host.log(LOG_LEVELS[m[1]!]!, m[2]!);
      else this.host.log(3, text);
    }
  }
}

/**
 * The script inside `firmware` when it is meant as an Espruino build (text
 * with a manifest line, which the constructor parses and checks), else null.
 */
export function espruinoScript(firmware: Uint8Array | string): string | null {
  if (typeof firmware === "string") return firmware;
  if (hasWasmHeader(firmware)) return null;
  const text = new TextDecoder().decode(firmware);
  return hasManifestLine(text) ? text : null;
}
