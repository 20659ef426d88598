/**
 * The one place where errors, firmware panics and run outcomes become text
 * on stderr, and where exit codes are decided:
 *
 *   0    success (for `outpost sim`: the run passed)
 *   1    an OutpostError: bad usage or input, a malformed scenario (`outpost: error: <message>`)
 *   2    an expectation was not met in time: a wait-serial or --expect-text
 *        timed out, or the scenario was still running when --for ran out
 *   3    the firmware panicked, trapped or stalled
 *   4    an expectation failed: a --fail-text appeared, an expect-pin saw the wrong level
 *   5    deadlock: every task parked with nothing left that could wake one
 *   70   anything else: a bug in Outpost, printed with its stack
 *   130  interrupted (Ctrl-C)
 */
import type { Panic, RunOutcome, TaskInfo } from "../../../sim/index.ts";
import { formatTime } from "../../contract/duration.ts";
import { isOutpostError } from "../../contract/errors.ts";
import { formatParked } from "./inspect.ts";
import { findSource } from "./source.ts";

export const EXIT_OK = 0;
export const EXIT_USER_ERROR = 1;
export const EXIT_TIMEOUT = 2;
export const EXIT_PANIC = 3;
export const EXIT_FAILED = 4;
export const EXIT_DEADLOCK = 5;
export const EXIT_INTERNAL = 70;
export const EXIT_INTERRUPTED = 130;

export function report(error: unknown): number {
  if (isOutpostError(error)) {
    process.stderr.write(`outpost: error: ${error.message}\n`);
    // A firmware that panics or traps while a command loads it (outpost build runs outpost_init) exits as a panic does in a run.
    return error.code === "FIRMWARE_PANIC" || error.code === "FIRMWARE_TRAP" ? EXIT_PANIC : EXIT_USER_ERROR;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`outpost: internal error, please report it:\n${detail}\n`);
  return EXIT_INTERNAL;
}

/**
 * `[   1.000000] panic POOL_FULL in task "blink": <message>`, then where:
 * the source position and line when the panic names one, and for a trap
 * the await site the task had resumed from, when known.
 */
export function formatPanic(panic: Panic, options: { dirs?: readonly string[]; task?: TaskInfo } = {}): string {
  const id = panic.taskId ?? -1;
  const where = panic.task !== null ? `in task "${panic.task}"` : id >= 0 ? `in task ${id}` : "outside any task";
  let text = `[${formatTime(panic.at)}] panic ${panic.code} ${where}: ${panic.message}\n`;
  if (panic.file) {
    const source = findSource(panic.file, panic.line, panic.column, options.dirs);
    text += `    at ${source.path}:${panic.line}:${panic.column}\n${source.excerpt}`;
  } else if (options.task?.where) {
    const w = options.task.where;
    const source = findSource(w.file, w.line, w.column, options.dirs);
    text += `    after resuming from ${source.path}:${w.line}:${w.column}${w.fn ? ` in ${w.fn}` : ""}\n${source.excerpt}`;
  }
  return text;
}

/** The exit code of a finished `outpost sim` run. */
export function exitCode(outcome: RunOutcome): number {
  switch (outcome.status) {
    case "passed":
      return EXIT_OK;
    case "timeout":
      return EXIT_TIMEOUT;
    case "panic":
      return EXIT_PANIC;
    case "failed":
      return EXIT_FAILED;
    case "deadlock":
      return EXIT_DEADLOCK;
  }
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
