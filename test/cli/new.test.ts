/**
 * `outpost new`: the scaffold depends on Outpost as on a published package.
 * This repository is packed (`npm pack`: exactly what a registry would
 * serve), a project is created against the tarball, and in it, offline,
 * from npm's cache alone: `npm install`, `npm test` (uvu, like Outpost's
 * own tests), `npx tsc --noEmit` (the editor's view of the firmware) and
 * `npx outpost sim`. The pack, install and test run in the background from
 * the moment this file is imported (they take a while, mostly installing
 * and building the firmware); the tests await them.
 */
import { spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Scratch } from "../fixtures/cli.ts";

const test = suite("outpost new");
const s = new Scratch();
test.after(() => s.remove());

const root = fileURLToPath(new URL("../../", import.meta.url));
const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
const NAME = "My Blinker";
const project = s.path(NAME);

interface Shell {
  code: number | null;
  output: string;
}

/** `command` in a shell in `cwd`, offline: its exit code and what it printed (colours removed). */
function sh(command: string, cwd: string): Promise<Shell> {
  return new Promise((done) => {
    const child = spawn("sh", ["-c", command], { cwd, env: { ...process.env, npm_config_offline: "true", npm_config_audit: "false", npm_config_fund: "false" } });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("close", (code) => done({ code, output: output.replace(/\x1b\[[0-9;]*m/g, "") }));
    child.on("error", (e) => done({ code: null, output: String(e) }));
  });
}

const tarball = join(s.dir, `outpost-${version}.tgz`);
const packed = sh(`npm pack --silent --pack-destination ${JSON.stringify(s.dir)}`, root);
const created = packed.then(() => s.outpost("new", NAME, "--outpost", tarball));
const installed = created.then((r) => (r.code === 0 ? sh("npm install", project) : { code: null, output: r.stderr }));
const tested = installed.then((r) => (r.code === 0 ? sh("npm test", project) : r));

test("new writes a project, and a next step that can be pasted", async () => {
  const r = await created;
  assert.is(r.code, 0, r.stderr);
  const files = ["package.json", "package-lock.json", "main.ts", "test/main.test.ts", "scenario.yaml", "tsconfig.json", "test/tsconfig.json", "board.d.ts", ".gitignore", "README.md"];
  assert.is(r.stdout, files.map((f) => `created ${NAME}/${f}\n`).join("") + `next: cd 'My Blinker' && npm install && npm test\n`);
  const pkg = JSON.parse(readFileSync(join(project, "package.json"), "utf8")) as { name: string; dependencies: Record<string, string>; devDependencies: Record<string, string> };
  assert.is(pkg.name, "my-blinker");
  assert.equal(pkg.dependencies, { outpost: `file:${tarball}` });
  assert.equal(Object.keys(pkg.devDependencies), ["@types/node", "typescript", "uvu"]);
  assert.match(readFileSync(join(project, "board.d.ts"), "utf8"), /\nexport declare const LED1: i32;\n/);
});

test("the README lists the five commands", () => {
  const readme = readFileSync(join(project, "README.md"), "utf8");
  const block = /```sh\n([^]*?)```/.exec(readme)![1]!;
  assert.equal(block.trimEnd().split("\n").map((line) => line.replace(/ +#.*/, "")), ["npm install", "npm start", "npm run watch", "npm test", "npm run build"]);
});

test("npm install from the packed tarball works offline and installs one binaryen and no tool Outpost only develops with", async () => {
  const r = await installed;
  assert.is(r.code, 0, r.output);
  const modules = join(project, "node_modules");
  const binaryens = spawnSync("find", [modules, "-path", "*/binaryen/package.json"], { encoding: "utf8" }).stdout.trim().split("\n");
  assert.equal(binaryens, [join(modules, "binaryen/package.json")]);
  const installedNames = readdirSync(modules);
  for (const devOnly of ["rollup", "@types/espruino"]) assert.not.ok(installedNames.includes(devOnly), `${devOnly} is installed`);
  assert.ok(!readdirSync(join(modules, "outpost")).includes("test"), "the package carries no tests");
});

test("the project's npm test builds main.ts and passes, with uvu", async () => {
  const r = await tested;
  assert.is(r.code, 0, r.output);
  assert.match(r.output, /\n {2}Total: {5}2\n {2}Passed: {4}2\n {2}Skipped: {3}0\n/);
});

test("npx tsc --noEmit type-checks the firmware with no errors", async () => {
  assert.is((await tested).code, 0);
  const r = await sh("npx tsc --noEmit", project);
  assert.equal([r.code, r.output], [0, ""]);
});

test("the editor plugin tsconfig.json names is the installed package's, loaded by the project's TypeScript", async () => {
  assert.is((await installed).code, 0);
  const tsconfig = JSON.parse(readFileSync(join(project, "tsconfig.json"), "utf8")) as { compilerOptions: { plugins: { name: string }[] } };
  assert.equal(tsconfig.compilerOptions.plugins, [{ name: "outpost/editor" }]);
  const load = `const plugin = require("outpost/editor")({ typescript: require("typescript") }); process.stdout.write(typeof plugin.create)`;
  const r = await sh(`node -e '${load}'`, project);
  assert.equal([r.code, r.output], [0, "function"]);
});

test("npx outpost runs the installed command on the project", async () => {
  assert.is((await tested).code, 0);
  const r = await sh("npx outpost sim main.ts --for 1s", project);
  assert.is(r.output, "[   0.000000] info: my-blinker: LED1 toggles every 500 ms\n[   0.000000] LED1 high\n[   0.500000] LED1 low\n[   1.000000] LED1 high\n");
  assert.is(r.code, 0);
});

test("new refuses a folder that is not empty, and an unknown board", async () => {
  await created;
  const again = s.outpost("new", NAME);
  assert.equal([again.code, again.stderr], [1, "outpost: error: cannot create a project in My Blinker: the folder is not empty: choose a new folder\n"]);
  const board = s.outpost("new", "other", "--board", "nope");
  assert.is(board.code, 1);
  assert.match(board.stderr, /^outpost: error: unknown board "nope": choose one of /);
});

test.run();
