/**
 * UART throughput in the simulator: bytes streamed back to back into UART0
 * at 1,000,000 baud (8N1: 100,000 bytes per virtual second), echoed by the
 * firmware through the HAL's Read/Write (`uart.read(buf)`, `WriteAll`);
 * one operation is one byte received and sent back.
 *
 *   outpost-sim  bench/firmware/uart_echo.ts in Outpost's simulator: the
 *                line model (each byte's arrival and departure is an event),
 *                UART_RX/UART_TX interrupts, polls. `bytes_per_wall_s` is
 *                the wall-clock throughput; `virtual_bytes_per_s` the echo's
 *                rate in virtual time, which is the line rate when the
 *                firmware keeps up (`line_rate_bytes_per_s`)
 *   promises     Node: the same echo loop with async/await over an
 *                in-memory port, one byte delivered per event
 *
 * Every run checks that the echo is byte for byte what was sent, with no
 * overrun.
 */
import { Simulator } from "../sim/index.ts";
import { buildTestFirmware } from "../test/helpers/firmware.ts";
import { type Benchmark, type Result, type RunOptions, bestOf, bestRun, check, rounds, timeNs, timeNsAsync } from "./lib.ts";

const BAUD = 1_000_000;
const BYTES = 100_000; // one virtual second at the line rate
const LINE_RATE = BAUD / 10; // 8N1: 10 bits a byte

function payload(n: number): Uint8Array {
  return Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 0xff);
}

/** Streams `data` through a fresh simulator; wall ns per byte and the echo's virtual bytes per second. */
function simEcho(wasm: Uint8Array, data: Uint8Array): Promise<{ ns: number; virtualRate: number }> {
  return Simulator.load(wasm, { board: "sim", historyLimit: 2 * data.length }).then((sim) => { // every byte kept, to compare the echo
    const uart = sim.uart("UART0");
    const start = sim.now;
    uart.send(data);
    const lastArrival = start + (data.length * 10 * 1e6) / BAUD;
    const ns = timeNs(() => sim.runUntil(() => uart.sent >= data.length, lastArrival + 10_000));
    check(sim.panic === null, `uart firmware panicked: ${sim.panic?.message}`);
    check(uart.overruns === 0 && uart.bytes.length === data.length, `echoed ${uart.bytes.length} of ${data.length} bytes, ${uart.overruns} overruns`);
    check(uart.bytes.every((b, i) => b === data[i]), "the echo differs from what was sent");
    const end = uart.txLog.at(-1)!.at;
    return { ns: ns / data.length, virtualRate: data.length / ((end - start) / 1e6) };
  });
}

/** A minimal async UART in Node: `read` waits for ≥ 1 byte and takes up to buf.length; `write` appends. */
class PromisePort {
  private readonly rx: number[] = [];
  private waiting: (() => void) | null = null;
  readonly tx: number[] = [];

  arrive(byte: number): void {
    this.rx.push(byte);
    const wake = this.waiting;
    this.waiting = null;
    wake?.();
  }

  async read(buf: Uint8Array): Promise<number> {
    while (this.rx.length === 0) await new Promise<void>((r) => (this.waiting = r));
    const n = Math.min(buf.length, this.rx.length);
    for (let i = 0; i < n; i++) buf[i] = this.rx[i]!;
    this.rx.splice(0, n);
    return n;
  }

  async write(buf: Uint8Array, n: number): Promise<void> {
    for (let i = 0; i < n; i++) this.tx.push(buf[i]!);
  }
}

async function promisesEcho(data: Uint8Array): Promise<number[]> {
  const port = new PromisePort();
  let running = true;
  const echo = async (): Promise<void> => {
    const buf = new Uint8Array(32);
    while (running) {
      const n = await port.read(buf);
      await port.write(buf, n);
    }
  };
  void echo();
  const tick = Promise.resolve();
  for (const byte of data) {
    port.arrive(byte);
    await tick; // one byte per event, as the line delivers them
    await tick;
  }
  while (port.tx.length < data.length) await tick;
  running = false;
  return port.tx;
}

const uart: Benchmark = {
  name: "uart",
  op: "byte",
  peer: "promises",
  targets: [{ impl: "outpost-sim", peer: "promises", factor: 50, text: "simulated echo within 50× a bare promise echo" }],
  async run(options: RunOptions): Promise<Result[]> {
    const { warmup, runs } = rounds(options, 1, 5);
    const data = payload(options.quick ? 2000 : BYTES);
    const wasm = await buildTestFirmware("bench/firmware/uart_echo.ts");
    const { ns: simNs, virtualRate } = await bestRun(warmup, runs, () => simEcho(wasm, data), (r) => r.ns);
    const promises = await bestOf(warmup, runs, async () => {
      let echoed: number[] = [];
      const ns = await timeNsAsync(async () => (echoed = await promisesEcho(data)));
      check(echoed.length === data.length && echoed.every((b, i) => b === data[i]), "promise echo differs");
      return ns / data.length;
    });
    return [
      {
        benchmark: "uart",
        impl: "outpost-sim",
        ns_per_op: simNs,
        bytes_per_wall_s: Math.round(1e9 / simNs),
        virtual_bytes_per_s: Math.round(virtualRate),
        line_rate_bytes_per_s: LINE_RATE,
      },
      { benchmark: "uart", impl: "promises", ns_per_op: promises, bytes_per_wall_s: Math.round(1e9 / promises) },
    ];
  },
};

export default uart;
