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
import { wasm } from "../../src/contract/wasm-api.ts";

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
  static load(bytes: Uint8Array): BareHost {
    // The host exists before the instance: the start function may already call imports.
    const host = new BareHost();
    const imports = {
      outpost: {
        now_us: (): bigint => BigInt(host.now),
        gpio_configure: (): number => 0,
        gpio_write: (pin: number, level: number): void => host.write(pin, level),
        gpio_read: (pin: number): number => host.levels.get(pin) ?? 0,
        gpio_listen: (): void => {},
        uart_configure: (): number => 0,
        uart_write: (_port: number, _ptr: number, len: number): number => len,
        uart_read: (): number => 0,
        uart_listen: (): void => {},
        log: (level: number, ptr: number, len: number): void => {
          host.logs.push({ at: host.now, level, text: host.text(ptr, len) });
        },
        panic: (code: number, task: number, msg: number, msgLen: number, file: number, fileLen: number, line: number, column: number): void => {
          host.panic = {
            code,
            message: host.text(msg, msgLen),
            file: host.text(file, fileLen),
            line,
            column,
            task: task >= 0 ? host.taskName(task) : null,
          };
          throw new PanicStop(host.panic.message);
        },
      },
    };
    const instance = new wasm.Instance(new wasm.Module(bytes), imports); // compiled synchronously
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
