/**
 * `outpost new`: the scaffold installs offline and its own test passes.
 * The install and test run in the background from the moment this file is
 * imported (they take a few seconds, mostly building the firmware), while
 * the other suites run; the test awaits the result.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Scratch } from "../fixtures/cli.ts";

const test = suite("outpost new");
const s = new Scratch();
test.after(() => s.remove());

const created = s.outpost("new", "blinker", "--board", "sim");

/** `npm install --offline && npm test` in the new project: exit code and output. */
const installAndTest = new Promise<{ code: number | null; output: string }>((resolve) => {
  if (created.code !== 0) return resolve({ code: null, output: created.stderr });
  const child = spawn("sh", ["-c", "npm install --offline --no-audit --no-fund && npm test"], { cwd: s.path("blinker") });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  child.on("close", (code) => resolve({ code, output }));
  child.on("error", (e) => resolve({ code: null, output: String(e) }));
});

test("new writes a project and says what to run next", () => {
  assert.is(created.code, 0, created.stderr);
  assert.is(
    created.stdout,
    ["package.json", "main.ts", "test/main.test.ts", "scenario.yaml", "tsconfig.json", "board.d.ts", ".gitignore", "README.md"]
      .map((f) => `created blinker/${f}\n`)
      .join("") + "next: cd blinker && npm install && npm test\n",
  );
  const pkg = JSON.parse(readFileSync(s.path("blinker/package.json"), "utf8")) as { name: string; dependencies: Record<string, string> };
  assert.is(pkg.name, "blinker");
  assert.is(pkg.dependencies.outpost, `file:${fileURLToPath(new URL("../../", import.meta.url)).replace(/\/$/, "")}`);
  assert.match(readFileSync(s.path("blinker/board.d.ts"), "utf8"), /export const LED1: i32;/);
});

test("new refuses a folder that is not empty, and an unknown board", () => {
  const again = s.outpost("new", "blinker");
  assert.equal([again.code, again.stderr], [1, "outpost: error: cannot create a project in blinker: the folder is not empty: choose a new folder\n"]);
  const board = s.outpost("new", "other", "--board", "nope");
  assert.is(board.code, 1);
  assert.match(board.stderr, /^outpost: error: unknown board "nope": choose one of /);
});

test("the new project's npm install (offline) and npm test pass", async () => {
  const { code, output } = await installAndTest;
  assert.is(code, 0, output);
  assert.match(output, /# pass 1\n# fail 0\n/);
});

test.run();
