/**
 * The board as board.json draws it: each LED lit or dark (its polarity
 * applied), each button a real <button> to press and hold.
 *
 * A button presses on pointer down and releases on pointer up, or on Space
 * or Enter held down and let go (key repeat ignored); leaving focus while
 * pressed releases it. Presses go to the simulator at the current virtual
 * time, where its contacts bounce as the board says (button.ts). While
 * paused, the press waits for the next step.
 */
import type { Board } from "../../src/contract/boards.ts";
import type { Simulator } from "../../sim/index.ts";
import { el, setText } from "./dom.ts";

export class BoardView {
  private sim: () => Simulator;
  private readonly input: () => void;
  readonly node: HTMLElement;
  private readonly leds: { name: string; activeLow: boolean; node: HTMLElement; label: HTMLElement }[] = [];
  private readonly buttons: { name: string; node: HTMLButtonElement }[] = [];

  constructor(
    board: Board,
    sim: () => Simulator,
    input: () => void,
  ) {
    this.sim = sim;
    this.input = input;
    const ledRow = el("div", { class: "leds" });
    for (const [name, spec] of Object.entries(board.leds)) {
      const lamp = el("span", { class: "lamp", role: "img", "aria-label": `${name} dark` });
      const label = el("span", { class: "state" }, "dark");
      ledRow.append(el("div", { class: "led" }, lamp, el("span", { class: "name" }, name), label));
      this.leds.push({ name, activeLow: spec.activeLow, node: lamp, label });
    }
    const buttonRow = el("div", { class: "buttons" });
    for (const name of Object.keys(board.buttons)) {
      const node = el("button", { type: "button", class: "press", "aria-pressed": "false", title: `Hold to press ${name} (Space or Enter)` }, name);
      this.wire(name, node);
      buttonRow.append(node);
      this.buttons.push({ name, node });
    }
    this.node = el(
      "section",
      { class: "board", "aria-label": `Board ${board.name}` },
      el("h2", {}, board.name, el("small", {}, ` ${board.description}`)),
      ledRow,
      buttonRow,
    );
  }

  draw(): void {
    const sim = this.sim();
    for (const led of this.leds) {
      const lit = (sim.pin(led.name).level === 1) !== led.activeLow;
      led.node.classList.toggle("lit", lit);
      led.node.setAttribute("aria-label", `${led.name} ${lit ? "lit" : "dark"}`);
      setText(led.label, lit ? "lit" : "dark");
    }
  }

  private wire(name: string, node: HTMLButtonElement): void {
    let down = false;
    const set = (pressed: boolean): void => {
      if (pressed === down) return;
      down = pressed;
      node.setAttribute("aria-pressed", String(pressed));
      const button = this.sim().button(name);
      if (pressed) button.press();
      else button.release();
      this.input();
    };
    node.addEventListener("pointerdown", (e) => {
      node.setPointerCapture(e.pointerId);
      node.focus();
      set(true);
    });
    node.addEventListener("pointerup", () => set(false));
    node.addEventListener("pointercancel", () => set(false));
    node.addEventListener("keydown", (e) => {
      if (e.key !== " " && e.key !== "Enter") return;
      e.preventDefault();
      if (!e.repeat) set(true);
    });
    node.addEventListener("keyup", (e) => {
      if (e.key !== " " && e.key !== "Enter") return;
      e.preventDefault();
      set(false);
    });
    node.addEventListener("blur", () => set(false));
    // A click is a press already handled through the pointer or the keys.
    node.addEventListener("click", (e) => e.preventDefault());
  }
}
