/**
 * The transpiled copy of the host code bin/outpost.mjs runs from
 * (tools/host-tree.mjs): it behaves as the sources do under the module
 * hooks, and an edit to any source it was made from is what the next
 * process runs — never an older copy.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
// @ts-expect-error: a plain .mjs tool without declarations
import { hostEntry } from "../../tools/host-tree.mjs";

const repo = new URL("../../", import.meta.url).pathname;
const root = mkdtempSync(join(tmpdir(), "outpost-host-tree-"));
const cacheDir = join(root, "cache");

const write = (file: string, text: string) => {
  mkdirSync(join(root, file, ".."), { recursive: true });
  writeFileSync(join(root, file), text);
};
write("main.ts", [
  'import { b } from "./lib/b.ts";',
  'import data from "./data.mjs";',
  'import type { Shape } from "./shape.ts";',
  'export { twice } from "./lib/twice.ts";',
  "export const here: string = import.meta.url;",
  'export const worker: string = import.meta.resolve("./late.ts");',
  'export const text: string = `import x from "./lib/b.ts"; import.meta.url`;',
  'export async function later(): Promise<string> { return (await import("./late.ts")).late; }',
  "export const shape: Shape = { side: b };",
  "export { b, data };",
].join("\n"));
write("lib/b.ts", "export const b: number = 1;\n");
write("lib/twice.ts", 'import { b } from "./b.ts";\nexport const twice = (): number => 2 * b;\n');
write("shape.ts", "export interface Shape { side: number }\n");
write("late.ts", 'export const late: string = "loaded later";\n');
write("data.mjs", "export default 42;\n");

test("the copy runs as the sources: imports, re-exports, lazy imports, other files, import.meta.url and .resolve", async () => {
  const url: string = await hostEntry("main.ts", { root, cacheDir });
  assert.ok(url.startsWith(pathToFileURL(join(cacheDir, "outpost-js")).href), url);
  const m = await import(url);
  assert.is(m.b, 1);
  assert.is(m.twice(), 2);
  assert.is(m.data, 42);
  assert.is(m.here, pathToFileURL(join(root, "main.ts")).href);
  assert.is(m.worker, new URL("late.js", url).href); // a worker's entry: the copy's, which the copy holds
  assert.is((await import(m.worker)).late, "loaded later");
  assert.is(m.text, 'import x from "./lib/b.ts"; import.meta.url'); // text that looks like an import is text
  assert.is(await m.later(), "loaded later");
  assert.equal(m.shape, { side: 1 });
});

test("an unchanged source tree starts from the same copy; any edit, even deep, makes a new one", async () => {
  const first: string = await hostEntry("main.ts", { root, cacheDir });
  assert.is(await hostEntry("main.ts", { root, cacheDir }), first);
  write("lib/b.ts", "export const b: number = 5;\n");
  const second: string = await hostEntry("main.ts", { root, cacheDir });
  assert.is.not(second, first);
  const m = await import(second);
  assert.is(m.b, 5);
  assert.is(m.twice(), 10);
  const manifest = JSON.parse(readFileSync(new URL("manifest.json", second), "utf8"));
  // shape.ts is imported for its types alone: nothing of it runs, so the copy neither holds nor watches it.
  assert.equal(Object.keys(manifest.files).sort(), ["late.ts", "lib/b.ts", "lib/twice.ts", "main.ts"]);
});

test("a cache folder that cannot be written gives no copy, and the caller takes the hooks", async () => {
  assert.is(await hostEntry("main.ts", { root, cacheDir: join(root, "data.mjs", "cache") }), null);
});

test("outpost runs the same through the hooks (OUTPOST_HOST_TREE=off) as from the copy", () => {
  const run = (tree: string) =>
    execFileSync(process.execPath, [repo + "bin/outpost.mjs", "--version"], { env: { ...process.env, OUTPOST_HOST_TREE: tree }, encoding: "utf8" });
  const version = JSON.parse(readFileSync(repo + "package.json", "utf8")).version;
  assert.is(run("off"), `outpost ${version}\n`);
  assert.is(run("on"), `outpost ${version}\n`);
});

test.after(() => rmSync(root, { recursive: true, force: true }));
test.run();
