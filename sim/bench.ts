/**
 * What a peripheral model may do to the simulated world.
 *
 * The simulator implements `Bench` and hands it to every model (GPIO,
 * buttons, UARTs). Models never call the firmware: they read the clock,
 * schedule actions for later, and raise interrupts, which the simulator's
 * loop delivers through `outpost_event` between polls (ABI.md: events are
 * never delivered during a poll).
 */
import { OutpostError } from "../src/contract/errors.ts";
import { formatTime, toMicros } from "../src/contract/duration.ts";

export interface Bench {
  /** Current virtual time, µs. */
  now(): number;
  /** Runs `action` at virtual time `time` (>= now), after everything already scheduled for that µs. */
  at(time: number, action: () => void): void;
  /** Queues an interrupt for the firmware; `at` is when the hardware saw it. */
  raise(source: number, arg: number, at: number): void;
  /** A diagnostic from a model, kept with the firmware's logs (level 2, warn). */
  warn(text: string): void;
  /** How many entries each history (a pin's changes, a UART's bytes) keeps: the newest (ring.ts). */
  readonly historyLimit: number;
}

/** A time given by a test or scenario: absolute µs, text like "1s", or omitted for now. */
export type TimeSpec = number | string;

/** Resolves a stimulus time; a time in the past is a scenario error. */
export function stimulusTime(bench: Bench, at: TimeSpec | undefined): number {
  const now = bench.now();
  if (at === undefined) return now;
  const time = toMicros(at);
  if (time < now) {
    throw new OutpostError(
      "BAD_SCENARIO",
      `cannot schedule a stimulus at ${formatTime(time).trim()}s: the simulation is already at ${formatTime(now).trim()}s`,
    );
  }
  return time;
}
