/**
 * The one place where errors become text on stderr, and where exit codes
 * are decided (outcome-text.ts words panics and run outcomes):
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
import type { RunOutcome } from "../../../sim/index.ts";
import { isOutpostError } from "../../contract/errors.ts";

export const EXIT_OK = 0;
export const EXIT_USER_ERROR = 1;
export const EXIT_TIMEOUT = 2;
export const EXIT_PANIC = 3;
export const EXIT_FAILED = 4;
export const EXIT_DEADLOCK = 5;
export const EXIT_INTERNAL = 70;
export const EXIT_INTERRUPTED = 130;

/** `n word`, with an s when n is not 1: "1 site", "3 sites". */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

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
