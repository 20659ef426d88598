/**
 * Optimises a quick build (a board with `build.quick`, such as the
 * simulator's): asc compiles it without optimising (-O0) and a short list
 * of binaryen's cheapest passes tidies the module, here.
 *
 * A quick build is part of every edit–run cycle, and the simulator runs it
 * in V8, which optimises the code itself: what V8 cannot do is drop what
 * asc -O0 leaves for an optimiser (unused functions, copies between
 * locals, blocks and branches that do nothing, constant expressions), so
 * that is all these passes do. Measured on the test firmware (a few
 * hundred lines each): 45–55 ms instead of binaryen's -O1 pipeline's
 * 145–210 ms (asc's own -O1, which adds re-optimising inlining, was
 * slower still), for a module a quarter larger than -O1's, which the
 * simulator runs as fast (bench/sim_speed.bench.ts). Size and speed
 * builds (-O3z, -O3) keep asc's own pipeline. The passes run where asc
 * would have optimised (asc-optimise.ts), on its module.
 */
import { type Binaryen, type BinaryenModule, defaultSettings } from "./binaryen.ts";

/** In order; each reads what the one before it left (locals simplified before they are coalesced, blocks merged after). */
const PASSES = [
  "remove-unused-module-elements",
  "precompute",
  "simplify-locals-nostructure",
  "vacuum",
  "coalesce-locals",
  "merge-blocks",
  "remove-unused-brs",
  "remove-unused-names",
];

/** Runs the passes on `module` (asc's, compiled for the build's features), in place. */
export function optimiseQuick(b: Binaryen, module: BinaryenModule, { debug }: { debug: boolean }): void {
  // binaryen's settings are global to the process: set right before the passes that read them.
  defaultSettings(b);
  b.setOptimizeLevel(1);
  b.setShrinkLevel(0);
  b.setDebugInfo(debug);
  module.runPasses(PASSES);
}
