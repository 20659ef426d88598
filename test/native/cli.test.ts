/**
 * `outpost build --board mps2-an385` and `outpost run` as a user types
 * them: the size report, the text sidecar, --emit-c's project built with
 * plain make into an image that runs exactly like the one outpost links,
 * a user image (the default) that refuses inputs it has no test channel
 * for and a test image (--test-channel) that takes them, and the errors (a
 * missing tool names its Debian package, a file that is not an image, a
 * folder that is not empty) before any work is done.
 * Skipped by name where the native tools are missing (.ci/run installs them).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Scratch } from "../fixtures/cli.ts";
import { missingNativeTools } from "../helpers/native.ts";

const s = new Scratch();
test.after(() => s.remove());
const blinky = new URL("../../examples/blinky/main.ts", import.meta.url).pathname;
const missing = missingNativeTools("board");
const hasMake = spawnSync("make", ["--version"], { stdio: "ignore" }).status === 0;
const it = (name: string, fn: () => void | Promise<void>) => (missing ? test.skip(`${name} (skipped: ${missing})`, fn) : test(name, fn));

const BLINKY_2S = [
  "[   0.000000] info: blinky: LED1 toggles every 500 ms",
  "[   0.000000] LED1 high",
  "[   0.500000] LED1 low",
  "[   1.000000] LED1 high",
  "[   1.500000] LED1 low",
  "[   2.000000] LED1 high",
  "",
].join("\n");

it("outpost build --board mps2-an385 links an image, prints flash and RAM against the board's budget, and writes the text table beside it", async () => {
  const r = await s.run("build", blinky, "--board", "mps2-an385", "-o", "blinky.elf");
  assert.is(r.code, 0, r.stderr);
  const lines = r.stdout.split("\n");
  assert.is(lines[0], 'blinky.elf for board "mps2-an385"');
  assert.match(lines[1]!, /^ {2}flash {16}\d{1,2},\d{3} of 65,536 \(\d+\.\d%\)$/);
  assert.match(lines[2]!, /^ {2}ram {18}\d,\d{3} of 16,384 \(\d+\.\d%\)$/);
  assert.is(lines[5], "  test channel         none (a user image; --test-channel builds one for outpost run's inputs)");
  assert.ok(readFileSync(s.path("blinky.elf")).subarray(0, 4).equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46])), "an ELF file");
  assert.ok((JSON.parse(readFileSync(s.path("blinky.text.json"), "utf8")) as string[]).includes("blinky: LED1 toggles every 500 ms"));
});

it("outpost run prints what outpost sim prints: the literal text spelled out, pins by name, at exact virtual times", () => {
  const r = s.outpost("run", "blinky.elf", "--for", "2s");
  assert.is(r.stderr, BLINKY_2S);
  assert.is(r.stdout, "");
  assert.is(r.code, 0);
});

(missing || !hasMake ? test.skip : test)(
  `--emit-c writes a C project that plain make builds into the same image${missing ? ` (skipped: ${missing})` : !hasMake ? " (skipped: make not installed)" : ""}`,
  async () => {
    const r = await s.run("build", blinky, "--board", "mps2-an385", "--emit-c", "project");
    assert.is(r.code, 0, r.stderr);
    assert.is(r.stdout, 'project: a C project for board "mps2-an385" (make builds image.elf)\n');
    for (const file of ["Makefile", "firmware/firmware.c", "firmware/wasm-rt.h", "outpost/host/host.c", "platform/mps2.ld", "platform/memory.ld"]) {
      assert.ok(existsSync(s.path(`project/${file}`)), file);
    }
    const make = spawnSync("make", ["-s", "-C", s.path("project")], { encoding: "utf8" });
    assert.is(make.status, 0, make.stderr);
    const run = await s.run("run", "project/image.elf", "--for", "2s");
    assert.is(run.stderr, BLINKY_2S);
    assert.is(run.code, 0);
  },
);

it("--emit-c refuses a folder that is not empty, before compiling, and changes nothing in it", async () => {
  mkdirSync(s.path("full"));
  s.file("full/keep.txt", "mine");
  const r = await s.run("build", blinky, "--board", "mps2-an385", "--emit-c", "full");
  assert.is(r.stderr, "outpost: error: full is not empty: --emit-c writes a whole project, give it a new or empty folder\n");
  assert.is(r.code, 1);
  assert.is(readFileSync(s.path("full/keep.txt"), "utf8"), "mine");
});

it("--emit-c refuses a file, a folder under a file and an empty name (which would be the current folder), exit 1", async () => {
  s.file("plain.txt", "mine");
  const give = "--emit-c writes a whole project, give it a new or empty folder";
  for (const [dir, why] of [["plain.txt", "plain.txt is a file"], ["plain.txt/sub", "cannot create plain.txt/sub (ENOTDIR)"], ["", "--emit-c needs a folder"]]) {
    const r = await s.run("build", blinky, "--board", "mps2-an385", "--emit-c", dir!);
    assert.is(r.stderr, `outpost: error: ${why}: ${give}\n`, dir);
    assert.is(r.code, 1);
  }
  assert.not.ok(existsSync(s.path("Makefile")), "nothing written into the current folder");
  assert.is(readFileSync(s.path("plain.txt"), "utf8"), "mine");
});

it("-o under a file is refused as on every board, exit 1, not a stack trace", async () => {
  s.file("plain2.txt", "mine");
  const r = await s.run("build", blinky, "--board", "mps2-an385", "-o", "plain2.txt/blinky.elf");
  assert.match(r.stderr, /^outpost: error: cannot write -o plain2.txt\/blinky.elf \(.*\): choose a path you can write\n$/);
  assert.is(r.code, 1);
});

test("a native build without wasm2c says which Debian package provides it, exit 1", () => {
  // A PATH with node only: no wasm2c, no compiler.
  const bin = s.path("node-only");
  mkdirSync(bin);
  symlinkSync(process.execPath, join(bin, "node"));
  const r = spawnSync(process.execPath, [new URL("../../bin/outpost.mjs", import.meta.url).pathname, "build", blinky, "--board", "mps2-an385"], {
    cwd: s.dir,
    env: { ...process.env, PATH: bin },
    encoding: "utf8",
  });
  assert.is(r.stderr, "outpost: error: a native build needs wasm2c, which is not installed: apt-get install wabt\n");
  assert.is(r.status, 1);
});

test("outpost run on a file that is not a native image, or none at all, says what to do, exit 1", async () => {
  s.firmware("blinky");
  const wasm = await s.run("run", "blinky.wasm");
  assert.is(wasm.stderr, "outpost: error: blinky.wasm is not an Outpost native image: build one with outpost build <entry.ts> --board mps2-an385 -o blinky.wasm\n");
  assert.is(wasm.code, 1);
  const none = await s.run("run", "nothing.elf");
  assert.is(none.stderr, "outpost: error: cannot read nothing.elf: check the path (outpost build --board mps2-an385 -o nothing.elf writes it)\n");
  assert.is(none.code, 1);
});

it("a user image refuses each input it has no test channel for, in one line naming the rebuild, exit 1", async () => {
  for (const option of [["--press", "BTN1@1s"], ["--uart0", "hi"], ["--expect-text", "x"], ["--fail-text", "x"]]) {
    const r = await s.run("run", "blinky.elf", ...option);
    assert.is(
      r.stderr,
      `outpost: error: ${option[0]} needs a test image, and blinky.elf is a user image without the test channel: ` +
        "rebuild it with outpost build <entry.ts> --board mps2-an385 --test-channel -o blinky.elf: see outpost run --help\n",
    );
    assert.is(r.code, 1);
  }
});

it("a user image sends on its console UART by the TX interrupt: the shell's prompt, byte for byte as outpost sim", async () => {
  const shell = new URL("../../examples/shell/main.ts", import.meta.url).pathname;
  const build = await s.run("build", shell, "--board", "mps2-an385", "-o", "shell.elf");
  assert.is(build.code, 0, build.stderr);
  const run = await s.run("run", "shell.elf", "--for", "1s");
  const sim = await s.run("sim", shell, "--board", "mps2-an385", "--for", "1s");
  assert.is(run.stdout, "> ");
  assert.is(run.stdout, sim.stdout);
  assert.is(run.code, 0);
});

it("a test image (--test-channel) says so in its size report and plays a button press as outpost sim does", async () => {
  const build = await s.run("build", new URL("../../examples/button-led/main.ts", import.meta.url).pathname, "--board", "mps2-an385", "--test-channel", "-o", "button.elf");
  assert.is(build.code, 0, build.stderr);
  assert.match(build.stdout, /\n {2}test channel {9}32,768 \(a test image: emulator only, outside the budget\)\n/);
  const args = ["--for", "1s", "--press", "BTN1@500ms:100ms"];
  const run = await s.run("run", "button.elf", ...args);
  const sim = await s.run("sim", new URL("../../examples/button-led/main.ts", import.meta.url).pathname, "--board", "mps2-an385", ...args);
  assert.is(run.stderr, sim.stderr);
  assert.is(run.code, 0);
});

it("outpost run checks its options before QEMU starts: a button the board lacks, too long a text", async () => {
  const button = await s.run("run", "button.elf", "--press", "BTN9@1s");
  assert.is(button.stderr, 'outpost: error: board "mps2-an385" has no button "BTN9": valid buttons are BTN1, BTN2\n');
  assert.is(button.code, 1);
  const text = await s.run("run", "button.elf", "--expect-text", "x".repeat(65));
  assert.is(text.stderr, "outpost: error: --expect-text takes a text of at most 64 bytes on a native image: see outpost run --help\n");
  assert.is(text.code, 1);
});

it("outpost flash on an emulated board says to run the image instead, exit 1", async () => {
  const r = await s.run("flash", "blinky.elf", "--board", "mps2-an385", "--dry-run");
  assert.is(
    r.stderr,
    'outpost: error: board "mps2-an385" is emulated (QEMU mps2-an385): run the image with outpost run blinky.elf; to flash a real chip, port the platform (boards/native/README.md)\n',
  );
  assert.is(r.code, 1);
});

test.run();
