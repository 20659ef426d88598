/**
 * Digital pin traits, after embedded-hal 1.0 (`OutputPin`, `StatefulOutputPin`,
 * `InputPin`) and embedded-hal-async (`Wait`). Drivers take these interfaces,
 * never the ABI; the ABI-backed classes are `Output` (gpio_output.ts) and
 * `Input` (gpio_input.ts).
 *
 * Levels are electrical: "high" is the pin at its supply voltage, whatever
 * the pin means. An active-low button reads low while pressed; drivers that
 * care take an `activeLow` flag.
 *
 * `Wait` extends `InputPin` (AssemblyScript interfaces extend one interface,
 * and a driver that waits for a pin nearly always reads it too).
 *
 * Level waits and edge waits (the rules every `Wait` implements):
 *
 *   waitForHigh / waitForLow          complete at once if the level already
 *                                     holds when first polled; otherwise on
 *                                     the first edge to that level.
 *   waitForRisingEdge / FallingEdge   need a real transition after the call,
 *   waitForAnyEdge                    whatever the level was.
 *
 * Edges are latched by the pin's event handler with their timestamp, so a
 * pulse shorter than a poll (high and low again before the task runs) still
 * completes a `waitForRisingEdge` and a `waitForHigh`. A wait future's
 * `value` is the time (µs) of the edge that completed it, or the time of the
 * poll when a level already held.
 */
import { ValueFuture } from "outpost";

/** A pin the firmware drives. */
export interface OutputPin {
  /** Drives the pin high. No allocation; one host call. */
  setHigh(): void;
  /** Drives the pin low. No allocation; one host call. */
  setLow(): void;
  /** Drives the pin to the opposite of its driven level. */
  toggle(): void;
  /** The level the firmware last drove (true: high). No host call. */
  isSetHigh(): bool;
}

/** A pin the firmware reads. */
export interface InputPin {
  /** True when the pin reads high now. One host call. */
  isHigh(): bool;
  /** True when the pin reads low now. One host call. */
  isLow(): bool;
}

/**
 * Waiting for levels and edges. Each method returns the pin's one wait
 * future, re-armed: one wait per pin at a time (a second is a BUSY panic
 * naming the pin). Cancel-safe: cancelling releases the pin's listener, and
 * the hardware stops reporting edges once nobody waits.
 */
export interface Wait extends InputPin {
  waitForHigh(): ValueFuture<i64>;
  waitForLow(): ValueFuture<i64>;
  waitForRisingEdge(): ValueFuture<i64>;
  waitForFallingEdge(): ValueFuture<i64>;
  waitForAnyEdge(): ValueFuture<i64>;
}
