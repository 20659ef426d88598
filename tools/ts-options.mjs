// The TypeScript settings Outpost's host code is transpiled with, shared by
// the transpile cache (transpile.mjs: the on-the-fly loader and the bundles)
// and the host tree (host-tree.mjs); each adds only how it wants source maps. `ts` is the typescript module,
// passed in so the loader still imports it only on a cache miss.
export function transpileOptions(ts, sourceMaps) {
  return { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true, ...sourceMaps };
}
