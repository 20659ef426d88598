/**
 * The page's time controls and the loop that runs the simulator:
 *
 *   1, 10, 1000   virtual time follows the wall clock at that rate; the loop
 *                 wakes at the next scheduled event or every 16 ms, whichever
 *                 is sooner. A firmware too busy to keep up runs as fast as
 *                 it can, and the clock then counts from where it got to.
 *   "max"         as fast as possible: slices of 40 ms of wall time, each
 *                 followed by a yield to the page (input, drawing), which
 *                 redraws at most every 100 ms: drawing a frame costs more
 *                 than running one (bench/page_speed.bench.ts). An idle
 *                 firmware's clock stands still until input arrives.
 *   "paused"      nothing runs; `step()` runs the next instant at which
 *                 anything is scheduled, and only that.
 *
 * Every slice ends with a redraw request; the owner (main.ts) draws at most
 * once per animation frame, and at "max" no sooner than 100 ms after the
 * last draw. When the run has an outcome, the loop stops.
 */
import type { BoardRun } from "./board-run.ts";

export type Speed = "paused" | 1 | 10 | 1000 | "max";
export const SPEEDS: readonly Speed[] = [1, 10, 1000, "max", "paused"];

const SLICE_MS = 12;
const MAX_SLICE_MS = 40;
const MAX_DRAW_GAP_MS = 100;
const FRAME_MS = 16;
/** How far behind the wall clock a run may fall (in wall ms) before the clock counts from where it is. */
const MAX_LAG_MS = 250;

export class Clock {
  private run: BoardRun;
  private readonly changed: (gap: number) => void;
  private speedNow: Speed;
  private base = { wall: 0, virtual: 0 };
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly channel = new MessageChannel();

  constructor(
    run: BoardRun,
    speed: Speed,
    /** Asks for a redraw no sooner than `gap` ms after the last one. */
    changed: (gap: number) => void,
  ) {
    this.run = run;
    this.changed = changed;
    this.speedNow = speed;
    this.channel.port1.onmessage = () => this.tick();
    this.setSpeed(speed);
  }

  get speed(): Speed {
    return this.speedNow;
  }

  private redraw(): void {
    this.changed(this.speedNow === "max" ? MAX_DRAW_GAP_MS : 0);
  }

  setSpeed(speed: Speed): void {
    this.speedNow = speed;
    this.rebase();
    this.schedule(0);
    this.redraw();
  }

  /** Runs on a new run (a restart), at the same speed. */
  replace(run: BoardRun): void {
    this.run = run;
    this.setSpeed(this.speedNow);
  }

  /** Pauses, then runs exactly the next instant with something scheduled. */
  step(): void {
    if (this.speedNow !== "paused") this.setSpeed("paused");
    this.run.step();
    this.redraw();
  }

  /** Input from the page (a button, a UART line) may wake an idle firmware: look again now. */
  poke(): void {
    this.schedule(0);
  }

  private rebase(): void {
    this.base = { wall: performance.now(), virtual: this.run.sim.now };
  }

  private schedule(ms: number): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.speedNow === "paused" || this.run.outcome) return;
    if (this.speedNow === "max" && ms === 0) this.channel.port2.postMessage(null);
    else this.timer = setTimeout(() => this.tick(), ms);
  }

  private tick(): void {
    this.timer = null;
    const speed = this.speedNow;
    if (speed === "paused" || this.run.outcome) return;
    const sim = this.run.sim;
    if (speed === "max") {
      this.run.advance(Infinity, MAX_SLICE_MS);
      this.redraw();
      // Idle: input calls poke(); until then look again each frame (a pressed button's bounce is scheduled).
      this.schedule(this.run.idle ? FRAME_MS : 0);
      return;
    }
    const perMs = speed * 1000; // virtual µs per wall ms
    const target = (): number => Math.floor(this.base.virtual + (performance.now() - this.base.wall) * perMs);
    this.run.advance(target(), SLICE_MS);
    if (target() - sim.now > MAX_LAG_MS * perMs) this.rebase();
    this.redraw();
    const ahead = (sim.nextTime() - target()) / perMs;
    this.schedule(Math.max(0, Math.min(FRAME_MS, ahead)));
  }
}
