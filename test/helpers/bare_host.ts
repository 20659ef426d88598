/**
 * A bare ABI v1 host (boards/ABI.md): just enough to run a firmware with
 * virtual time, with none of the simulator's peripheral models. The
 * benchmarks use it so that they time the executor rather than a host; the
 * runtime tests use the full simulator (sim/).
 *
 * Time is virtual: it stands still while the firmware runs and jumps to the
 * next deadline when the firmware is idle. Logs and panics are recorded;
 * after a panic `panic` is set and `call`/`runUntilTime` stop calling in.
 */
import type { AbiExports } from "../../sim/abi-host.ts";
import type { WasmImports, WasmInstance, WasmModule } from "../../sim/wasm-api.ts";

/** The synchronous half of the WebAssembly API (Node has it; the project's lib settings do not declare it). */
interface SyncWasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: WasmImports) => WasmInstance;
}
const wasmSync = (globalThis as unknown as { WebAssembly: SyncWasmApi }).WebAssembly;

/** Compiles firmware bytes (synchronously). */
function compileModule(bytes: Uint8Array): WasmModule {
  return new wasmSync.Module(bytes);
}

export interface BareLog {
  at: number;
  level: number;
  text: string;
}

export interface BarePanic {
  code: number;
  message: string;
  file: string;
  line: number;
  column: number;
  task: string | null;
}

/** The exports of ABI v1, plus whatever else a test or bench firmware exports. */
export interface FirmwareExports extends AbiExports {
  [name: string]: unknown;
}

class PanicStop extends Error {}

const decoder = new TextDecoder();

export class BareHost {
  exports!: FirmwareExports;
  /** Virtual time in µs. */
  now = 0;
  readonly logs: BareLog[] = [];
  panic: BarePanic | null = null;
  private readonly levels = new Map<number, number>();
  /** Level changes of each written pin. */
  readonly pins = new Map<number, { at: number; level: number }[]>();

  private constructor() {}

  /** Instantiates, checks the ABI version and runs `outpost_init` (no poll yet). */
  static load(module: WasmModule | Uint8Array): BareHost {
    const mod = module instanceof Uint8Array ? compileModule(module) : module;
    // The host exists before the instance: the start function may already call imports.
    const host = new BareHost();
    const self = (): BareHost => host;
    const imports = {
      outpost: {
        now_us: (): bigint => BigInt(self().now),
        gpio_configure: (): number => 0,
        gpio_write: (pin: number, level: number): void => self().write(pin, level),
        gpio_read: (pin: number): number => self().levels.get(pin) ?? 0,
        gpio_listen: (): void => {},
        uart_configure: (): number => 0,
        uart_write: (_port: number, _ptr: number, len: number): number => len,
        uart_read: (): number => 0,
        uart_listen: (): void => {},
        log: (level: number, ptr: number, len: number): void => {
          self().logs.push({ at: self().now, level, text: self().text(ptr, len) });
        },
        panic: (code: number, task: number, msg: number, msgLen: number, file: number, fileLen: number, line: number, column: number): void => {
          const h = self();
          h.panic = {
            code,
            message: h.text(msg, msgLen),
            file: h.text(file, fileLen),
            line,
            column,
            task: task >= 0 ? h.taskName(task) : null,
          };
          throw new PanicStop(h.panic.message);
        },
      },
    };
    const instance: WasmInstance = new wasmSync.Instance(mod, imports);
    host.exports = instance.exports as unknown as FirmwareExports;
    const version = host.exports.outpost_abi_version();
    if (version !== 1) throw new Error(`firmware speaks ABI v${version}, this host speaks ABI v1`);
    host.call(() => host.exports.outpost_init());
    return host;
  }

  private write(pin: number, level: number): void {
    if (this.levels.get(pin) === level) return;
    this.levels.set(pin, level);
    let history = this.pins.get(pin);
    if (!history) this.pins.set(pin, (history = []));
    history.push({ at: this.now, level });
  }

  text(ptr: number, len: number): string {
    return decoder.decode(new Uint8Array(this.exports.memory.buffer, ptr, len));
  }

  taskName(id: number): string {
    const len = this.exports.outpost_task_name!(id);
    return len < 0 ? "?" : this.text(this.exports.outpost_scratch!(), len);
  }

  /** Runs `f`; a firmware panic is recorded and returns false. */
  call(f: () => void): boolean {
    if (this.panic) return false;
    try {
      f();
      return true;
    } catch (e) {
      if (this.panic) return false;
      throw e;
    }
  }

  /** One `outpost_poll`; returns the deadline it reported (number). */
  pollOnce(): number {
    return Number(this.exports.outpost_poll());
  }

  runUntilTime(end: number): void {
    this.call(() => {
      while (true) {
        const next = this.pollOnce();
        if (this.panic) return;
        if (next >= 0 && next <= this.now) continue;
        if (next < 0 || next > end) {
          this.now = Math.max(this.now, end);
          return;
        }
        this.now = next;
      }
    });
  }
}
