/** `outpost sim --scenario / --expect-text / --fail-text`: outcomes, messages and exit codes. */
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildTestFirmware } from "../helpers/firmware.ts";
import { Scratch } from "../fixtures/cli.ts";

const test = suite("outpost sim scenarios");
const s = new Scratch();
test.after(() => s.remove());

const shellScenario = fileURLToPath(new URL("../../examples/shell/scenario.yaml", import.meta.url));
const yaml = (...steps: string[]): string => `name: demo\nversion: 1\nsteps:\n${steps.map((l) => `  ${l}\n`).join("")}`;

test("the shell example's scenario passes; the transcript is on stdout and the verdict on stderr", async () => {
  s.file("shell.wasm", await buildTestFirmware("examples/shell/main.ts"));
  const r = await s.run("sim", "shell.wasm", "--scenario", shellScenario);
  assert.is(r.code, 0, r.stderr);
  assert.ok(r.stdout.startsWith("> commands:\r\n  help "), r.stdout);
  assert.ok(r.stdout.includes("> LED1 on\r\n> LED1 on, up "), r.stdout);
  assert.ok(r.stdout.endsWith("> LED1 off"), "the run stops at the last match");
  assert.match(r.stderr, /\n\[ +\d+\.\d{6}\] passed: scenario "shell switches LED1 and reports it", 13 steps\n$/);
});

test("a wait-serial that times out exits 2; an expect-pin that fails exits 4; both name the step", async () => {
  const fw = s.firmware("blinky");
  s.file("wait.yaml", yaml("- delay: 1s", "- wait-serial: hello", "  timeout: 200ms"));
  const timeout = await s.run("sim", fw, "--scenario", "wait.yaml");
  assert.is(timeout.code, 2);
  assert.is(timeout.stderr.split("\n").at(-2), '[   1.200000] timeout: step 2 (wait-serial): "hello" did not appear on UART0 within 200ms');
  s.file("pin.yaml", yaml("- delay: 250ms", "- expect-pin: { pin: LED1, level: 0 }"));
  const failed = await s.run("sim", fw, "--scenario", "pin.yaml");
  assert.is(failed.code, 4);
  assert.is(failed.stderr, "[   0.000000] LED1 high\n[   0.250000] failed: step 2 (expect-pin): LED1 is high at 0.250000s, expected low\n");
  const late = await s.run("sim", fw, "--scenario", "wait.yaml", "--for", "500ms");
  assert.is(late.code, 2);
  assert.is(late.stderr.split("\n").at(-2), "[   0.500000] timeout: the time limit of 500ms ran out during step 1 (delay)");
});

test("--expect-text passes and stops at once; --fail-text fails at once; a text that never comes exits 2", async () => {
  const fw = s.firmware("echo");
  const passed = await s.run("sim", fw, "--uart0", "boot... ready> rest", "--expect-text", "ready");
  assert.equal([passed.code, passed.stdout, passed.stderr], [0, "boot... ready", '[   0.001216] passed: "ready" appeared on UART0\n']);
  const failed = await s.run("sim", fw, "--uart0", "ok ok ERROR ok", "--fail-text", "ERROR", "--expect-text", "never");
  assert.equal([failed.code, failed.stdout, failed.stderr], [4, "ok ok ERROR", '[   0.001042] failed: "ERROR" appeared on UART0\n']);
  const missing = await s.run("sim", fw, "--uart0", "hi", "--expect-text", "ready", "--for", "2s");
  assert.equal([missing.code, missing.stdout, missing.stderr], [2, "hi", '[   2.000000] timeout: "ready" did not appear on UART0 within 2s\n']);
});

test("a malformed or mismatched scenario is one error, exit 1, and nothing runs", async () => {
  const fw = s.firmware("blinky");
  s.file("bad.yaml", yaml("- delay: 1s", "- delay: 1s", "- wait-serial: hello", "  timeout: 5x"));
  const bad = await s.run("sim", fw, "--scenario", "bad.yaml");
  assert.equal([bad.code, bad.stdout, bad.stderr], [1, "", 'outpost: error: bad.yaml: step 3 (wait-serial): timeout "5x" is not a duration: write e.g. 500ms\n']);
  s.file("board.yaml", "name: x\nversion: 1\nboard: wasm3-esp32\nsteps: []\n");
  const board = await s.run("sim", fw, "--scenario", "board.yaml", "--board", "sim");
  assert.is(board.stderr, 'outpost: error: board.yaml is written for board "wasm3-esp32" but --board says "sim": drop --board or change the scenario\'s board\n');
  const gone = await s.run("sim", fw, "--scenario", "gone.yaml");
  assert.is(gone.stderr, "outpost: error: cannot read scenario gone.yaml (no such file): check the path after --scenario\n");
  assert.is(gone.code, 1);
});

test.run();
