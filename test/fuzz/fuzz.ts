/**
 * What every fuzz test in this folder asserts about one mutant: whatever
 * the input, the code under test either accepts it or refuses it with an
 * OutpostError, one line naming the file or option (what the CLI prints
 * with exit 1). Any other exception is what `outpost` would report as an
 * internal error (exit 70) with a stack: a failure, named by its seed.
 */
import * as assert from "uvu/assert";
import { OutpostError } from "../../src/contract/errors.ts";

export const MUTANTS = 2000;

/** Tallies of a fuzz run, for the assertion message and the closing note. */
export interface Tally {
  accepted: number;
  refused: number;
}

/** Runs `attempt` on seeds 1 … `count`; fails naming the first seed that threw anything but a one-line OutpostError. */
export async function fuzz(count: number, attempt: (seed: number) => unknown): Promise<Tally> {
  const tally: Tally = { accepted: 0, refused: 0 };
  for (let seed = 1; seed <= count; seed++) {
    try {
      await attempt(seed);
      tally.accepted++;
    } catch (e) {
      if (!(e instanceof OutpostError)) throw new Error(`seed ${seed}: not an OutpostError: ${e instanceof Error ? e.stack : String(e)}`);
      assert.not.match(e.message, /\n/, `seed ${seed}: a message of more than one line: ${e.message}`);
      tally.refused++;
    }
  }
  return tally;
}
