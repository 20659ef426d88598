/**
 * Outpost's TypeScript language-service plugin, as tsserver loads it: a
 * tsconfig names it in `compilerOptions.plugins` (README.md in this folder
 * says how), tsserver require()s this file and calls `create` per project.
 *
 * The work is in src/toolchain/check/plugin.ts, TypeScript run from source
 * like the rest of Outpost's host code: this file registers Outpost's
 * loader (tools/ts-hooks.mjs) and imports it, which can only be done
 * asynchronously. Until it has loaded (a second or so, once per editor
 * session) a file shows TypeScript's own diagnostics; then every project
 * is asked to refresh (project.refreshDiagnostics()), and from then on
 * getSemanticDiagnostics adds Outpost's. A failure to load is logged to
 * tsserver's log ("[outpost] …") and leaves the editor as it was.
 *
 * CommonJS, because tsserver loads plugins with require().
 */
"use strict";
const { join } = require("node:path");
const { pathToFileURL } = require("node:url");

const root = join(__dirname, "..");

/** Outpost's plugin code, loaded once per process. */
let loading = null;
function load() {
  loading ??= (async () => {
    const { register } = require("node:module");
    if (typeof register !== "function") throw new Error(`Node ${process.version} cannot load Outpost's TypeScript sources (needs 20.6 or later)`);
    register(pathToFileURL(join(root, "tools/ts-hooks.mjs")).href);
    return import(pathToFileURL(join(root, "src/toolchain/check/plugin.ts")).href);
  })();
  return loading;
}

/**
 * Projects already given Outpost's diagnostics: a tsconfig may name the
 * plugin twice (`outpost/editor` and `outpost-editor`, README.md says why),
 * and both names are this one file.
 */
const decorated = new WeakSet();

/** @param {{ typescript: typeof import("typescript") }} modules */
function init(modules) {
  const ts = modules.typescript;
  return {
    /** @param {import("typescript").server.PluginCreateInfo} info */
    create(info) {
      if (decorated.has(info.project)) return info.languageService;
      decorated.add(info.project);
      const log = (s) => info.project.projectService.logger.info(`[outpost] ${s}`);
      /** @type {{ diagnostics(fileName: string): import("typescript").Diagnostic[] } | null} */
      let checker = null;
      load().then(
        (plugin) => {
          checker = plugin.editorChecker(ts, info);
          log("checking firmware files: the async lowering's diagnostics and AssemblyScript's restrictions");
          info.project.refreshDiagnostics();
        },
        (e) => log(`not loaded: ${e && e.stack ? e.stack : e}`),
      );
      const ls = info.languageService;
      const proxy = Object.create(null);
      for (const key of Object.keys(ls)) proxy[key] = (...args) => ls[key](...args);
      proxy.getSemanticDiagnostics = (fileName) => {
        const own = ls.getSemanticDiagnostics(fileName);
        return checker ? [...own, ...checker.diagnostics(fileName)] : own;
      };
      return proxy;
    },
  };
}

module.exports = init;
