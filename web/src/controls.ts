/**
 * The toolbar: the virtual clock, the speeds (real time, ×10, ×1000, as fast
 * as possible, pause), step to the next event, restart, and the VCD and
 * Perfetto downloads of the run so far. Every control is a <button>, so
 * Tab reaches it and Space or Enter works it; the speed in force is marked
 * aria-pressed. Keys anywhere outside a text field: `p` pauses or resumes,
 * `s` steps.
 */
import { formatTime } from "../../src/contract/duration.ts";
import type { Simulator } from "../../sim/index.ts";
import { type Clock, SPEEDS, type Speed } from "./clock.ts";
import { el, setText } from "./dom.ts";

const LABELS: Record<string, string> = { 1: "Real time", 10: "×10", 1000: "×1000", max: "As fast as possible", paused: "Pause" };

export interface ControlActions {
  restart(): void;
  downloadVcd(): void;
  downloadTrace(): void;
}

export class Controls {
  private readonly clock: Clock;
  private sim: () => Simulator;
  readonly node: HTMLElement;
  private readonly clockText = el("output", { class: "clock", "aria-label": "Virtual time" });
  private readonly speeds = new Map<Speed, HTMLButtonElement>();
  private readonly stepButton = el("button", { type: "button", title: "Run the next instant at which anything is scheduled (key s)" }, "Step");
  private resumeTo: Speed = 1;

  constructor(
    clock: Clock,
    sim: () => Simulator,
    actions: ControlActions,
  ) {
    this.clock = clock;
    this.sim = sim;
    const group = el("div", { class: "speeds", role: "group", "aria-label": "Speed" });
    for (const speed of SPEEDS) {
      const button = el("button", { type: "button", "aria-pressed": "false" }, LABELS[String(speed)]!);
      button.addEventListener("click", () => clock.setSpeed(speed));
      group.append(button);
      this.speeds.set(speed, button);
    }
    this.stepButton.addEventListener("click", () => clock.step());
    const button = (label: string, action: () => void): HTMLButtonElement => {
      const b = el("button", { type: "button" }, label);
      b.addEventListener("click", action);
      return b;
    };
    this.node = el(
      "nav",
      { class: "controls", "aria-label": "Time controls" },
      el("span", { class: "clock-box" }, this.clockText, " s"),
      group,
      this.stepButton,
      button("Restart", actions.restart),
      el("span", { class: "downloads" }, button("VCD", actions.downloadVcd), button("Perfetto trace", actions.downloadTrace)),
    );
    document.addEventListener("keydown", (e) => {
      const target = e.target as HTMLElement;
      if (e.ctrlKey || e.metaKey || e.altKey || target.matches("input, select, textarea")) return;
      if (e.key === "p") this.togglePause();
      else if (e.key === "s") clock.step();
    });
  }

  draw(): void {
    setText(this.clockText, formatTime(this.sim().now).trim());
    for (const [speed, button] of this.speeds) button.setAttribute("aria-pressed", String(speed === this.clock.speed));
    if (this.clock.speed !== "paused") this.resumeTo = this.clock.speed;
  }

  private togglePause(): void {
    this.clock.setSpeed(this.clock.speed === "paused" ? this.resumeTo : "paused");
  }
}
