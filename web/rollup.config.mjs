// Bundles the browser page (web/src/main.ts) into one ES module: the
// simulator (sim/) and the CLI's report text, as they are, with two Node-only
// files swapped for their browser twins, which have the same API:
//
//   src/contract/board-files.ts  ->  web/src/board-files.ts  (boards the page was given)
//   sim/espruino/realm.ts        ->  web/src/realm.ts        (an iframe instead of a vm context)
//
// Any other `node:` import is a build error naming the importer: the
// simulator core must stay free of Node. `yaml` (scenario files) comes from
// its own browser build. `outpost view` builds the page with this config
// (src/toolchain/cli/view-page.ts); `rollup -c web/rollup.config.mjs`
// writes it to web/dist/ for a look.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { typescript } from "../tools/rollup-typescript.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const at = (path) => resolve(root, path);

const TWINS = new Map([
  [at("src/contract/board-files.ts"), at("web/src/board-files.ts")],
  [at("sim/espruino/realm.ts"), at("web/src/realm.ts")],
]);
const PACKAGES = new Map([["yaml", at("node_modules/yaml/browser/index.js")]]);

function browserTwins() {
  return {
    name: "outpost-browser-twins",
    resolveId(source, importer) {
      if (PACKAGES.has(source)) return PACKAGES.get(source);
      if (source.startsWith("node:")) {
        this.error(`${importer} imports ${source}, which a browser does not have: give the file a browser twin in web/rollup.config.mjs`);
      }
      if (!importer || !source.startsWith(".")) return null;
      const path = resolve(dirname(importer), source);
      return TWINS.get(path) ?? path;
    },
  };
}

export default {
  input: at("web/src/main.ts"),
  // app.js, and scenario.js: the scenario parser with yaml, which the page imports when a scenario is chosen.
  output: { dir: at("web/dist"), format: "es", sourcemap: true, entryFileNames: "app.js", chunkFileNames: "[name].js" },
  plugins: [browserTwins(), typescript()],
  onwarn(warning, warn) {
    // yaml's browser build is written for bundlers and uses `this` at top level in one helper.
    if (warning.code === "THIS_IS_UNDEFINED") return;
    warn(warning);
  },
};
