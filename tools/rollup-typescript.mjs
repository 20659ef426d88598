// A rollup plugin that strips types from .ts modules as the loader does,
// through its cache (transpile.mjs: a module the loader has run is not
// stripped again), with the source map split off a module's inline one
// where it has one (a module stripped by blanking keeps the source's
// positions: rollup maps it as it is). Shared by the CLI
// bundle (rollup.config.mjs) and the browser page's bundle
// (web/rollup.config.mjs): a plugin instead of a dependency.
import { readFileSync } from "node:fs";
import { transpiled } from "./transpile.mjs";

const INLINE_MAP = "\n//# sourceMappingURL=data:application/json;base64,";

export function typescript() {
  return {
    name: "outpost-typescript",
    async load(id) {
      if (!id.endsWith(".ts")) return null;
      const code = await transpiled(id, readFileSync(id, "utf8"));
      const at = code.lastIndexOf(INLINE_MAP);
      if (at < 0) return { code };
      return { code: code.slice(0, at), map: JSON.parse(Buffer.from(code.slice(at + INLINE_MAP.length).trim(), "base64").toString("utf8")) };
    },
  };
}
