/**
 * MVP validation: proves a firmware uses no WebAssembly feature past the
 * 1.0 (MVP) spec, which is what interpreter boards run (wasm3 v0.5.0 rejects
 * passive data segments and reference types, the version most board packages ship).
 *
 * Validation is wabt's (the npm `wabt` package, a WebAssembly build of the
 * WebAssembly Binary Toolkit) with every post-MVP proposal switched off.
 * `compileFirmware` runs it on every build for a board of family "wasm";
 * tests and `outpost size` may call it on any file.
 *
 * wabt is loaded on first use, so builds for other boards never pay for it.
 */
import { OutpostError } from "../../contract/errors.ts";

/** Every proposal wabt 1.0.39 can switch, all off: the MVP and nothing else. */
const MVP_FEATURES = {
  exceptions: false,
  mutable_globals: false,
  sat_float_to_int: false,
  sign_extension: false,
  simd: false,
  threads: false,
  function_references: false,
  multi_value: false,
  tail_call: false,
  bulk_memory: false,
  reference_types: false,
  annotations: false,
  code_metadata: false,
  gc: false,
  memory64: false,
  extended_const: false,
  relaxed_simd: false,
} as const;

interface WabtModule {
  readWasm(buffer: Uint8Array, options: Record<string, boolean>): { validate(): void; destroy(): void };
}

let wabtPromise: Promise<WabtModule> | null = null;

function loadWabt(): Promise<WabtModule> {
  wabtPromise ??= import("wabt").then(
    (m) => (m.default as unknown as () => Promise<WabtModule>)(),
    () => {
      wabtPromise = null;
      throw new OutpostError(
        "BUILD_FAILED",
        "cannot validate the firmware for an interpreter board: the wabt package is missing (run npm install)",
      );
    },
  );
  return wabtPromise;
}

/**
 * Why `wasm` is not MVP-only WebAssembly (wabt's first complaint, one line),
 * or null when it is valid MVP Wasm.
 */
export async function mvpProblem(wasm: Uint8Array): Promise<string | null> {
  const wabt = await loadWabt();
  // A fresh copy: wabt reads past the end of a view into a larger buffer
  // (such as a small Buffer from readFileSync, which sits in a shared pool).
  const bytes = new Uint8Array(wasm);
  let module: ReturnType<WabtModule["readWasm"]> | null = null;
  try {
    module = wabt.readWasm(bytes, { readDebugNames: false, check: true, ...MVP_FEATURES });
    module.validate();
    return null;
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    const lines = text.split("\n").map((l) => l.trim()).filter((l) => l && !/^(readWasm|validate) failed:?$/.test(l));
    return lines[0] ?? text;
  } finally {
    module?.destroy();
  }
}

/** Throws BUILD_FAILED naming `file`, `board` and wabt's complaint unless `wasm` is MVP-only. */
export async function assertMvp(wasm: Uint8Array, file: string, board: string): Promise<void> {
  const problem = await mvpProblem(wasm);
  if (problem === null) return;
  throw new OutpostError(
    "BUILD_FAILED",
    `${file} is not MVP-only WebAssembly, which board "${board}" requires (${problem}): ` +
      `build it with outpost build --board ${board}, which compiles with every post-MVP feature disabled`,
  );
}
