/**
 * The banner over the page when a run ends badly: a panic (trap, stall)
 * or a deadlock, with the report `outpost sim` prints for it
 * (outcome-text.ts), word for word. A panic's source line comes from the
 * server, which reads the file as the CLI would (GET /source); until it
 * answers, or if it cannot, the report shows the position alone. A failed
 * --watch build shows here too.
 */
import type { RunOutcome, Simulator } from "../../sim/index.ts";
import { formatOutcome, panicReport } from "../../src/toolchain/cli/outcome-text.ts";
import { el } from "./dom.ts";
import { type SourceLine, fetchSource } from "./session.ts";

export class Banner {
  readonly node = el("div", { class: "banner", role: "alert", hidden: "" });
  private shown: RunOutcome | null = null;

  /** Shows the run's outcome if it is a panic or a deadlock; hides the banner for a run still going. */
  show(sim: Simulator, outcome: RunOutcome | null): void {
    if (outcome === this.shown) return;
    this.shown = outcome;
    if (!outcome || (outcome.status !== "panic" && outcome.status !== "deadlock")) return this.hide();
    if (outcome.status === "deadlock") return this.set("Deadlock", formatOutcome(outcome, sim.deadlock?.parked ?? []));
    const panic = sim.panic!;
    const tasks = sim.tasks();
    const lines = new Map<string, SourceLine>();
    const wanted: [string, number, number][] = [];
    const report = (): string =>
      panicReport(panic, tasks, (file, line, column) => {
        wanted.push([file, line, column]);
        return lines.get(`${file}:${line}:${column}`) ?? { path: file, excerpt: "" };
      });
    this.set(`Panic ${panic.code}`, report());
    for (const [file, line, column] of wanted) {
      fetchSource(file, line, column).then(
        (source) => {
          lines.set(`${file}:${line}:${column}`, source);
          if (this.shown === outcome) this.set(`Panic ${panic.code}`, report());
        },
        () => {}, // no source line: the report keeps the position alone, as the CLI's does
      );
    }
  }

  /** A failed rebuild (--watch): the page keeps running the previous build. */
  buildFailed(message: string): void {
    this.set("Build failed", message + "\n(the page still runs the previous build; save again to retry)");
  }

  hide(): void {
    this.node.hidden = true;
  }

  private set(title: string, text: string): void {
    this.node.replaceChildren(el("strong", {}, title), el("pre", {}, text));
    this.node.hidden = false;
  }
}
