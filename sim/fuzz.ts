/**
 * Deterministic simulation testing of a firmware: one seed is one run of
 * the firmware on a fresh simulator with random stimuli drawn from that
 * seed, checked against invariants. The same firmware, options and seed
 * always give the same run, so a failing seed is its own replay. `outpost
 * fuzz` (src/toolchain/cli/fuzz.ts) runs many seeds on worker threads.
 *
 * Stimuli, over the first 80% of the run (the rest lets the firmware
 * finish what they started):
 *
 *   UARTs     bursts of random bytes (mostly printable) at the port's baud,
 *             some 2.9% fast (a long one outruns a slow reader: overruns),
 *             some at a wrong baud (framing errors)
 *   buttons   taps of random hold, bouncing as the board says (the seed
 *             also seeds the bounce)
 *   pins      random levels driven onto the other pins the firmware has
 *             not made outputs or given to a UART
 *
 * With a scenario, its steps drive the inputs it names, and only the other
 * inputs get random stimuli.
 *
 * Invariants (the first broken one is the seed's failure, with the exit
 * code `outpost sim` would give it):
 *
 *   panic      no panic, trap, stall or watchdog stop                  3
 *   deadlock   no deadlock (liveness.ts)                               5
 *   heap       the heap top after the run is where init left it        4
 *   echo       for each UART named an echo: every byte that entered
 *              the RX FIFO was transmitted back, in order (bytes lost
 *              to overruns and framing are counted, not echoed)         4
 *   scenario   the scenario passes                                     its outcome's code
 *
 * `hash` digests everything observable (pin changes, UART bytes in and
 * out, logs, the failure) as it happens, so comparing two runs of a seed
 * (`--twice`) costs no memory.
 */
import type { Board } from "../src/contract/boards.ts";
import { formatTime, toMicros } from "../src/contract/duration.ts";
import { type RunStatus, runScenario } from "./scenario-run.ts";
import { mulberry32 } from "./prng.ts";
import type { Scenario } from "./scenario.ts";
import { Simulator } from "./simulator.ts";
import type { LoadOptions, SimListeners } from "./types.ts";

export interface FuzzOptions {
  /** Board name, or the board loaded (LoadOptions.board); default the one the build records, else sim. */
  board?: string | Board;
  /** Virtual time per seed (µs or text); default 10 s. */
  duration?: number | string;
  scenario?: Scenario | null;
  /** UARTs whose firmware echoes what it receives. */
  echo?: readonly string[];
  /** LoadOptions.watchdog; default the simulator's. */
  watchdog?: number;
  /** The build's deferred-text table. */
  text?: readonly string[];
}

export type FuzzInvariant = "panic" | "deadlock" | "heap" | "echo" | "scenario" | "nondeterminism";

export interface FuzzFailure {
  invariant: FuzzInvariant;
  /** One line: what broke, when. */
  message: string;
  /** The exit code `outpost sim` gives such a run. */
  exit: number;
}

export interface FuzzResult {
  seed: number;
  failure: FuzzFailure | null;
  /** A digest of everything the run did (hex). */
  hash: string;
}

const STATUS_EXIT: Record<RunStatus, number> = { passed: 0, timeout: 2, panic: 3, failed: 4, deadlock: 5 };

/** The PRNG for `seed`, returning [0, 1). */
function prng(seed: number): () => number {
  return mulberry32(seed ^ 0x5eed);
}

/** A running 64-bit FNV-1a over numbers and text, as two 32-bit halves. */
class Digest {
  private lo = 0x811c9dc5;
  private hi = 0xcbf29ce4;
  add(n: number): void {
    this.lo = Math.imul(this.lo ^ (n & 0xffff), 0x01000193) >>> 0;
    this.hi = Math.imul(this.hi ^ ((n / 65536) & 0xffff) ^ this.lo, 0x01000193) >>> 0;
  }
  text(s: string): void {
    for (let i = 0; i < s.length; i++) this.add(s.charCodeAt(i));
    this.add(0x10000);
  }
  hex(): string {
    return this.hi.toString(16).padStart(8, "0") + this.lo.toString(16).padStart(8, "0");
  }
}

/** The inputs a scenario drives itself (its buttons, pins and UARTs): random stimuli stay off them. */
function scenarioInputs(scenario: Scenario | null | undefined, consoleUart: string | undefined): Set<string> {
  const used = new Set<string>();
  for (const step of scenario?.steps ?? []) {
    if ("button" in step) used.add(step.button);
    if ("pin" in step) used.add(step.pin);
    if (step.kind === "write-serial" || step.kind === "wait-serial") used.add(step.uart ?? consoleUart ?? "");
  }
  return used;
}

/** Who else watches a seed's run: listeners, and the simulator once loaded and once done (e.g. a VCD writer). */
export interface FuzzWatch {
  listeners?: SimListeners;
  loaded?(sim: Simulator): void;
  finished?(sim: Simulator): void;
}

/** Runs seed `seed` of `firmware` (see the file comment). */
export async function fuzzSeed(firmware: Uint8Array | string, options: FuzzOptions, seed: number, watch: FuzzWatch = {}): Promise<FuzzResult> {
  const listeners = watch.listeners ?? {};
  const duration = toMicros(options.duration ?? "10s");
  const random = prng(seed);
  const digest = new Digest();
  const echoes = new Map<string, { received: Digest; sent: Digest; in: number; out: number }>();
  for (const uart of options.echo ?? []) echoes.set(uart, { received: new Digest(), sent: new Digest(), in: 0, out: 0 });
  const load: LoadOptions = {
    board: options.board,
    seed,
    watchdog: options.watchdog,
    text: options.text,
    name: `seed ${seed}`,
    onPinChange: (pin, level, at) => {
      digest.text(pin);
      digest.add(level);
      digest.add(at);
      listeners.onPinChange?.(pin, level, at);
    },
    onUartByte: (uart, byte, at) => {
      digest.add(byte);
      digest.add(at);
      const e = echoes.get(uart);
      if (e) (e.sent.add(byte), e.out++);
      listeners.onUartByte?.(uart, byte, at);
    },
    onUartReceive: (uart, byte, at, fate) => {
      digest.add(0x100 | byte);
      const e = echoes.get(uart);
      if (e && fate === "fifo") (e.received.add(byte), e.in++);
      listeners.onUartReceive?.(uart, byte, at, fate);
    },
    onLog: (entry) => {
      digest.text(entry.text);
      digest.add(entry.at);
      listeners.onLog?.(entry);
    },
    onTask: listeners.onTask,
    onEvent: listeners.onEvent,
  };
  const sim = await Simulator.load(firmware, load);
  watch.loaded?.(sim);
  const result = check(sim, options, seed, duration, random, digest, echoes);
  watch.finished?.(sim);
  sim.release(); // its memory goes to the next seed's simulator
  return result;
}

/** Runs the seed's stimuli (and scenario) on a loaded simulator, then checks the invariants. */
function check(
  sim: Simulator,
  options: FuzzOptions,
  seed: number,
  duration: number,
  random: () => number,
  digest: Digest,
  echoes: Map<string, { received: Digest; sent: Digest; in: number; out: number }>,
): FuzzResult {
  const fail = (invariant: FuzzInvariant, message: string, exit: number): FuzzResult => {
    digest.text(message);
    return { seed, failure: { invariant, message: `${message} at ${formatTime(sim.now).trim()}s`, exit }, hash: digest.hex() };
  };
  const heap = sim.heapTop();
  schedule(sim, random, duration, scenarioInputs(options.scenario, Object.keys(sim.board.uarts).find((u) => sim.board.uarts[u]!.console)));

  if (options.scenario) {
    const outcome = runScenario(sim, options.scenario, { limit: duration });
    if (outcome.status !== "passed") return fail("scenario", `scenario ${outcome.status}: ${outcome.message}`, STATUS_EXIT[outcome.status]);
  } else {
    sim.runFor(duration);
  }
  if (sim.panic) return fail("panic", `panic ${sim.panic.code}${sim.panic.task ? ` in task "${sim.panic.task}"` : ""}: ${sim.panic.message}`, 3);
  if (sim.deadlock) return fail("deadlock", `deadlock: ${sim.deadlock.parked.map((t) => t.name).join(", ")} parked for good`, 5);
  if (sim.heapTop() !== heap) return fail("heap", `the heap top moved from ${heap} to ${sim.heapTop()} after init`, 4);
  for (const [uart, e] of echoes) {
    if (e.in !== e.out || e.received.hex() !== e.sent.hex()) {
      return fail("echo", `${uart} received ${e.in} bytes into its FIFO but echoed ${e.out === e.in ? "others" : e.out}`, 4);
    }
  }
  return { seed, failure: null, hash: digest.hex() };
}

/**
 * `fuzzSeed`, and with `twice` a second run of the same seed: differing
 * digests are the seed's failure (the run depended on more than the seed).
 */
export async function fuzzSeedTwice(firmware: Uint8Array | string, options: FuzzOptions, seed: number, twice: boolean): Promise<FuzzResult> {
  const first = await fuzzSeed(firmware, options, seed);
  if (!twice || first.failure) return first;
  const second = await fuzzSeed(firmware, options, seed);
  if (second.hash === first.hash) return first;
  const message = `two runs of seed ${seed} differ (digests ${first.hash} and ${second.hash}): the run depends on more than the seed`;
  return { seed, hash: first.hash, failure: { invariant: "nondeterminism", message, exit: 4 } };
}

/** Random stimuli on every input not in `skip`, over the first 80% of the run. */
function schedule(sim: Simulator, random: () => number, duration: number, skip: Set<string>): void {
  const window = Math.max(1, Math.floor(duration * 0.8));
  const at = (): number => sim.now + Math.floor(random() * window);
  for (const [name, spec] of Object.entries(sim.board.uarts)) {
    if (skip.has(name)) continue;
    const uart = sim.uart(name);
    const base = uart.baud || 115200;
    for (let n = Math.floor(random() * 6); n > 0; n--) {
      const kind = random();
      const baud = kind < 0.7 ? base : kind < 0.9 ? Math.round(base * 1.029) : Math.max(300, Math.round(base / 12));
      const length = 1 + Math.floor(random() * (random() < 0.05 ? 4 * spec.rxFifo : 40));
      const bytes = Uint8Array.from({ length }, () => (random() < 0.8 ? 32 + Math.floor(random() * 95) : Math.floor(random() * 256)));
      uart.send(bytes, { at: at(), baud });
    }
  }
  const buttons = Object.keys(sim.board.buttons).filter((b) => !skip.has(b));
  for (const name of buttons) {
    for (let n = Math.floor(random() * 5); n > 0; n--) sim.button(name).tap(at(), 1000 + Math.floor(random() * 300_000));
  }
  const pressable = new Set(buttons.map((b) => sim.pin(b).number));
  for (const pin of sim.pins()) {
    if (pin.mode === "UART" || pin.mode === "OUTPUT" || pressable.has(pin.number) || skip.has(pin.label)) continue;
    for (let n = Math.floor(random() * 3); n > 0; n--) pin.drive(random() < 0.5 ? 0 : random() < 0.5 ? 1 : null, at());
  }
}
