// A module hook that resolves `typescript` and `binaryen` to typescript.mjs
// and binaryen.mjs, which load them compiled with V8's code cache. The
// loader's hooks (ts-hooks.mjs) are these plus type stripping; a process
// that runs without them (`outpost` from its transpiled copy, host-tree.mjs)
// registers these alone before it imports what imports either package:
// ts-blank-space imports TypeScript, and AssemblyScript binaryen where it
// is imported as modules (assemblyscript.mjs hands it in otherwise), and
// each must get the one copy the rest of the process uses.
const shims = {
  typescript: new URL("./typescript.mjs", import.meta.url).href,
  binaryen: new URL("./binaryen.mjs", import.meta.url).href,
};

export async function resolve(specifier, context, nextResolve) {
  if (Object.hasOwn(shims, specifier)) return { url: shims[specifier], format: "module", shortCircuit: true };
  return nextResolve(specifier, context);
}
