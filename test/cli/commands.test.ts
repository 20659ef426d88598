import { readFileSync } from "node:fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { defaultOutput } from "../../src/toolchain/cli/build.ts";
import { HELP } from "../../src/toolchain/cli/help.ts";
import { Scratch } from "../fixtures/cli.ts";

const test = suite("outpost commands");
const s = new Scratch();
test.after(() => s.remove());

test("--help prints each command's help on stdout and exits 0", async () => {
  for (const [args, text] of [[["--help"], HELP.outpost], [["help"], HELP.outpost], [["sim", "-h"], HELP.sim], [["build", "--help"], HELP.build], [["boards", "--help"], HELP.boards], [["size", "--help"], HELP.size], [["new", "--help"], HELP.new]] as const) {
    const r = await s.run(...args);
    assert.is(r.stdout, text, args.join(" "));
    assert.is(r.stderr, "");
    assert.is(r.code, 0);
  }
});

test("outpost with no arguments prints the help on stderr and exits 1, as a process (the bin sets the exit code)", () => {
  const r = s.outpost();
  assert.is(r.stderr, HELP.outpost);
  assert.is(r.stdout, "");
  assert.is(r.code, 1);
});

test("--version prints the package version", () => {
  const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  const r = s.outpost("--version");
  assert.is(r.stdout, `outpost ${version}\n`);
  assert.is(r.code, 0);
});

test("boards lists each board's pins, LEDs, buttons, UARTs and budget", async () => {
  const r = await s.run("boards");
  assert.is(r.code, 0);
  const sim = r.stdout.split("\n\n").find((block) => block.startsWith("sim:"));
  assert.is(
    sim,
    [
      "sim: Outpost's default simulated board: 2 LEDs, 2 buttons, 2 UARTs",
      "  family   sim, 64 MHz",
      "  budget   flash 262,144 bytes, RAM 65,536 bytes",
      "  pins     P0=0 P1=1 P2=2 P3=3 P4=4 P5=5 P6=6 P7=7 P8=8 P9=9 P10=10 P11=11 P12=12 P13=13 P14=14 P15=15",
      "  aliases  LED1=P13 LED2=P14 BTN1=P2 BTN2=P3",
      "  leds     LED1 (active high), LED2 (active high)",
      "  buttons  BTN1 (active low, bounce 3 ms), BTN2 (active low, bounce 3 ms)",
      "  UART0    port 0, tx P6, rx P7, FIFOs rx 32 tx 32 bytes, console",
      "  UART1    port 1, tx P8, rx P9, FIFOs rx 32 tx 32 bytes",
    ].join("\n"),
  );
});

test("build names its output after the example's folder", () => {
  assert.is(defaultOutput("examples/blinky/main.ts"), "build/blinky.wasm");
  assert.is(defaultOutput("firmware/thermostat.ts"), "build/thermostat.wasm");
});

test("build of a missing entry fails naming it", async () => {
  const r = await s.run("build", "nope/main.ts");
  assert.is(r.stderr, "outpost: error: cannot read firmware entry nope/main.ts: check the path\n");
  assert.is(r.code, 1);
});

test("blinky builds, reports its size and tasks, and blinks in the simulator", async () => {
  const entry = new URL("../../examples/blinky/main.ts", import.meta.url).pathname;
  const built = await s.run("build", entry, "-o", "out/blinky.wasm");
  assert.is(built.code, 0, built.stderr);
  assert.ok(built.stdout.startsWith('out/blinky.wasm for board "sim"\n'), built.stdout);
  assert.match(built.stdout, /\bblink\b/);
  const run = await s.run("sim", "out/blinky.wasm", "--for", "1s");
  const leds = run.stderr.split("\n").filter((l) => /\] LED1 /.test(l));
  assert.equal(leds, ["[   0.000000] LED1 high", "[   0.500000] LED1 low", "[   1.000000] LED1 high"]);
  assert.is(run.code, 0);
});

test.run();
