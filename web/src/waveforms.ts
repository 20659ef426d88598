/**
 * A strip of recent pin waveforms: each LED, each button, and every other
 * pin the firmware configured (UART pins excepted: the terminals show their
 * bytes), over the last WINDOW of virtual time, ending now. Pins start low;
 * each change in the pin's history is a vertical edge at its µs.
 *
 * Drawn as one SVG path per pin, rebuilt each frame from the changes inside
 * the window (found by binary search, so a long history costs nothing).
 */
import type { Board } from "../../src/contract/boards.ts";
import { parseDuration } from "../../src/contract/duration.ts";
import type { LevelChange, PinHandle, Simulator } from "../../sim/index.ts";
import { el, setText } from "./dom.ts";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 600;
const HIGH = 3;
const LOW = 17;
const WINDOWS = ["10ms", "100ms", "1s", "5s", "60s"];

export class Waveforms {
  private readonly board: Board;
  private sim: () => Simulator;
  readonly node: HTMLElement;
  private readonly rows = el("div", { class: "rows" });
  private readonly shown = new Map<string, { path: SVGPathElement; level: HTMLElement }>();
  private window = parseDuration("5s");

  constructor(
    board: Board,
    sim: () => Simulator,
  ) {
    this.board = board;
    this.sim = sim;
    const choice = el("select", { "aria-label": "Waveform window" });
    for (const w of WINDOWS) choice.append(el("option", { value: w, ...(w === "5s" ? { selected: "" } : {}) }, `last ${w}`));
    choice.addEventListener("change", () => (this.window = parseDuration(choice.value)));
    this.node = el("section", { class: "waves", "aria-label": "Pin waveforms" }, el("h2", {}, "Pins ", choice), this.rows);
  }

  /** Forgets the rows of a previous run. */
  clear(): void {
    this.shown.clear();
    this.rows.textContent = "";
  }

  draw(): void {
    const sim = this.sim();
    const named = [...Object.keys(this.board.leds), ...Object.keys(this.board.buttons)].map((n) => sim.pin(n));
    const others = sim.pins().filter((p) => p.mode !== "unconfigured" && p.mode !== "UART" && !named.some((n) => n.number === p.number));
    const start = sim.now - this.window;
    for (const pin of [...named, ...others]) {
      const row = this.shown.get(pin.label) ?? this.addRow(pin);
      row.path.setAttribute("d", trace(pin.history, start, this.window));
      setText(row.level, pin.level ? "high" : "low");
    }
  }

  private addRow(pin: PinHandle): { path: SVGPathElement; level: HTMLElement } {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", `0 0 ${WIDTH} 20`);
    svg.setAttribute("preserveAspectRatio", "none");
    svg.setAttribute("aria-hidden", "true");
    const path = document.createElementNS(SVG, "path");
    svg.append(path);
    const level = el("span", { class: "level" });
    this.rows.append(el("div", { class: "wave" }, el("span", { class: "name" }, pin.label), svg, level));
    const row = { path, level };
    this.shown.set(pin.label, row);
    return row;
  }
}

/** The path of a pin's level from `start` for `span` µs, given its changes (oldest first). */
function trace(history: readonly LevelChange[], start: number, span: number): string {
  const x = (at: number): number => Math.max(0, ((at - start) / span) * WIDTH);
  const first = firstAfter(history, start);
  let y = first > 0 && history[first - 1]!.level ? HIGH : LOW;
  let d = `M0 ${y}`;
  for (let i = first; i < history.length; i++) {
    const change = history[i]!;
    const next = change.level ? HIGH : LOW;
    if (next === y) continue;
    const at = x(change.at).toFixed(1);
    d += ` H${at} V${next}`;
    y = next;
  }
  return d + ` H${WIDTH}`;
}

/** Index of the first change after µs `t`. */
function firstAfter(history: readonly LevelChange[], t: number): number {
  let lo = 0;
  let hi = history.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (history[mid]!.at <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
