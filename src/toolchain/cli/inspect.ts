/**
 * Task tables for people: what `outpost sim --inspect` prints at the end of
 * a run (and on Ctrl-C), and the task list of a deadlock report.
 *
 *   [  10.000000] 3 tasks, deadlock
 *     id  task   state     polls  wakes  for        await site
 *      0  ping   parked        1      0  10.000000  test/firmware/deadlock.ts:22:10 in Ping.poll
 *      2  hello  finished      1      0  10.000000
 *
 * "for" is how long the task has been in its state, in virtual seconds; for
 * a parked task, since its last poll. "await site" is where a parked task
 * waits: a source position when the build's site table is loaded, `site N`
 * without one, `?` when the firmware does not report sites. A parked task
 * whose await goes into async calls gets its whole await chain below the
 * table, outermost first:
 *
 *     await chain: task "echo" → examples/echo/main.ts:20:5 in echo → hal/drivers/line_reader.ts:48:9 in readLine
 */
import type { Liveness, TaskInfo } from "../../../sim/index.ts";
import { formatSite } from "../../../sim/sites.ts"; // not index.ts: the browser page bundles this file without the scenario parser
import { formatTime } from "../../contract/duration.ts";

export function formatTaskTable(tasks: readonly TaskInfo[], now: number, liveness: Liveness): string {
  const rows = tasks
    .filter((t) => t.state !== "free")
    .map((t) => [String(t.id), t.name, t.state, String(t.polls), String(t.wakes), formatTime(now - t.since).trim(), t.state === "parked" ? siteText(t) : ""]);
  const header = ["id", "task", "state", "polls", "wakes", "for", "await site"];
  const right = [true, false, false, true, true, true, false];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string =>
    "  " + cells.map((c, i) => (right[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd() + "\n";
  const count = `${rows.length} task${rows.length === 1 ? "" : "s"}`;
  let text = `[${formatTime(now)}] ${count}, ${describeLiveness(liveness)}\n` + line(header) + rows.map(line).join("");
  for (const t of tasks) if (t.state === "parked" && (t.chain?.length ?? 0) > 1) text += `  await chain: ${formatChain(t)}\n`;
  if (tasks.some((t) => t.state === "parked" && t.site !== null && t.site >= 0 && t.where === null)) {
    text += "  (pass --sites FILE, or keep <firmware>.sites.json beside the firmware, to see source lines)\n";
  }
  return text;
}

/** One line per parked task, for a deadlock report, and its await chain when it goes deeper than the task's own await. */
export function formatParked(tasks: readonly TaskInfo[]): string {
  return tasks
    .map((t) => {
      const site = siteText(t);
      const at = t.where ? ` at ${site}` : t.site !== null && t.site >= 0 ? ` at await ${site}` : "";
      const chain = (t.chain?.length ?? 0) > 1 ? `      await chain: ${formatChain(t)}\n` : "";
      return `    task "${t.name}" (id ${t.id}) parked since ${formatTime(t.since).trim()}s${at}\n${chain}`;
    })
    .join("");
}

/** `task "echo" → file:line:col in fn → …`: the task, then each await its frames are parked at, outermost first. */
export function formatChain(t: TaskInfo): string {
  const steps = (t.chain ?? []).map((s) => (s.where ? formatSite(s.where) : `await site ${s.id}`));
  return [`task "${t.name}"`, ...steps].join(" → ");
}

export function describeLiveness(l: Liveness): string {
  switch (l.kind) {
    case "running":
      return "running";
    case "idle":
      return `idle, waiting for ${l.inputs.join(", ")}`;
    case "done":
      return "done, every task finished";
    case "deadlock":
      return "deadlock";
    case "stopped":
      return "stopped";
  }
}

/** Where a task waits, as the table shows it: file:line:column, `site N`, `?`, or "" for none. */
export function siteText(t: TaskInfo): string {
  if (t.where) return formatSite(t.where);
  if (t.site === null) return "?";
  return t.site < 0 ? "" : `site ${t.site}`;
}
