/**
 * The live task table: the columns `outpost sim --inspect` prints (id, task,
 * state, polls, wakes, for how long, await site as file:line:column), one
 * row per task slot in use, redrawn each frame, and above it what the
 * simulator says of the firmware as a whole (running, idle and waiting for
 * what, done, deadlock, stopped).
 */
import { formatTime } from "../../src/contract/duration.ts";
import type { Simulator } from "../../sim/index.ts";
import { describeLiveness, siteText } from "../../src/toolchain/cli/inspect.ts";
import { el, setText } from "./dom.ts";

const COLUMNS = ["id", "task", "state", "polls", "wakes", "for", "await site"];

export class TaskTable {
  private sim: () => Simulator;
  readonly node: HTMLElement;
  private readonly body = el("tbody");
  private readonly status = el("p", { class: "liveness", "aria-live": "polite" });

  constructor(sim: () => Simulator) {
    this.sim = sim;
    const head = el("tr", {}, ...COLUMNS.map((c) => el("th", { scope: "col" }, c)));
    this.node = el("section", { class: "tasks", "aria-label": "Tasks" }, el("h2", {}, "Tasks"), this.status, el("div", { class: "scroll" }, el("table", {}, el("thead", {}, head), this.body)));
  }

  draw(): void {
    const sim = this.sim();
    const tasks = sim.tasks().filter((t) => t.state !== "free");
    setText(this.status, sim.introspects ? describeLiveness(sim.liveness()) : "a release build: it reports no tasks");
    while (this.body.rows.length > tasks.length) this.body.deleteRow(-1);
    while (this.body.rows.length < tasks.length) {
      const row = this.body.insertRow();
      for (let i = 0; i < COLUMNS.length; i++) row.insertCell();
    }
    tasks.forEach((t, i) => {
      const cells = [String(t.id), t.name, t.state, String(t.polls), String(t.wakes), formatTime(sim.now - t.since).trim(), t.state === "parked" ? siteText(t) : ""];
      const row = this.body.rows[i]!;
      row.className = t.state;
      cells.forEach((text, c) => setText(row.cells[c]!, text));
    });
  }
}
