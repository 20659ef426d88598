// Bundles Outpost's host code (the `outpost` CLI and the simulator) into
// dist/, so an installed package runs without the on-the-fly TypeScript
// loader (bin/outpost.mjs + tools/ts-hooks.mjs). `npm run build` writes it;
// test/cli/bundle.test.ts checks the bundle behaves like the sources.
//
// Two small plugins instead of a dependency: TypeScript's own transpiler
// strips types (tools/rollup-typescript.mjs), and `import.meta.url` keeps
// pointing at each module's source location, because the host code finds
// boards/, src/runtime/, hal/ and web/ relative to itself. The browser
// page has its own bundle: web/rollup.config.mjs.
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { typescript } from "./tools/rollup-typescript.mjs";

const root = dirname(fileURLToPath(import.meta.url));
const dist = resolve(root, "dist");

function sourceLocatedImportMeta() {
  return {
    name: "outpost-import-meta",
    resolveImportMeta(property, { chunkId, moduleId }) {
      if (property !== "url") return null;
      const back = relative(dirname(resolve(dist, chunkId)), moduleId).split("\\").join("/");
      return `new URL(${JSON.stringify(back)}, import.meta.url).href`;
    },
  };
}

export default {
  input: { outpost: "src/toolchain/cli/main.ts", sim: "sim/index.ts" },
  output: { dir: "dist", format: "es", entryFileNames: "[name].mjs", chunkFileNames: "chunks/[name]-[hash].mjs", sourcemap: true },
  external: (id) => id.startsWith("node:") || /^[a-z@][^:]*$/i.test(id) && !id.startsWith("."),
  plugins: [typescript(), sourceLocatedImportMeta()],
};
