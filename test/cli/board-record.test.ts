/**
 * Every build records its board, the Outpost version and the ABI
 * (src/contract/build-info.ts); `outpost sim`, `outpost size`, scenarios and
 * `Simulator.load` run a firmware on that board without being told, and
 * refuse a --board or a scenario `board:` that says otherwise, naming both.
 */
import { readFileSync } from "node:fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { ABI_VERSION } from "../../src/contract/abi-codes.ts";
import { readBuildInfo } from "../../src/contract/build-info.ts";
import { OutpostError } from "../../src/contract/errors.ts";
import { Simulator } from "../../sim/index.ts";
import { Scratch } from "../fixtures/cli.ts";
import { buildTest } from "../helpers/firmware.ts";

const test = suite("the board in the artifact");
const s = new Scratch();
test.after(() => s.remove());

const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
const esp32 = buildTest("examples/blinky/main.ts", "wasm3-esp32");

/** blinky built for wasm3-esp32, written as esp32.wasm with its text table beside it. */
async function esp32File(): Promise<string> {
  const { wasm, text } = await esp32;
  s.file("esp32.text.json", JSON.stringify(text));
  return s.file("esp32.wasm", wasm);
}

test("a .wasm records its board, the Outpost version and the ABI", async () => {
  assert.equal(readBuildInfo((await esp32).wasm, "esp32.wasm"), { board: "wasm3-esp32", outpost: version, abi: ABI_VERSION });
  assert.is(readBuildInfo(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), "bare.wasm"), null, "a module Outpost did not build records nothing");
});

test("outpost sim runs a .wasm on the board it was built for: blinky's LED1 is LED1, not a button of the sim board", async () => {
  const r = await s.run("sim", await esp32File(), "--for", "1s");
  assert.is(r.stderr, "[   0.000000] info: blinky: LED1 toggles every 500 ms\n[   0.000000] LED1 high\n[   0.500000] LED1 low\n[   1.000000] LED1 high\n");
  assert.is(r.code, 0);
  assert.is((await s.run("sim", "esp32.wasm", "--board", "wasm3-esp32", "--for", "1s")).stderr, r.stderr, "--board naming the same board");
});

test("outpost sim and outpost size refuse a --board that contradicts the build, naming both", async () => {
  const file = await esp32File();
  const message =
    'outpost: error: esp32.wasm was built for board "wasm3-esp32", not "sim": leave out --board (the firmware names its board), or rebuild it with --board sim\n';
  for (const command of ["sim", "size"]) {
    const r = await s.run(command, file, "--board", "sim");
    assert.equal([r.code, r.stdout, r.stderr], [1, "", message], command);
  }
});

test("a --board no board has is refused as unknown, not as a mismatch", async () => {
  const r = await s.run("sim", await esp32File(), "--board", "esp33");
  assert.is(r.code, 1);
  assert.match(r.stderr, /^outpost: error: unknown board "esp33": choose one of .*\n$/);
});

test("outpost fuzz and outpost view run a .wasm on its recorded board too, and refuse a --board that contradicts it", async () => {
  const file = await esp32File();
  const fuzzed = s.outpost("fuzz", file, "--seeds", "2", "--jobs", "1", "--for", "100ms"); // a process: its workers load Outpost as the command does
  assert.is(fuzzed.code, 0, fuzzed.stderr);
  assert.match(fuzzed.stdout, /^fuzz: 2 seeds of 100ms in [\d.]+ s \([\d.]+ seeds\/s, 1 job\): every seed passed\n$/);
  const refused = await s.run("fuzz", file, "--board", "sim", "--seeds", "1");
  assert.equal([refused.code, refused.stderr], [1, 'outpost: error: esp32.wasm was built for board "wasm3-esp32", not "sim": leave out --board (the firmware names its board), or rebuild it with --board sim\n']);

  const view = s.start("view", file, "--port", "0");
  let stderr = "";
  view.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  while (!stderr.includes("\n") && view.exitCode === null) await new Promise((r) => setTimeout(r, 50));
  view.kill("SIGINT");
  assert.is(stderr, "outpost view: esp32.wasm on board wasm3-esp32; open the URL above, Ctrl-C stops\n");
});

test("outpost size reports against the recorded board's budget", async () => {
  const r = await s.run("size", await esp32File());
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /^esp32\.wasm for board "wasm3-esp32"\n  flash +[\d,]+ of 65,536 /);
  assert.match(r.stdout, /\n {4}build record +\d\d \(board, Outpost version, ABI\)\n/);
});

test("a scenario written for another board than the build is refused, naming both", async () => {
  const file = await esp32File();
  s.file("puck.yaml", "name: blinks\nversion: 1\nboard: puckjs\nsteps:\n  - expect-pin: { pin: LED1, level: 1 }\n");
  const r = await s.run("sim", file, "--scenario", "puck.yaml");
  assert.is(
    r.stderr,
    'outpost: error: puck.yaml is written for board "puckjs" but esp32.wasm was built for board "wasm3-esp32": rebuild the firmware with --board puckjs, or change the scenario\'s board\n',
  );
  assert.is(r.code, 1);
  s.file("esp32.yaml", "name: blinks\nversion: 1\nboard: wasm3-esp32\nsteps:\n  - expect-pin: { pin: LED1, level: 1 }\n  - delay: 500ms\n  - expect-pin: { pin: LED1, level: 0 }\n");
  const ok = await s.run("sim", file, "--scenario", "esp32.yaml");
  assert.is(ok.code, 0, ok.stderr);
});

test("Simulator.load runs a build on its recorded board and refuses another", async () => {
  const { wasm, text } = await esp32;
  const sim = await Simulator.load(wasm, { text });
  assert.is(sim.board.name, "wasm3-esp32");
  sim.runFor("500ms");
  assert.equal(sim.pin("LED1").history.map((h) => h.at), [0, 500_000]);
  try {
    await Simulator.load(wasm, { board: "sim", name: "esp32.wasm" });
    assert.unreachable("loaded on another board");
  } catch (e) {
    assert.instance(e, OutpostError);
    assert.is((e as OutpostError).code, "BOARD_MISMATCH");
  }
});

test.run();
