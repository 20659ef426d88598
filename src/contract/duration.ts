/**
 * Durations and virtual timestamps as people write and read them.
 *
 * Outpost's clock is an integer number of microseconds (µs). The CLI and
 * scenarios take durations with a unit (`250us`, `500ms`, `10s`, `2h`,
 * `30d`); the simulator's API also takes a plain number of µs. Conversions
 * are exact: a duration that is not a whole number of µs is refused rather
 * than rounded, so a scenario never drifts from what its author wrote.
 */
import { OutpostError } from "./errors.ts";

/** µs per unit. `m` is minutes. */
const UNITS: Record<string, number> = {
  us: 1,
  µs: 1,
  ms: 1_000,
  s: 1_000_000,
  m: 60_000_000,
  h: 3_600_000_000,
  d: 86_400_000_000,
};

function badDuration(text: string): OutpostError {
  return new OutpostError(
    "BAD_DURATION",
    `bad duration ${JSON.stringify(text)}: write a number and a unit, like 250us, 500ms, 10s, 2h or 30d`,
  );
}

/** Parses `<number><unit>` (`1.5s` allowed) into whole µs; BAD_DURATION otherwise. */
export function parseDuration(text: string): number {
  const m = /^(\d+)(?:\.(\d+))?(us|µs|ms|s|m|h|d)$/.exec(text.trim());
  if (!m) throw badDuration(text);
  const unit = UNITS[m[3]!]!;
  const fraction = m[2] ?? "";
  // int * unit + fraction * unit / 10^digits, kept in integers so 0.1s is exactly 100000us.
  const scale = 10 ** fraction.length;
  const fractionUs = (Number(fraction || "0") * unit) / scale;
  const us = Number(m[1]) * unit + fractionUs;
  if (!Number.isInteger(fractionUs) || !Number.isSafeInteger(us)) throw badDuration(text);
  return us;
}

/** A duration given as µs (a whole number ≥ 0) or as text with a unit. */
export function toMicros(d: number | string): number {
  if (typeof d === "string") return parseDuration(d);
  if (!Number.isSafeInteger(d) || d < 0) {
    throw new OutpostError("BAD_DURATION", `bad duration ${d}: a number of microseconds must be a whole number >= 0`);
  }
  return d;
}

/** A virtual timestamp as fixed-width seconds with µs precision: `   0.500000`. */
export function formatTime(us: number): string {
  const seconds = Math.floor(us / 1_000_000);
  const micros = String(us % 1_000_000).padStart(6, "0");
  return `${seconds}.${micros}`.padStart(11);
}

/** A duration in µs the way people write it: the largest unit that divides it exactly (`5s`, `250ms`, `1500us`). */
export function formatDuration(us: number): string {
  for (const unit of ["d", "h", "m", "s", "ms"]) {
    const size = UNITS[unit]!;
    if (us >= size && us % size === 0) return `${us / size}${unit}`;
  }
  return `${us}us`;
}
