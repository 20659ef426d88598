/**
 * An Espruino serial device (`Serial1`, `Serial2`, …) on the simulator's
 * UART model, for the Espruino host (runtime.ts).
 *
 *   setup(baud, {tx, rx})  configures the board's UART behind the device
 *                          and listens to all its events
 *   on("data", f)          f gets each received byte run as a string
 *   on("framing", f)       f runs for each byte garbled by a baud mismatch
 *   write(data)            bytes (a string, a number, an array or a typed
 *                          array) go to the UART's TX FIFO; what does not fit
 *                          waits here and follows as the FIFO drains, so
 *                          nothing written is lost (Espruino blocks instead)
 *
 * Bytes cross as strings of char codes 0–255, as on Espruino. On a board
 * whose Espruino build has Unicode support (`unicode`), received strings
 * behave as that build's do (unicode.ts).
 */
import type { UartSpec } from "../../src/contract/boards.ts";
import { LISTEN_ERROR, LISTEN_RX, LISTEN_TX, OK, UART_FRAMING } from "../../src/contract/abi-codes.ts";
import type { AbiHost } from "../abi-host.ts";
import type { EspruinoPin, EspruinoSerial, SerialSetupOptions } from "./globals.ts";
import { unicodeBuildString } from "./unicode.ts";

const LISTEN_ALL = LISTEN_RX | LISTEN_TX | LISTEN_ERROR;

export class SerialDevice implements EspruinoSerial {
  readonly name: string;
  private readonly port: number;
  private readonly spec: UartSpec;
  private readonly host: AbiHost;
  private readonly queue: (callback: () => void) => void;
  private readonly warn: (text: string) => void;
  private readonly unicode: boolean;
  private readonly listeners = new Map<string, ((data: string) => void)[]>();
  private backlog: number[] = [];
  private configured = false;

  constructor(
    name: string,
    port: number,
    spec: UartSpec,
    host: AbiHost,
    /** Queues a callback on the event loop. */
    queue: (callback: () => void) => void,
    warn: (text: string) => void,
    /** The board's Espruino build has Unicode support: received strings expand bytes ≥ 0x80 when indexed. */
    unicode: boolean = false,
  ) {
    this.name = name;
    this.port = port;
    this.spec = spec;
    this.host = host;
    this.queue = queue;
    this.warn = warn;
    this.unicode = unicode;
  }

  setup(baudrate: number, options: SerialSetupOptions = {}): void {
    const pinName = (p: EspruinoPin | undefined): string | undefined => (p === undefined ? undefined : String(p));
    for (const [what, want] of [["tx", this.spec.tx], ["rx", this.spec.rx]] as const) {
      const given = pinName(options[what]);
      if (given !== undefined && given !== want) this.warn(`${this.name}.setup: ${what} ${given} is not the board's ${want}; the simulator models ${want}`);
    }
    const result = this.host.uartConfigure(this.port, Math.round(baudrate), 0);
    if (result !== OK) throw new Error(`${this.name}.setup(${baudrate}) failed in the simulator (ABI error ${result})`);
    this.host.uartListen(this.port, LISTEN_ALL);
    this.configured = true;
  }

  on(event: string, listener: (data: string) => void): void {
    const list = this.listeners.get(event) ?? [];
    list.push(listener);
    this.listeners.set(event, list);
  }

  write(data: string | number | ArrayLike<number>): void {
    if (!this.configured) throw new Error(`${this.name}.write before ${this.name}.setup`);
    this.backlog.push(...bytesOf(data));
    this.drain();
  }

  /** UART_RX: take what the FIFO holds and hand it to the `data` listeners. */
  received(): void {
    const bytes = this.host.uartRead(this.port, 1 << 16);
    if (bytes.length === 0) return;
    const text = String.fromCharCode(...bytes);
    this.emit("data", this.unicode ? unicodeBuildString(text) : text);
  }

  /** UART_TX: the FIFO drained; send what waits. */
  drained(): void {
    this.drain();
  }

  /** UART_ERROR: UART_FRAMING is a framing error; UART_OVERRUN (the model's FIFO overran) cannot happen while `received` drains it. */
  error(kind: number): void {
    if (kind === UART_FRAMING) this.emit("framing", "");
    else this.warn(`${this.name}: the UART model's RX FIFO overran, which Espruino would not show`);
  }

  private drain(): void {
    if (this.backlog.length === 0) return;
    const taken = this.host.uartWrite(this.port, new Uint8Array(this.backlog));
    this.backlog = this.backlog.slice(taken);
  }

  private emit(event: string, data: string): void {
    for (const listener of this.listeners.get(event) ?? []) this.queue(() => listener(data));
  }
}

/** The bytes Espruino takes from a value written to a device: a string's char codes, a number, or each element of an array. */
export function bytesOf(data: unknown): number[] {
  if (typeof data === "number") return [data & 0xff];
  // A string, or one as a Unicode build hands it over (unicode.ts): anything with charCodeAt.
  if (typeof data === "string" || typeof (data as { charCodeAt?: unknown } | null)?.charCodeAt === "function") {
    const s = String(data);
    return Array.from({ length: s.length }, (_, i) => s.charCodeAt(i) & 0xff);
  }
  return Array.from(data as ArrayLike<number>, (b) => Number(b) & 0xff);
}
