/**
 * The build flags a board gives defaults for (board.json `build`), resolved
 * against what the caller asked: what compile.ts builds with, and what the
 * build cache (cache/build.ts) keys on, so that asking for a board's
 * default explicitly finds the same build as leaving it out.
 */
import type { Board } from "../contract/boards.ts";

export interface BuildFlags {
  /** MVP-only Wasm. */
  mvp: boolean;
  /** -O3z rather than -O3. */
  small: boolean;
  /** A few of binaryen's cheapest passes after an unoptimised asc compile, rather than asc -O3 (where not `small`). */
  quick: boolean;
  /** Message literals kept on the host (text-literals.ts). */
  deferText: boolean;
}

/** `given`'s flags, each defaulting to the board's, then to false. */
export function resolveBuildFlags(board: Board, given: Partial<BuildFlags>): BuildFlags {
  const defaults = board.build ?? {};
  return {
    mvp: given.mvp ?? defaults.mvp ?? false,
    small: given.small ?? defaults.small ?? false,
    quick: given.quick ?? defaults.quick ?? false,
    deferText: given.deferText ?? defaults.deferText ?? false,
  };
}
