/**
 * binaryen compiled with V8's code cache (tools/binaryen.mjs): its module
 * becomes a script's body, and a module of any other shape than the one
 * expected is loaded as the module it is. That an `outpost` build loads it
 * once, as that script, from the cache an earlier process left (and
 * AssemblyScript's import of it too) is assemblyscript-cache.test.ts's.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { asScript } from "../../tools/binaryen.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));

test("binaryen's module becomes a script's body; a module of another shape is left a module", () => {
  const body = asScript(readFileSync(join(root, "node_modules/binaryen/index.js"), "utf8"));
  assert.ok(body !== null && !body.includes("import.meta") && !/\bexport\s*\{/.test(body.slice(-200)));
  assert.is(asScript(`const a = import.meta.url;\nexport { a as default };\n`), `(async function (__outpost_import_meta_url, __outpost_import) {"use strict";const a = __outpost_import_meta_url;\n\nreturn a;\n})`);
  assert.is(asScript(`const m = await import("node:fs");\nexport { m as default };`), null, "another dynamic import");
  assert.is(asScript(`export const a = 1;`), null, "no default export at the end");
});

test.run();
