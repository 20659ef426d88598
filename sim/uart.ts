/**
 * UART ports: FIFOs, byte timing and the events the firmware can listen to.
 *
 * RX: bytes a test sends cross the line at the sender's baud (`SerialLine`)
 * and land, one by one, at their arrival µs:
 *
 *   port not configured          → lost, counted in `dropped`
 *   sender's baud off by > 3%    → lost, counted in `framingErrors`, UART_ERROR kind 2
 *   RX FIFO full                 → lost, counted in `overruns`,      UART_ERROR kind 1
 *   otherwise                    → into the RX FIFO,                 UART_RX
 *
 * so every byte sent is either read by the firmware, waiting in the FIFO,
 * or counted. Events are raised only for the kinds the firmware listens to.
 *
 * TX: `uart_write` accepts what fits in the TX FIFO. A byte keeps its FIFO
 * slot until its stop bit is over; then it is appended to `txLog` (a ring
 * of the newest `historyLimit`; `sent` counts them all) at that µs. When the last one leaves, UART_TX is raised (ABI: the FIFO is
 * empty and every accepted byte is on the wire).
 *
 * Configuring a port claims its TX and RX pins from GPIO. Reading, writing
 * or listening to a port that is not configured, or one the board lacks,
 * stops the firmware (a `HostFault`).
 */
import type { Board, UartSpec } from "../src/contract/boards.ts";
import { resolveUart } from "../src/contract/boards.ts";
import { notConfigured, portRule } from "../src/contract/host-rules.ts";
import {
  E_BAD_CONFIG, E_NO_PORT, E_PIN_BUSY, E_PORT_BUSY, EVENT_UART_ERROR, EVENT_UART_RX, EVENT_UART_TX, LISTEN_ERROR,
  LISTEN_RX, LISTEN_TX, OK, UART_FRAMING, UART_OVERRUN,
} from "../src/contract/abi-codes.ts";
import { type Bench, type TimeSpec, stimulusTime } from "./bench.ts";
import { HostFault } from "./fault.ts";
import type { Gpio } from "./gpio.ts";
import { NumberQueue } from "./number-queue.ts";
import { Ring } from "./ring.ts";
import { SerialLine } from "./serial-line.ts";

/** The baud a test sends at when the port is not configured and the test names none. */
export const DEFAULT_SEND_BAUD = 115200;
/** How far a sender's baud may stray from the port's before bytes arrive garbled. */
const BAUD_TOLERANCE = 0.03;

export interface TxRecord {
  at: number;
  byte: number;
}
export interface SendOptions {
  /** When the first byte starts (absolute virtual time); default now. */
  at?: TimeSpec;
  /** The sender's baud; default the port's. */
  baud?: number;
}
export type UartByteListener = (uart: string, byte: number, at: number) => void;
/** What became of a byte that reached a port: into the RX FIFO, or lost (see the table above). */
export type RxFate = "fifo" | "overrun" | "framing" | "dropped";
export type UartReceiveListener = (uart: string, byte: number, at: number, fate: RxFate) => void;

export class Uart {
  private readonly bench: Bench;
  private readonly gpio: Gpio;
  readonly name: string;
  private readonly spec: UartSpec;
  private readonly onByte: UartByteListener;
  private readonly onReceive: UartReceiveListener;
  /** 0 while the port is not configured. */
  baud = 0;
  overruns = 0;
  framingErrors = 0;
  dropped = 0;
  /** Bytes the firmware has taken with `uart_read`. */
  rxRead = 0;
  private readonly rx: number[] = [];
  private txPending = 0;
  private events = 0;
  private readonly txLine = new SerialLine();
  private readonly rxLine = new SerialLine();
  // Each line delivers its bytes in the order they were handed to it (SerialLine's times never go
  // back), so one bound action per direction takes the next byte from a queue: no closure per byte.
  /** Bytes on their way in, each followed by its sender's baud. */
  private readonly arriving = new NumberQueue();
  /** Bytes accepted for sending, not yet off the wire. */
  private readonly departing = new NumberQueue();
  private readonly arriveNext = (): void => this.arrive(this.arriving.shift(), this.arriving.shift());
  private readonly departNext = (): void => this.depart(this.departing.shift());

  constructor(
    bench: Bench,
    gpio: Gpio,
    name: string,
    spec: UartSpec,
    onByte: UartByteListener,
    onReceive: UartReceiveListener = () => {},
  ) {
    this.bench = bench;
    this.gpio = gpio;
    this.name = name;
    this.spec = spec;
    this.onByte = onByte;
    this.onReceive = onReceive;
    this.sentLog = new Ring(bench.historyLimit);
  }

  /** Each transmitted byte with the µs its stop bit ended, the newest `historyLimit` kept. */
  private readonly sentLog: Ring<TxRecord>;

  /** The kept transmitted bytes with their times, oldest first (a copy). */
  get txLog(): readonly TxRecord[] {
    return this.sentLog.toArray();
  }

  /** The kept transmitted bytes, oldest first (a copy). */
  get bytes(): number[] {
    return this.sentLog.toArray().map((r) => r.byte);
  }

  /** How many bytes have been transmitted, kept or not. */
  get sent(): number {
    return this.sentLog.total;
  }

  /** The kept transmitted bytes from the `index`-th byte ever sent on (0 = the first). */
  bytesSince(index: number): number[] {
    return this.sentLog.since(index).map((r) => r.byte);
  }

  /** The kept transmitted bytes, decoded as UTF-8. */
  get output(): string {
    return new TextDecoder().decode(new Uint8Array(this.bytes));
  }

  /** Bytes waiting in the RX FIFO. */
  get rxQueued(): number {
    return this.rx.length;
  }

  send(data: string | Uint8Array, options: SendOptions = {}): void {
    const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
    const start = stimulusTime(this.bench, options.at);
    const baud = options.baud ?? (this.baud || DEFAULT_SEND_BAUD);
    for (const byte of bytes) {
      this.arriving.push(byte);
      this.arriving.push(baud);
      this.bench.at(this.rxLine.next(start, baud), this.arriveNext);
    }
  }

  configure(baud: number, flags: number): number {
    if (baud <= 0 || flags !== 0) return E_BAD_CONFIG;
    if (this.baud !== 0) return E_PORT_BUSY;
    const pins = [this.gpio.byName(this.spec.tx), this.gpio.byName(this.spec.rx)];
    if (pins.some((p) => p.mode !== "unconfigured")) return E_PIN_BUSY;
    for (const p of pins) p.claim();
    this.baud = baud;
    return OK;
  }

  listen(events: number): void {
    this.mustBeConfigured("uart_listen");
    this.events = events & (LISTEN_RX | LISTEN_TX | LISTEN_ERROR);
  }

  /** The firmware listens to something the outside can cause: received bytes or receive errors. */
  get listenedInput(): boolean {
    return (this.events & (LISTEN_RX | LISTEN_ERROR)) !== 0;
  }

  write(data: Uint8Array): number {
    this.mustBeConfigured("uart_write");
    const accepted = Math.min(data.length, this.spec.txFifo - this.txPending);
    for (let i = 0; i < accepted; i++) {
      this.txPending++;
      this.departing.push(data[i]!);
      this.bench.at(this.txLine.next(this.bench.now(), this.baud), this.departNext);
    }
    return accepted;
  }

  read(max: number): number[] {
    this.mustBeConfigured("uart_read");
    const taken = this.rx.splice(0, Math.max(0, max));
    this.rxRead += taken.length;
    return taken;
  }

  private arrive(byte: number, senderBaud: number): void {
    const at = this.bench.now();
    let fate: RxFate = "fifo";
    if (this.baud === 0) {
      this.dropped++;
      fate = "dropped";
    } else if (Math.abs(senderBaud - this.baud) > this.baud * BAUD_TOLERANCE) {
      this.framingErrors++;
      fate = "framing";
      this.raise(LISTEN_ERROR, EVENT_UART_ERROR, this.spec.port | (UART_FRAMING << 8), at);
    } else if (this.rx.length >= this.spec.rxFifo) {
      this.overruns++;
      fate = "overrun";
      this.raise(LISTEN_ERROR, EVENT_UART_ERROR, this.spec.port | (UART_OVERRUN << 8), at);
    } else {
      this.rx.push(byte);
      this.raise(LISTEN_RX, EVENT_UART_RX, this.spec.port, at);
    }
    this.onReceive(this.name, byte, at, fate);
  }

  private depart(byte: number): void {
    const at = this.bench.now();
    this.txPending--;
    this.sentLog.push({ at, byte });
    this.onByte(this.name, byte, at);
    if (this.txPending === 0) this.raise(LISTEN_TX, EVENT_UART_TX, this.spec.port, at);
  }

  private raise(bit: number, source: number, arg: number, at: number): void {
    if (this.events & bit) this.bench.raise(source, arg, at);
  }

  private mustBeConfigured(call: string): void {
    if (this.baud === 0) {
      throw new HostFault("PERIPHERAL", notConfigured(call, this.name, "uart"));
    }
  }
}

/** Every UART of a board; the firmware's UART imports land here by port number. */
export class Uarts {
  private readonly board: Board;
  private readonly byPort = new Map<number, Uart>();

  constructor(
    bench: Bench,
    gpio: Gpio,
    board: Board,
    onByte: UartByteListener,
    onReceive?: UartReceiveListener,
  ) {
    this.board = board;
    for (const [name, spec] of Object.entries(board.uarts)) {
      this.byPort.set(spec.port, new Uart(bench, gpio, name, spec, onByte, onReceive));
    }
  }

  /** Names of the UARTs whose received bytes or errors the firmware listens to (see liveness.ts). */
  listenedInputs(): string[] {
    return [...this.byPort.values()].filter((u) => u.listenedInput).map((u) => u.name);
  }

  /** A UART by name ("UART0"); UNKNOWN_PORT lists the valid names. */
  byName(name: string): Uart {
    return this.byPort.get(resolveUart(this.board, name).port)!;
  }

  /** The UART's board name for a port number, or `port <n>` for one the board lacks. */
  nameOf(port: number): string {
    return this.byPort.get(port)?.name ?? `port ${port}`;
  }

  configure(port: number, baud: number, flags: number): number {
    return this.byPort.get(port)?.configure(baud, flags) ?? E_NO_PORT;
  }

  /** The port behind a read, write or listen; a number the board lacks stops the firmware. */
  port(port: number, call: string): Uart {
    const uart = this.byPort.get(port);
    if (!uart) throw new HostFault("PERIPHERAL", portRule(this.board, call, port));
    return uart;
  }
}
