/**
 * GPIO pins: what the firmware configures, drives and listens to, and what
 * the outside world (a test, a button) drives.
 *
 * A pin's level is decided in one place, `Pin.update`:
 *
 *   mode OUTPUT                    → the level the firmware wrote (starts low)
 *   driven from outside (0 or 1)   → that level
 *   otherwise                      → the pull: INPUT_PULLUP 1, INPUT_PULLDOWN 0,
 *                                    floating INPUT and unconfigured pins read 0
 *
 * Every change of level is appended to `history` (a ring of the newest
 * `historyLimit`: ring.ts) with its virtual time and,
 * if the firmware listens to that edge, raises `GPIO_EDGE` with
 * `arg = pin | level << 16`. A pin claimed by a configured UART (its TX or
 * RX) has mode "UART" and refuses `gpio_configure` with E_PIN_BUSY; its
 * level is not modelled (the UART's byte log is).
 *
 * Firmware behind the Wasm ABI must configure a pin before any other call
 * on it (`mustBeConfigured`, a PERIPHERAL panic otherwise); the Espruino
 * host, like Espruino, may write and read pins it never set up, so the
 * model itself only warns about pins the board lacks.
 */
import type { Board } from "../src/contract/boards.ts";
import { resolvePin, pinLabel } from "../src/contract/boards.ts";
import { pinRule } from "../src/contract/host-rules.ts";
import {
  E_BAD_CONFIG, E_NO_PIN, E_PIN_BUSY, EDGE_FALLING, EDGE_RISING, EVENT_GPIO_EDGE, MODE_OUTPUT, OK, PIN_MODES,
  type PinModeName,
} from "../src/contract/abi-codes.ts";
import { type Bench, type TimeSpec, stimulusTime } from "./bench.ts";
import { HostFault } from "./fault.ts";
import { Ring } from "./ring.ts";

export type Level = 0 | 1;
export type PinMode = "unconfigured" | PinModeName | "UART";
export interface LevelChange {
  at: number;
  level: Level;
}
export type PinListener = (label: string, level: Level, at: number) => void;

export class Pin {
  private readonly bench: Bench;
  readonly number: number;
  readonly label: string;
  private readonly onChange: PinListener;
  mode: PinMode = "unconfigured";
  /** Every change of level, the newest `historyLimit` kept. */
  readonly changes: Ring<LevelChange>;
  private written: Level = 0;
  private external: Level | null = null;
  private edges = 0;
  private current: Level = 0;

  constructor(
    bench: Bench,
    number: number,
    label: string,
    onChange: PinListener,
  ) {
    this.bench = bench;
    this.number = number;
    this.label = label;
    this.onChange = onChange;
    this.changes = new Ring(bench.historyLimit);
  }

  /** The kept changes of level, oldest first (a copy). */
  get history(): readonly LevelChange[] {
    return this.changes.toArray();
  }

  get changeCount(): number {
    return this.changes.total;
  }

  get level(): Level {
    return this.current;
  }

  /** Drives the pin from outside at `at` (default now); `null` lets go, leaving the pull to decide. */
  drive(level: Level | null, at?: TimeSpec): void {
    const time = stimulusTime(this.bench, at);
    const apply = (): void => {
      this.external = level;
      this.update();
    };
    if (time === this.bench.now()) apply();
    else this.bench.at(time, apply);
  }

  /** `gpio_configure` for this pin. */
  configure(mode: number): number {
    const name = PIN_MODES[mode];
    if (name === undefined) return E_BAD_CONFIG;
    if (this.mode !== "unconfigured") return E_PIN_BUSY;
    this.mode = name;
    this.written = 0;
    this.update();
    return OK;
  }

  /** Hands the pin to a peripheral (a UART's TX or RX); false if it is taken. */
  claim(): boolean {
    if (this.mode !== "unconfigured") return false;
    this.mode = "UART";
    return true;
  }

  write(level: number): void {
    if (this.mode !== PIN_MODES[MODE_OUTPUT]) {
      this.bench.warn(`gpio_write to ${this.label}, which is ${this.mode === "unconfigured" ? "not configured" : `an ${this.mode} pin`}: configure it as OUTPUT first`);
      return;
    }
    this.written = level === 0 ? 0 : 1;
    this.update();
  }

  listen(edges: number): void {
    this.edges = edges & (EDGE_RISING | EDGE_FALLING);
  }

  /** The firmware listens to an edge the outside can cause: some edge, on a pin it does not drive. */
  get listenedInput(): boolean {
    return this.edges !== 0 && this.mode !== "OUTPUT";
  }

  private update(): void {
    const level = this.decide();
    if (level === this.current) return;
    this.current = level;
    const at = this.bench.now();
    this.changes.push({ at, level });
    this.onChange(this.label, level, at);
    if (this.edges & (level === 1 ? EDGE_RISING : EDGE_FALLING)) {
      this.bench.raise(EVENT_GPIO_EDGE, this.number | (level << 16), at);
    }
  }

  private decide(): Level {
    if (this.mode === "OUTPUT") return this.written;
    if (this.external !== null) return this.external;
    if (this.mode === "INPUT_PULLUP") return 1;
    return 0;
  }
}

/** Every pin of a board, by number; the firmware's GPIO imports land here. */
export class Gpio {
  private readonly bench: Bench;
  private readonly board: Board;
  private readonly pins = new Map<number, Pin>();

  constructor(
    bench: Bench,
    board: Board,
    onChange: PinListener,
  ) {
    this.bench = bench;
    this.board = board;
    for (const number of Object.values(board.pins)) {
      this.pins.set(number, new Pin(bench, number, pinLabel(board, number), onChange));
    }
  }

  // The firmware's side (ABI imports). Numbers the board lacks are refused by
  // `configure`; the other calls warn and do nothing, like writes to an
  // unmapped register.

  configure(pin: number, mode: number): number {
    return this.pins.get(pin)?.configure(mode) ?? E_NO_PIN;
  }
  write(pin: number, level: number): void {
    this.known(pin, "gpio_write")?.write(level);
  }
  read(pin: number): Level {
    return this.known(pin, "gpio_read")?.level ?? 0;
  }
  listen(pin: number, edges: number): void {
    this.known(pin, "gpio_listen")?.listen(edges);
  }

  /**
   * ABI v1's rule for gpio_write, gpio_read and gpio_listen (boards/ABI.md): the firmware
   * uses only pins it has configured; any other number stops it (a HostFault).
   */
  mustBeConfigured(pin: number, call: string): void {
    const found = this.pins.get(pin);
    if (!found || found.mode === "unconfigured") throw new HostFault("PERIPHERAL", pinRule(this.board, call, pin));
  }

  private known(pin: number, call: string): Pin | undefined {
    const found = this.pins.get(pin);
    if (!found) this.bench.warn(`${call} on pin ${pin}, which board "${this.board.name}" lacks`);
    return found;
  }

  /** A pin by name or alias; UNKNOWN_PIN lists the valid names. */
  byName(name: string): Pin {
    return this.pins.get(resolvePin(this.board, name))!;
  }

  byNumber(pin: number): Pin | undefined {
    return this.pins.get(pin);
  }

  /** Every pin, in board order. */
  all(): Pin[] {
    return [...this.pins.values()];
  }

  /** Labels of the pins whose edges the firmware listens to and the outside can drive (see liveness.ts). */
  listenedInputs(): string[] {
    return this.all().filter((p) => p.listenedInput).map((p) => p.label);
  }
}
