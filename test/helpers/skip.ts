/**
 * Tests that need a tool the machine may lack (gcc, a fetched peer): when
 * it is missing the test is skipped, and `npm test` lists it by name with
 * the reason before its last line (test/run.ts), so a skip is never silent.
 *
 *   const it = when(hasGcc, "gcc is not installed");
 *   it(test, "the host loop blinks", () => { … });
 */
import type { Test } from "uvu";

const skipped = ((globalThis as { OUTPOST_SKIPPED?: string[] }).OUTPOST_SKIPPED ??= []);

/** Declares tests on `suite` when `ok`; otherwise skips each, recording its name and `why`. */
export function when(ok: boolean, why: string) {
  return (suite: Test, name: string, fn: () => void | Promise<void>): void => {
    if (ok) return suite(name, fn);
    suite.skip(name, fn);
    skipped.push(`${name} (skipped: ${why})`);
  };
}

/** The names recorded since the last call, emptied (test/run-worker.ts reports them per file). */
export function takeSkipped(): string[] {
  return skipped.splice(0);
}
