// A rollup plugin that strips types from .ts modules with TypeScript's own
// transpiler and the loader's settings (ts-options.mjs), with source maps.
// Shared by the CLI bundle (rollup.config.mjs) and the browser page's
// bundle (web/rollup.config.mjs): a plugin instead of a dependency.
import { readFileSync } from "node:fs";
import ts from "typescript";
import { transpileOptions } from "./ts-options.mjs";

export function typescript() {
  return {
    name: "outpost-typescript",
    load(id) {
      if (!id.endsWith(".ts")) return null;
      const out = ts.transpileModule(readFileSync(id, "utf8"), {
        fileName: id,
        compilerOptions: transpileOptions(ts, { sourceMap: true }),
      });
      return { code: out.outputText, map: out.sourceMapText };
    },
  };
}
