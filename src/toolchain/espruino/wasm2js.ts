/**
 * WebAssembly → JavaScript with binaryen's wasm2js (the `binaryen` npm
 * package, pinned in package.json), in-process through its JS API.
 *
 * Called by bundle.ts only. The module is optimised again first, inlining
 * every function called from one place (fewer functions: fewer JsVars);
 * then optimisation level 2 with shrink level 2 gives wasm2js's smallest
 * output. The features are MVP and the few AssemblyScript
 * uses by default, so a non-MVP module still translates (its bulk-memory
 * helpers are then caught by the checker); enabling every feature instead
 * makes binaryen 132 fail on some modules (exception handling and GC).
 */
import { defaultSettings, loadBinaryen, type BinaryenModule } from "../wasm/binaryen.ts";
import { OutpostError } from "../../contract/errors.ts";

export async function wasmToJs(wasm: Uint8Array, file: string): Promise<string> {
  const b = await loadBinaryen();
  let module: BinaryenModule;
  try {
    module = b.readBinary(new Uint8Array(wasm));
  } catch (e) {
    throw new OutpostError("NOT_WASM", `${file}: wasm2js cannot read the module (${e instanceof Error ? e.message : String(e)})`);
  }
  try {
    const f = b.Features;
    module.setFeatures(f.MVP | f.MutableGlobals | f.SignExt | f.BulkMemory | f.NontrappingFPToInt);
    defaultSettings(b); // binaryen's settings are global: asc and a debug build leave theirs behind
    // First inline what is small or called once. On Espruino a function costs 4 JsVars and one per
    // parameter for as long as it exists, and a call costs time; inlining a function called once adds
    // no text. Larger inlining makes bodies longer, which Espruino re-reads on every call: measured
    // slower (boards/espruino/README.md).
    const saved = [b.getAlwaysInlineMaxSize(), b.getFlexibleInlineMaxSize(), b.getOneCallerInlineMaxSize()] as const;
    try {
      b.setAlwaysInlineMaxSize(10);
      b.setFlexibleInlineMaxSize(20);
      b.setOneCallerInlineMaxSize(100000);
      b.setOptimizeLevel(2);
      b.setShrinkLevel(1);
      module.optimize();
    } finally {
      // binaryen's settings are global: leave them as other builds expect them
      b.setAlwaysInlineMaxSize(saved[0]);
      b.setFlexibleInlineMaxSize(saved[1]);
      b.setOneCallerInlineMaxSize(saved[2]);
    }
    b.setOptimizeLevel(2);
    b.setShrinkLevel(2);
    return module.emitAsmjs();
  } finally {
    module.dispose();
  }
}
