/**
 * Shared setup for the HAL and example tests: boot a firmware (built once
 * per process and cached, see test/helpers/firmware.ts) on the simulated
 * board, read what it logged, time UART bytes and check echoes.
 */
import type { LoadOptions, Simulator } from "../../sim/index.ts";
import { simulate } from "../helpers/simulate.ts";

/** Builds (cached) and boots the firmware at `path` (repository-relative) on the sim board. */
export function boot(path: string, options: LoadOptions = {}): Promise<Simulator> {
  return simulate(path, "sim", options);
}

/** The firmware's log lines as `"<µs> <text>"`, from entry `from` on, without simulator warnings. */
export function logLines(sim: Simulator, from = 0): string[] {
  return sim.logs
    .slice(from)
    .filter((l) => !l.text.startsWith("sim: "))
    .map((l) => `${l.at} ${l.text}`);
}

/** When the `k`-th byte (1-based) of a burst sent at `start` has arrived, at `baud` (8N1). */
export function byteArrival(start: number, k: number, baud = 115200): number {
  return start + Math.ceil((k * 10_000_000) / baud);
}

/** True when `sub` is `full` with some characters left out, order kept (an echo that lost bytes). */
export function isSubsequence(sub: string, full: string): boolean {
  let i = 0;
  for (const c of full) if (i < sub.length && sub[i] === c) i++;
  return i === sub.length;
}
