/**
 * Runs a firmware's module initialisers at build time.
 *
 * asc compiles module-level statements (`const ticker = new Ticker()`, the
 * pool behind every `task(n, …)`) into a start function that a board would
 * run once at instantiation: it allocates the pools, the task table and the
 * run queue, and is dead weight in flash afterwards. Size builds
 * (interpreter and Espruino boards) have asc export it instead
 * (`--exportStart`), and `snapshotStart` runs it here, in Node, then writes what it left behind into the module:
 * the memory image becomes the data segments and the globals' values their
 * initial values. The optimiser, which runs only now (asc-optimise.ts),
 * then drops the start function and everything only it called, and turns
 * the globals nothing writes any more (the task table's address, the run
 * queue's mask) into constants. A firmware's pools
 * are thus laid out at build time, as wasm-ctor-eval does for C++
 * constructors; a host sees the same memory and globals when it calls
 * `outpost_init` as it would have after running the start function.
 *
 * A start function that calls the host (a pin claimed at module level
 * rather than in `main()`) or traps cannot run here: it is put back as the
 * module's start function, which start-into-init.ts then moves to the
 * front of `outpost_init`, so it runs on the board.
 */
import { ascFeatures, defaultSettings, loadBinaryen, type Binaryen, type BinaryenModule } from "./binaryen.ts";
import { optimiseSize } from "./asc-optimise.ts";
import { type WasmImports, type WasmMemory, wasm as wasmJs } from "../../contract/wasm-api.ts";

/** What the build has asc call the start function (`--exportStart`); the export is gone from the firmware a host loads. */
export const START_EXPORT = "__outpost_start";

/** Zero bytes between two non-zero runs that one data segment spans rather than paying for a second segment's header. */
const SEGMENT_GAP = 8;

interface StartState {
  /** Linear memory after the start function. */
  memory: Uint8Array;
  /** Each mutable global's value after it, by binaryen's name for the global. */
  globals: Map<string, number | bigint>;
}

class HostCalled extends Error {}

export interface SnapshotOptions {
  /** The module is MVP-only (else it uses asc's default features). */
  mvp: boolean;
  /** Keep function names (a debug build). */
  debug: boolean;
  /** What asc's compile chose for binaryen's closed-world setting (asc-optimise.ts). */
  closedWorld: boolean;
}

/**
 * `wasm` (as asc left it: not optimised) with its start function (exported as START_EXPORT) run at build
 * time, or put back as the start function when it cannot run here; optimised either way.
 */
export async function snapshotStart(wasm: Uint8Array, { mvp, debug, closedWorld }: SnapshotOptions): Promise<Uint8Array> {
  const b = await loadBinaryen();
  // binaryen's settings are global to the process, and another build may change them while the start
  // function runs (below, asynchronously): they are set again before each step that reads them.
  const settle = (): void => {
    defaultSettings(b);
    b.setDebugInfo(debug);
  };
  settle();
  const features = ascFeatures(b, mvp);
  const module = b.readBinary(wasm);
  try {
    module.setFeatures(features);
    const exported = module.getExport(START_EXPORT);
    const state = exported ? await runStart(b, wasm, features) : null; // without the export, asc made no start function
    if (exported) {
      const start = b.getExportInfo(exported).value;
      module.removeExport(START_EXPORT);
      if (state === null) module.setStart(module.getFunction(start));
    }
    if (state !== null) {
      settle();
      setGlobals(b, module, state.globals);
      setMemoryImage(module, state.memory);
    }
    optimiseSize(b, module, { debug, closedWorld });
    settle();
    if (!module.validate()) throw new Error("the module no longer validates after its start function was run at build time");
    return module.emitBinary();
  } finally {
    module.dispose();
  }
}

/** Runs the start function in a throwaway instance whose imports refuse to be called; null if it called one or trapped. */
async function runStart(b: Binaryen, wasm: Uint8Array, features: number): Promise<StartState | null> {
  // Globals are internal; a copy exports the mutable ones so their values can be read afterwards.
  const names: string[] = [];
  const probe = b.readBinary(wasm);
  let bytes: Uint8Array;
  try {
    probe.setFeatures(features | b.Features.MutableGlobals);
    for (let i = 0; i < probe.getNumGlobals(); i++) {
      const global = b.getGlobalInfo(probe.getGlobalByIndex(i));
      if (!global.mutable || global.module) continue;
      probe.addGlobalExport(global.name, `global ${names.length}`);
      names.push(global.name);
    }
    bytes = probe.emitBinary();
  } finally {
    probe.dispose();
  }
  const compiled = await wasmJs.compile(bytes);
  const imports: WasmImports = {};
  for (const entry of wasmJs.Module.imports(compiled)) {
    if (entry.kind !== "function") return null;
    (imports[entry.module] ??= {})[entry.name] = () => {
      throw new HostCalled();
    };
  }
  let exports: Record<string, unknown>;
  try {
    exports = (await wasmJs.instantiate(compiled, imports)).exports;
    (exports[START_EXPORT] as () => void)();
  } catch {
    return null; // a host call or a trap: the board runs the start function itself, in outpost_init
  }
  const globals = new Map<string, number | bigint>();
  names.forEach((name, i) => globals.set(name, (exports[`global ${i}`] as { value: number | bigint }).value));
  return { memory: new Uint8Array((exports.memory as WasmMemory).buffer), globals };
}

/** Gives each global the value it had after the start function. */
function setGlobals(b: Binaryen, module: BinaryenModule, values: Map<string, number | bigint>): void {
  for (const [name, value] of values) {
    const type = b.getGlobalInfo(module.getGlobal(name)).type;
    let init: number;
    if (type === b.i64) init = (module.i64.const as unknown as (v: bigint) => number)(value as bigint); // binaryen 132 takes a bigint, its typings two halves
    else if (type === b.f32) init = module.f32.const(value as number);
    else if (type === b.f64) init = module.f64.const(value as number);
    else init = module.i32.const(value as number);
    // Functions name globals, not index them: the global added back is the one they use.
    module.removeGlobal(name);
    module.addGlobal(name, type, true, init);
  }
}

/** Replaces the data segments with the non-zero parts of `image` (a fresh memory is zero elsewhere). */
function setMemoryImage(module: BinaryenModule, image: Uint8Array): void {
  const info = module.getMemoryInfo();
  const segments: { offset: number; data: Uint8Array }[] = [];
  for (let i = 0; i < image.length; i++) {
    if (image[i] === 0) continue;
    let end = i + 1;
    for (let zeros = 0, j = end; j < image.length && zeros <= SEGMENT_GAP; j++) {
      if (image[j] === 0) zeros++;
      else (zeros = 0), (end = j + 1);
    }
    segments.push({ offset: i, data: image.slice(i, end) });
    i = end;
  }
  const pages = Math.max(info.initial, Math.ceil(image.length / 65536));
  module.removeExport("memory");
  module.setMemory(
    pages,
    info.max ?? -1,
    "memory",
    segments.map((s) => ({ offset: module.i32.const(s.offset), data: s.data, passive: false })),
  );
}
