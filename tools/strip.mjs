// One module of Outpost's host code as JavaScript, for the loader
// (ts-hooks.mjs, through transpile.mjs's cache), the bundles and the host
// tree. ts-blank-space replaces the types with spaces: the JavaScript keeps
// every position of the TypeScript (a stack trace points into the .ts as
// written, with no source map), at about a tenth of the cost of
// TypeScript's transpiler (3 ms against 25 ms a module here). tsconfig.json
// holds Outpost's own code to that (`erasableSyntaxOnly`); a module with
// syntax that is more than types (a parameter property, an enum: a user's
// test run through the loader) goes through the transpiler with
// ts-options.mjs's settings and an inline source map.
import { createRequire } from "node:module";
import { transpileOptions } from "./ts-options.mjs";

// TypeScript through its code-cached shim first, and only then ts-blank-space, whose `import "typescript"`
// then finds it loaded (where no hook resolves the specifier to the shim, as on the loader's own thread):
// one TypeScript in the process, compiled from the cache.
const ts = (await import("./typescript.mjs")).default;
const { default: tsBlankSpace, blankSourceFile } = await import("ts-blank-space");
/**
 * Whether ts-blank-space reads the TypeScript the shim loaded: a project of a user's may install another
 * beside Outpost's, and a syntax tree is only read right by the TypeScript that made it.
 */
const oneTypeScript = (() => {
  const require = createRequire(import.meta.url);
  try {
    return createRequire(require.resolve("ts-blank-space")).resolve("typescript") === require.resolve("typescript");
  } catch {
    return false;
  }
})();

/** The syntax tree of a module's TypeScript, as ts-blank-space reads it. */
export function parse(path, source) {
  const options = { languageVersion: ts.ScriptTarget.ESNext, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };
  return ts.createSourceFile(path, source, options, false, ts.ScriptKind.TS);
}

/** `source` (the module at `path`, parsed as `tree`) without its types; `blanked`: every position is the source's. */
export function strip(path, source, tree = parse(path, source)) {
  let erasable = true;
  const onError = () => (erasable = false);
  const code = oneTypeScript ? blankSourceFile(tree, onError) : tsBlankSpace(source, onError);
  if (erasable) return { code, blanked: true };
  const options = transpileOptions(ts, { sourceMap: false, inlineSourceMap: true, inlineSources: false });
  return { code: ts.transpileModule(source, { fileName: path, compilerOptions: options }).outputText, blanked: false };
}
