// Registers shim-hooks.mjs (typescript and binaryen resolved to their
// code-cached shims) once per process, for what the process imports from
// then on: before ts-blank-space (host-tree.mjs) is first imported, or
// AssemblyScript as the plain modules it is (assemblyscript.mjs, when it
// cannot load them as scripts given binaryen). A process that runs Outpost through
// ts-hooks.mjs, which resolves the same, marks itself so (`hooked`).
import { register } from "node:module";

const REGISTERED = Symbol.for("outpost.shim-hooks");

/** Notes that this process's module hooks resolve the shims already (ts-hooks.mjs is registered). */
export function hooked() {
  globalThis[REGISTERED] = true;
}

export function useShims() {
  if (globalThis[REGISTERED]) return;
  globalThis[REGISTERED] = true;
  try {
    register("./shim-hooks.mjs", import.meta.url);
  } catch {
    // no module hooks here: the packages load as the plain modules they are
  }
}
