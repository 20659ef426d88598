/**
 * Panics, logs and run outcomes in words: the lines `outpost sim` prints on
 * stderr, and what the browser page (web/), which bundles this file, shows
 * in its log and its banner. Nothing here touches Node: where a source line is
 * shown, the caller looks it up (`SourceLookup`: source.ts's findSource on
 * Node, the page asks its server).
 */
import type { LogEntry, Panic, RunOutcome, TaskInfo } from "../../../sim/index.ts";
import { formatTime } from "../../contract/duration.ts";
import { formatChain, formatParked } from "./inspect.ts";
import type { Source } from "./source.ts";

/** The source line behind a position, as `findSource` (source.ts) gives it. */
export type SourceLookup = (file: string, line: number, column: number) => Source;

const LOG_LEVELS = ["", "error", "warn", "info", "debug"];

/** `[   0.000000] info: blinky: LED1 toggles every 500 ms` */
export function formatLog(entry: LogEntry): string {
  return `[${formatTime(entry.at)}] ${LOG_LEVELS[entry.level] ?? `level ${entry.level}`}: ${entry.text}`;
}

/** The panic's report, with the await site of its task (from `tasks`) when the panic names no source position, and its await chain. */
export function panicReport(panic: Panic, tasks: readonly TaskInfo[], source?: SourceLookup): string {
  const id = panic.taskId ?? -1;
  const task = tasks.find((t) => (id >= 0 ? t.id === id : t.name === panic.task) && (t.where !== null || t.chain?.length));
  return formatPanic(panic, { source, task });
}



/**
 * `[   1.000000] panic POOL_FULL in task "blink": <message>`, then where:
 * for a trap its place in the module, the source position and line when
 * the panic names one, and for a trap the await site the task had resumed
 * from, when known. The first line is the same on every host.
 */
function formatPanic(panic: Panic, options: { source?: SourceLookup; task?: TaskInfo } = {}): string {
  const find = options.source ?? ((file: string): Source => ({ path: file, excerpt: "" }));
  const id = panic.taskId ?? -1;
  const where = panic.task !== null ? `in task "${panic.task}"` : id >= 0 ? `in task ${id}` : "outside any task";
  let text = `[${formatTime(panic.at)}] panic ${panic.code} ${where}: ${panic.message}\n`;
  if (panic.where) text += `    in ${panic.where}\n`;
  if (panic.file) {
    const source = find(panic.file, panic.line, panic.column);
    text += `    at ${source.path}:${panic.line}:${panic.column}\n${source.excerpt}`;
  } else if (options.task?.where && !options.task.chain?.length) {
    const w = options.task.where;
    const source = find(w.file, w.line, w.column);
    text += `    after resuming from ${source.path}:${w.line}:${w.column}${w.fn ? ` in ${w.fn}` : ""}\n${source.excerpt}`;
  }
  const chain = options.task?.chain;
  if (chain?.length) {
    // Where each frame of the task was: the innermost site's line shown when the panic names none.
    text += `    await chain: ${formatChain(options.task!)}\n`;
    const last = chain[chain.length - 1]!.where;
    if (!panic.file && last) text += find(last.file, last.line, last.column).excerpt;
  }
  return text;
}

/** The stderr lines for an outcome other than a panic (formatPanic) and a plain run's pass (nothing). */
export function formatOutcome(outcome: RunOutcome, parked: readonly TaskInfo[]): string {
  const stamp = `[${formatTime(outcome.at)}]`;
  switch (outcome.status) {
    case "passed":
      return `${stamp} passed: ${outcome.message}\n`;
    case "timeout":
      return `${stamp} timeout: ${outcome.message}\n`;
    case "failed":
      return `${stamp} failed: ${outcome.message}\n`;
    case "deadlock":
      return `${stamp} ${outcome.message}\n${formatParked(parked)}`;
    case "panic":
      return "";
  }
}
