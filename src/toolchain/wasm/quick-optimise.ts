/**
 * Optimises a quick build (a board with `build.quick`, such as the
 * simulator's): asc compiles it without optimising (-O0) and binaryen's own
 * -O1 pipeline optimises the module, here.
 *
 * asc's -O1 adds inlining that re-optimises every function something was
 * inlined into (binaryen's inlining-optimizing pass), and that pass was most
 * of a quick build's time: 12 s of 16 s of passes on a 485 KB firmware, a
 * third of a typical one's whole build. The simulator runs the module in V8,
 * which inlines small functions itself, so it runs as fast either way
 * (bench/sim_speed.bench.ts); 30 test firmwares build in 9.2 s instead of
 * 14.5 s. Size and speed builds (-O3z, -O3) keep asc's own pipeline.
 */
import { ascFeatures, defaultSettings, loadBinaryen } from "./binaryen.ts";

export interface QuickOptions {
  /** The module is MVP-only (else it uses asc's default features). */
  mvp: boolean;
  /** Keep function names (a debug build). */
  debug: boolean;
}

export async function optimiseQuick(wasm: Uint8Array, { mvp, debug }: QuickOptions): Promise<Uint8Array> {
  const b = await loadBinaryen();
  const module = b.readBinary(wasm);
  try {
    module.setFeatures(ascFeatures(b, mvp));
    // binaryen's settings are global to the process: set right before the passes that read them, with no await between.
    defaultSettings(b);
    b.setOptimizeLevel(1);
    b.setShrinkLevel(0);
    b.setDebugInfo(debug);
    module.optimize();
    return module.emitBinary();
  } finally {
    module.dispose();
  }
}
