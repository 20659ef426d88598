/**
 * The firmware's log, stamped with virtual time, line for line as `outpost
 * sim` prints it on stderr (formatLog), the last KEEP lines. The simulator's
 * own warnings ("sim: …") come through here too.
 */
import type { LogEntry } from "../../sim/index.ts";
import { formatLog } from "../../src/toolchain/cli/outcome-text.ts";
import { el } from "./dom.ts";

const KEEP = 500;

export class LogView {
  readonly node: HTMLElement;
  private readonly output = el("pre", { class: "out", role: "log", tabindex: "0", "aria-label": "Log" });
  private lines: string[] = [];
  private fresh = false;

  constructor() {
    this.node = el("section", { class: "log", "aria-label": "Log" }, el("h2", {}, "Log"), this.output);
  }

  add(entry: LogEntry): void {
    this.lines.push(formatLog(entry));
    if (this.lines.length > KEEP * 2) this.lines = this.lines.slice(-KEEP);
    this.fresh = true;
  }

  clear(): void {
    this.lines = [];
    this.fresh = true;
  }

  draw(): void {
    if (!this.fresh) return;
    this.fresh = false;
    this.output.textContent = this.lines.slice(-KEEP).join("\n");
    this.output.scrollTop = this.output.scrollHeight;
  }
}
