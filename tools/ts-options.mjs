// The TypeScript settings Outpost's host code is transpiled with, shared by
// the on-the-fly loader (ts-hooks.mjs) and the bundles (rollup-typescript.mjs);
// each adds only how it wants source maps. `ts` is the typescript module,
// passed in so the loader still imports it only on a cache miss.
export function transpileOptions(ts, sourceMaps) {
  return { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true, ...sourceMaps };
}
