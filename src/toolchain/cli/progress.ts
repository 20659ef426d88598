/**
 * The progress line of a long `outpost sim` run, on stderr when it is a
 * terminal: how far virtual time has got and how much faster than real
 * time it runs. Quiet for the first second, then redrawn at most five times
 * a second; never shown when stderr is a file or a pipe.
 *
 *   [  42.000000] 42 % of 100s, 1.8e+4× real time
 */
import { formatDuration, formatTime } from "../../contract/duration.ts";
import type { Console } from "./console.ts";

const QUIET_MS = 1000;
const EVERY_MS = 200;

export class Progress {
  private readonly out: Console;
  private readonly startVirtual: number;
  private readonly limit: number;
  private readonly startWall = performance.now();
  private lastDraw = 0;

  constructor(
    out: Console,
    startVirtual: number,
    /** The run's time limit in µs, Infinity for none. */
    limit: number,
  ) {
    this.out = out;
    this.startVirtual = startVirtual;
    this.limit = limit;
  }

  update(now: number): void {
    if (!this.out.isTerminal) return;
    const wall = performance.now();
    if (wall - this.startWall < QUIET_MS || wall - this.lastDraw < EVERY_MS) return;
    this.lastDraw = wall;
    this.out.showStatus(progressText(now - this.startVirtual, wall - this.startWall, this.limit, now));
  }

  done(): void {
    this.out.clearStatus();
  }
}

/** The progress line for `virtualUs` simulated in `wallMs`. */
export function progressText(virtualUs: number, wallMs: number, limit: number, now: number): string {
  const speed = virtualUs / 1000 / Math.max(wallMs, 1);
  const shown = speed >= 1e4 ? speed.toExponential(1) : speed >= 10 ? speed.toFixed(0) : speed.toFixed(2);
  const share = limit === Infinity ? "" : `${Math.floor((virtualUs / limit) * 100)} % of ${formatDuration(limit)}, `;
  return `[${formatTime(now)}] ${share}${shown}× real time`;
}
