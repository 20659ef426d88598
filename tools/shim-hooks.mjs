// A module hook that resolves `binaryen` to binaryen.mjs (binaryen compiled
// with V8's code cache), for processes that run without ts-hooks.mjs (which
// resolves it so itself): `outpost` from its transpiled copy. Registered by
// src/toolchain/wasm/binaryen.ts before anything imports binaryen or
// AssemblyScript (which imports it too), so that both get the one module.
const shim = new URL("./binaryen.mjs", import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === "binaryen") return { url: shim, format: "module", shortCircuit: true };
  return nextResolve(specifier, context);
}
