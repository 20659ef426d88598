/**
 * The one place where errors and firmware panics become text on stderr,
 * and where exit codes are decided:
 *
 *   0  success
 *   1  an OutpostError: bad usage or input (`outpost: error: <message>`)
 *   3  the firmware panicked, trapped or stalled
 *   70 anything else: a bug in Outpost, printed with its stack
 */
import type { Panic } from "../../../sim/index.ts";
import { formatTime } from "../duration.ts";
import { isOutpostError } from "../errors.ts";

export const EXIT_USER_ERROR = 1;
export const EXIT_PANIC = 3;
export const EXIT_INTERNAL = 70;

export function report(error: unknown): number {
  if (isOutpostError(error)) {
    process.stderr.write(`outpost: error: ${error.message}\n`);
    return EXIT_USER_ERROR;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`outpost: internal error, please report it:\n${detail}\n`);
  return EXIT_INTERNAL;
}

/** `[   1.000000] panic POOL_FULL in task "blink": <message>` and the source line below it. */
export function formatPanic(panic: Panic): string {
  const where = panic.task === null ? "outside any task" : `in task "${panic.task}"`;
  let text = `[${formatTime(panic.at)}] panic ${panic.code} ${where}: ${panic.message}\n`;
  if (panic.file) text += `    at ${panic.file}:${panic.line}:${panic.column}\n`;
  return text;
}

export function reportPanic(panic: Panic): number {
  process.stderr.write(formatPanic(panic));
  return EXIT_PANIC;
}
