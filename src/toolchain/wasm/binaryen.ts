/**
 * binaryen's JS API (the `binaryen` npm package, pinned in package.json),
 * loaded on first use: it is a 14 MB module, so commands that never
 * rewrite Wasm (the simulator, a build for the sim board) never load it.
 * Used by the Espruino translation (wasm2js) and by interpreter-board
 * builds (start-snapshot.ts).
 *
 * It is the same instance AssemblyScript compiles with (package.json pins
 * one binaryen for both), and binaryen's optimizer settings are global to
 * the instance: asc leaves its own behind (far more inlining, fast math, a
 * closed world, low memory unused). Every step here starts from binaryen's
 * defaults (`defaultSettings`) before it sets the levels it wants, so its
 * output does not depend on what was compiled before it in the process.
 */
import type binaryenApi from "binaryen";

export type Binaryen = typeof binaryenApi;
export type BinaryenModule = binaryenApi.Module;

let loading: Promise<Binaryen> | null = null;

export function loadBinaryen(): Promise<Binaryen> {
  // binaryen with V8's code cache, the instance AssemblyScript is given too (tools/assemblyscript.mjs)
  loading ??= import("../../../tools/binaryen.mjs").then((m) => m.default);
  return loading;
}

/**
 * The features of a module asc emitted, which has no features section to read them from: MVP, or asc's
 * defaults but saturating float-to-integer conversions (compile.ts turns them off for every board, so a
 * conversion out of range traps everywhere). Bulk memory comes with its optimisations: binaryen aborts when a pass meets memory.copy or
 * memory.fill in a module that has bulk memory without them.
 */
export function ascFeatures(b: Binaryen, mvp: boolean): number {
  const f = b.Features;
  return mvp ? f.MVP : f.MutableGlobals | f.SignExt | f.BulkMemory | f.BulkMemoryOpt;
}

/** binaryen's own defaults for every global optimizer setting asc changes. */
export function defaultSettings(b: Binaryen): void {
  b.setOptimizeLevel(2);
  b.setShrinkLevel(1);
  b.setDebugInfo(false);
  b.setLowMemoryUnused(false);
  b.setZeroFilledMemory(false);
  b.setFastMath(false);
  b.setTrapsNeverHappen(false);
  b.setClosedWorld(false);
  b.setAlwaysInlineMaxSize(2);
  b.setFlexibleInlineMaxSize(20);
  b.setOneCallerInlineMaxSize(-1);
  b.setAllowInliningFunctionsWithLoops(false);
  b.setGenerateStackIR(false);
  b.setOptimizeStackIR(false);
  b.clearPassArguments();
}
