/**
 * What runs in place of asc's optimiser: nothing yet for a size build,
 * which is optimised after its start function has run at build time; a
 * few cheap passes for a quick build.
 *
 * A size build (interpreter, native and Espruino boards) runs its module
 * initialisers in Node (start-snapshot.ts), which turns the globals they
 * set into constants and their memory into data, so an optimiser must run
 * after that to fold what became constant. asc used to run its -O3z
 * pipeline before the snapshot, on the start function and everything only
 * it calls; run after it instead, the first of its passes drops that code,
 * and binaryen's -O3z follows as before. Measured on the 75 builds of the
 * examples and 20 test firmwares for wasm3-esp32, espruino-pico and
 * mps2-an385, in one process: 34.6 s of CPU instead of 44.3–45.0 s, and
 * 724 bytes smaller in all (one firmware 35 bytes larger, the most).
 *
 * So a size build has asc compile with -O3z's hints (which steer its code
 * generation) but skip its optimiser (`replaceAscOptimise` with no
 * passes), and `optimiseSize` runs asc's own pipeline later, with the
 * setting asc's compile chose for the module (a closed world, unless a
 * function type crosses the boundary). A quick build's passes
 * (quick-optimise.ts) run on asc's module where its optimiser would have:
 * asc then writes the binary once, where reading it back into binaryen
 * and writing it again cost a quarter of the passes' time.
 */
import type { Module as AscModule } from "assemblyscript";
import { compiler } from "../../../tools/assemblyscript.mjs";
import { defaultSettings, type Binaryen, type BinaryenModule } from "./binaryen.ts";

/** What asc's compile decided for a module whose optimisation waits: binaryen's closed-world setting. */
export interface Deferral {
  /** An asc transform: passed in asc.main's `transforms`. */
  transform: { afterCompile(module: { ptr: number }): void };
  /** Set once asc has compiled (null before, or when it never got that far). */
  closedWorld: boolean | null;
  /** Forget the module (call when asc.main returns, whether or not it optimised). */
  done(): void;
}

/** Modules (binaryen refs) whose asc.main must not optimise, with what runs instead: refs are reused, so each is removed when its build ends. */
const waiting = new Map<number, ((module: BinaryenModule) => void) | null>();
let installed = false;

/** Makes the next asc.main given `deferral.transform` run `instead` (or nothing) where it would optimise. */
export function replaceAscOptimise(b: Binaryen, instead: ((module: BinaryenModule) => void) | null = null): Deferral {
  install(b);
  let ref = 0;
  const deferral: Deferral = {
    closedWorld: null,
    transform: {
      afterCompile(module) {
        ref = module.ptr;
        waiting.set(ref, instead);
        deferral.closedWorld = b.getClosedWorld();
      },
    },
    done: () => void waiting.delete(ref),
  };
  return deferral;
}

function install(b: Binaryen): void {
  if (installed) return;
  installed = true;
  const optimize = compiler.Module.prototype.optimize;
  compiler.Module.prototype.optimize = function (this: AscModule, ...args: Parameters<typeof optimize>) {
    const ref = (this as unknown as { ref: number }).ref;
    if (!waiting.has(ref)) return optimize.apply(this, args);
    waiting.get(ref)?.(b.wrapModule(ref));
    // asc emits the module next, and binaryen's emitter reads settings that are global to the process (another
    // build, or the passes just run, may have left any): set those optimize() would have.
    this.setDebugInfo(args[2] ?? false);
    this.setGenerateStackIR(false);
    this.setOptimizeStackIR(false);
  } as typeof optimize;
}

/** The part of asc's Module used here (`lit` is private in its typings). */
interface AscWrapper {
  optimize(optimizeLevel: number, shrinkLevel: number, debugInfo: boolean, zeroFilledMemory: boolean): void;
  lit: number;
}

/** asc's -O3z pipeline, then binaryen's, on `module` (a module of the binaryen instance asc compiles with). */
export function optimiseSize(b: Binaryen, module: BinaryenModule, { debug, closedWorld }: { debug: boolean; closedWorld: boolean }): void {
  defaultSettings(b);
  b.setClosedWorld(closedWorld);
  // asc's Module over the same ref: its optimize() reads only the module and binaryen's settings. It owns
  // one buffer of its own (for literals), freed here; the module stays the caller's to dispose.
  const Ctor = compiler.Module as unknown as new (ref: number, useShadowStack: boolean, sizeType: number) => AscWrapper;
  const wrapper = new Ctor(module.ptr, false, b.i32);
  try {
    wrapper.optimize(3, 2, debug, false);
  } finally {
    (b as unknown as { _free(ptr: number): void })._free(wrapper.lit);
  }
  defaultSettings(b);
  b.setDebugInfo(debug);
  b.setOptimizeLevel(3);
  b.setShrinkLevel(2);
  module.optimize();
}
