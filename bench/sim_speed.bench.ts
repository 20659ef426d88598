/**
 * Simulator speed: 24 virtual hours of examples/blinky (LED1 toggling every
 * 500 ms: 172,800 polls) and of examples/uart-echo with a 44-byte line
 * arriving every virtual minute at 115200 baud (1,440 lines echoed), each
 * in a fresh simulator. One operation is one virtual second of both
 * firmwares; `wall_ms` is the wall time of the whole day and `speedup`
 * virtual time over wall time (goal: the day in under 1 s, ≥ 86,400×).
 *
 *   outpost-sim  Outpost's simulator (sim/) running both firmwares
 *   promises     the same two programs as Node async functions on a
 *                virtual clock (bench/peers/virtual_clock.ts): a blink loop
 *                sleeping 500 ms, and an echo loop fed byte by byte at the
 *                same instants the line delivers them
 *
 * Every run checks the blink count and the echoed bytes.
 */
import { Simulator } from "../sim/index.ts";
import { buildTestFirmware } from "../test/helpers/firmware.ts";
import { type Benchmark, type Result, type RunOptions, bestRun, check, rounds, timeNs, timeNsAsync } from "./lib.ts";
import { VirtualClock } from "./peers/virtual_clock.ts";

const DAY_S = 24 * 3600;
const MINUTE = 60_000_000;
const LINE = "the quick brown fox jumps over the lazy dog\n";
const BYTE_US = (10 * 1e6) / 115200; // 8N1 at 115200 baud

interface DayTimes {
  blinkyNs: number;
  echoNs: number;
}

async function simulatorDay(blinky: Uint8Array, echo: Uint8Array, seconds: number): Promise<DayTimes> {
  const b = await Simulator.load(blinky, { board: "sim" });
  const blinkyNs = timeNs(() => b.runFor(seconds * 1e6));
  check(b.panic === null && b.pin("LED1").changeCount === 2 * seconds + 1, `blinky toggled ${b.pin("LED1").changeCount} times`);

  const e = await Simulator.load(echo, { board: "sim" });
  const uart = e.uart("UART0");
  const minutes = Math.floor((seconds * 1e6) / MINUTE);
  for (let m = 1; m < minutes; m++) uart.send(LINE, { at: m * MINUTE });
  const echoNs = timeNs(() => e.runFor(seconds * 1e6));
  check(e.panic === null && uart.sent === (minutes - 1) * LINE.length && uart.overruns === 0, `echoed ${uart.sent} bytes`);
  return { blinkyNs, echoNs };
}

/** The same day as Node async functions on a virtual clock. */
async function promisesDay(seconds: number): Promise<DayTimes> {
  const end = seconds * 1e6;
  const clock = new VirtualClock();
  let led = 1;
  let toggles = 1;
  const blink = async (): Promise<void> => {
    for (let t = 500_000; t <= end; t += 500_000) {
      await clock.sleepUntil(t);
      led ^= 1;
      toggles++;
    }
  };
  void blink();
  const blinkyNs = await timeNsAsync(() => clock.run(end));
  check(toggles === 2 * seconds + 1 && led === 1, `promise blinky toggled ${toggles} times`);

  const echoClock = new VirtualClock();
  const rx: number[] = [];
  const tx: number[] = [];
  let waiting: (() => void) | null = null;
  const bytes = new TextEncoder().encode(LINE);
  const minutes = Math.floor(end / MINUTE);
  const line = async (m: number): Promise<void> => {
    for (let i = 0; i < bytes.length; i++) {
      await echoClock.sleepUntil(m * MINUTE + Math.round((i + 1) * BYTE_US));
      rx.push(bytes[i]!);
      const wake = waiting;
      waiting = null;
      wake?.();
    }
  };
  const echo = async (): Promise<void> => {
    const buf: number[] = [];
    for (;;) {
      while (rx.length === 0) await new Promise<void>((r) => (waiting = r));
      buf.push(...rx.splice(0, 32));
      tx.push(...buf.splice(0));
    }
  };
  void echo();
  for (let m = 1; m < minutes; m++) void line(m);
  const echoNs = await timeNsAsync(() => echoClock.run(end));
  check(tx.length === (minutes - 1) * bytes.length, `promise echo sent ${tx.length} bytes`);
  return { blinkyNs, echoNs };
}

function result(impl: string, times: DayTimes, seconds: number): Result {
  const wallNs = times.blinkyNs + times.echoNs;
  return {
    benchmark: "sim-speed",
    impl,
    ns_per_op: wallNs / seconds,
    virtual_s: seconds,
    wall_ms: wallNs / 1e6,
    blinky_ms: times.blinkyNs / 1e6,
    echo_ms: times.echoNs / 1e6,
    speedup: Math.round((seconds * 1e9) / wallNs),
  };
}

const simSpeed: Benchmark = {
  name: "sim-speed",
  op: "virtual second",
  peer: "promises",
  targets: [{ impl: "outpost-sim", peer: "promises", factor: 10, text: "simulator within 10× of bare async functions on a virtual clock" }],
  async run(options: RunOptions): Promise<Result[]> {
    const { warmup, runs } = rounds(options, 1, 3);
    const seconds = options.quick ? 600 : DAY_S;
    const blinky = await buildTestFirmware("examples/blinky/main.ts");
    const echo = await buildTestFirmware("examples/uart-echo/main.ts");
    const total = (t: DayTimes): number => t.blinkyNs + t.echoNs;
    const best = await bestRun(warmup, runs, () => simulatorDay(blinky, echo, seconds), total);
    const peer = await bestRun(warmup, runs, () => promisesDay(seconds), total);
    return [result("outpost-sim", best, seconds), result("promises", peer, seconds)];
  },
};

export default simSpeed;
