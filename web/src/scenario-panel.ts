/**
 * Scenario files in the page: choose one (docs/scenarios.md), and Play
 * restarts the firmware from t = 0 and runs the scenario's steps against it,
 * judged as `outpost sim --scenario` judges them. Each step is listed with
 * its state, updated as the run goes:
 *
 *   pending   not begun          running   under way
 *   passed    done, with when    failed    the step the outcome blames
 *
 * The outcome line is the CLI's (outcome-text.ts). A malformed file, or one
 * written for another board, is refused with the parser's message and
 * nothing runs.
 */
import type { Board } from "../../src/contract/boards.ts";
import { formatDuration, formatTime } from "../../src/contract/duration.ts";
import type { Scenario, Step } from "../../sim/index.ts";
import { formatOutcome } from "../../src/toolchain/cli/outcome-text.ts";
import type { BoardRun } from "./board-run.ts";
import { el, setText } from "./dom.ts";

export class ScenarioPanel {
  private readonly board: Board;
  readonly node: HTMLElement;
  private readonly list = el("ol", { class: "steps" });
  private readonly result = el("p", { class: "result", "aria-live": "polite" });
  private readonly play = el("button", { type: "button", disabled: "" }, "Play");
  private scenario: Scenario | null = null;
  /** The run whose marks are on show, and how many of its steps are marked passed. */
  private drawn: BoardRun | null = null;
  private marked = 0;

  constructor(
    board: Board,
    start: (scenario: Scenario) => void,
  ) {
    this.board = board;
    const file = el("input", { type: "file", accept: ".yaml,.yml", "aria-label": "Scenario file" });
    file.addEventListener("change", async () => {
      const chosen = file.files?.[0];
      if (chosen) await this.load(await chosen.text(), chosen.name);
    });
    this.play.addEventListener("click", () => this.scenario && start(this.scenario));
    this.node = el("section", { class: "scenario", "aria-label": "Scenario" }, el("h2", {}, "Scenario"), el("div", { class: "pick" }, file, this.play), this.list, this.result);
  }

  /** Reads scenario text (`name` is its file name); shows its steps, or why it cannot run. */
  async load(text: string, name: string): Promise<void> {
    this.scenario = null;
    this.play.disabled = true;
    this.list.textContent = "";
    try {
      // The parser brings yaml, the largest part of the page: it loads when first needed.
      const { parseScenario, checkScenario } = await import("../../sim/scenario.ts");
      const scenario = parseScenario(text, name);
      if (scenario.board !== undefined && scenario.board !== this.board.name) {
        throw new Error(`${name} is written for board "${scenario.board}", but this page runs board "${this.board.name}": start outpost view with --board ${scenario.board}`);
      }
      checkScenario(scenario, this.board);
      this.scenario = scenario;
    } catch (e) {
      setText(this.result, (e as Error).message);
      return;
    }
    for (const step of this.scenario.steps) this.list.append(el("li", { class: "pending" }, describe(step), el("span", { class: "mark" }, "pending")));
    setText(this.result, `${this.scenario.name}: ${this.scenario.steps.length} steps, press Play`);
    this.play.disabled = false;
  }

  /** Marks the steps of `run` (a run of this panel's scenario); only the steps whose mark changed are touched. */
  draw(run: BoardRun): void {
    if (run.scenario === null || run.scenario !== this.scenario) return;
    const outcome = run.outcome;
    // The step an outcome blames has begun (ScenarioRun.step has moved past it) but not passed.
    const blamed = outcome && outcome.status !== "passed" ? outcome.step?.index : undefined;
    const under = Math.min(blamed ?? run.run.step, this.list.children.length);
    if (run !== this.drawn) {
      this.drawn = run;
      for (const item of this.list.children) this.mark(item, "pending", "pending");
      this.marked = 0;
    }
    for (; this.marked < under; this.marked++) {
      this.mark(this.list.children[this.marked]!, "passed", `passed at ${formatTime(run.stepsDone[this.marked] ?? run.sim.now).trim()} s`);
    }
    const current = this.list.children[under];
    if (current && blamed === under) this.mark(current, "failed", "failed");
    else if (current) this.mark(current, outcome ? "pending" : "running", outcome ? "pending" : "running");
    setText(this.result, outcome ? formatOutcome(outcome, run.sim.deadlock?.parked ?? []).trim() || `${outcome.status}: ${outcome.message}` : `running step ${under + 1} of ${this.list.children.length}`);
  }

  private mark(item: Element, state: string, text: string): void {
    item.className = state;
    setText(item.lastChild!, text);
  }
}

/** A step as the file says it: `wait-serial "> " (5s)`. */
function describe(step: Step): string {
  switch (step.kind) {
    case "delay":
      return `delay ${formatDuration(step.duration)}`;
    case "press":
    case "release":
      return `${step.kind} ${step.button}`;
    case "tap":
      return `tap ${step.button} for ${formatDuration(step.hold)}`;
    case "write-serial":
      return `write-serial ${JSON.stringify(step.text)}${step.uart ? ` to ${step.uart}` : ""}`;
    case "wait-serial":
      return `wait-serial ${JSON.stringify(step.text)}${step.uart ? ` on ${step.uart}` : ""} within ${formatDuration(step.timeout)}`;
    case "expect-pin":
      return `expect-pin ${step.pin} ${step.level ? "high" : "low"}`;
  }
}
