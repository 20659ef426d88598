/**
 * What outpost writes, and where it must not: --vcd, --trace and -o are
 * refused (exit 1, one line, nothing written) when they name a directory,
 * an input of the command, or each other; an unwritable path fails before
 * the run; a failed run leaves an old output as it was; a closed stdout
 * is one line, not a stack; a runaway firmware stops with exit 3.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Scratch } from "../fixtures/cli.ts";

const test = suite("outpost outputs");
const s = new Scratch();
test.after(() => s.remove());
const bin = fileURLToPath(new URL("../../bin/outpost.mjs", import.meta.url));

async function fails(args: string[], message: string): Promise<void> {
  const r = await s.run(...args);
  assert.is(r.stderr, `outpost: error: ${message}\n`);
  assert.is(r.stdout, "");
  assert.is(r.code, 1);
}

test("--vcd onto the firmware, the scenario or --trace is refused and the firmware is kept", async () => {
  const fw = s.firmware("blinky");
  const before = readFileSync(s.path(fw));
  await fails(["sim", fw, "--vcd", fw], "--vcd blinky.wasm is the firmware: writing it would overwrite it, choose another file: see outpost sim --help");
  await fails(["sim", fw, "--vcd", "./sub/../blinky.wasm"], "--vcd ./sub/../blinky.wasm is the firmware: writing it would overwrite it, choose another file: see outpost sim --help");
  await fails(["sim", fw, "--vcd", "run.out", "--trace", "run.out"], "--trace and --vcd both name run.out: give each its own file: see outpost sim --help");
  assert.equal(readFileSync(s.path(fw)), before);
});

test("an output that is a directory is refused", async () => {
  const fw = s.firmware("blinky");
  mkdirSync(s.path("waves"), { recursive: true });
  await fails(["sim", fw, "--vcd", "waves"], "--vcd waves is a directory: give a file name, like waves/run.vcd: see outpost sim --help");
  await fails(["build", "main.ts", "-o", "waves"], "-o waves is a directory: give a file name, like waves/firmware.wasm: see outpost build --help");
});

test("-o onto the entry itself is refused before anything is built", async () => {
  s.file("app.ts", "export function main(): void {}\n");
  await fails(["build", "app.ts", "-o", "app.ts"], "-o app.ts is the entry: writing it would overwrite it, choose another file: see outpost build --help");
  assert.is(readFileSync(s.path("app.ts"), "utf8"), "export function main(): void {}\n");
});

test("an unwritable --vcd path fails before the run; a failed run leaves the old file as it was", async () => {
  const fw = s.firmware("blinky");
  s.file("locked", "a file, not a folder");
  const r = await s.run("sim", fw, "--vcd", "locked/run.vcd");
  assert.match(r.stderr, /^outpost: error: cannot write --vcd locked\/run\.vcd \(.+\): choose a path you can write\n$/);
  assert.is(r.code, 1);
  s.file("old.vcd", "yesterday's waveform\n");
  const bad = s.file("bad.wasm", "not wasm");
  assert.is((await s.run("sim", bad, "--vcd", "old.vcd")).code, 1);
  assert.is(readFileSync(s.path("old.vcd"), "utf8"), "yesterday's waveform\n");
  assert.equal(readdirSync(s.dir).filter((f) => f.endsWith(".partial")), []);
});

test("--vcd replaces the old file once the run is over, byte-identical for identical runs", async () => {
  const fw = s.firmware("blinky");
  assert.is((await s.run("sim", fw, "--for", "2s", "--vcd", "a.vcd")).code, 0);
  assert.is((await s.run("sim", fw, "--for", "2s", "--vcd", "b.vcd")).code, 0);
  const a = readFileSync(s.path("a.vcd"), "utf8");
  assert.is(a, readFileSync(s.path("b.vcd"), "utf8"));
  assert.match(a, /^\$version\n  outpost sim blinky\.wasm on sim\n\$end\n/);
  assert.ok(a.endsWith("#2000000\n1.\n"), a.slice(-40)); // LED1 goes high again at 2 s, the run's end
});

test("a firmware that never returns from outpost_poll stops with exit 3, naming the task", async () => {
  const fw = s.firmware("runaway");
  const r = await s.run("sim", fw, "--watchdog", "50k");
  assert.is(
    r.stderr,
    '[   0.000000] panic WATCHDOG in task "main": outpost_poll did not return within the watchdog\'s budget of 50,000 loop iterations: ' +
      "a loop that never ends, or one that should wait (await) instead (outpost sim --watchdog sets the budget)\n",
  );
  assert.is(r.code, 3);
  assert.is((await s.run("sim", fw, "--watchdog", "5x")).stderr, 'outpost: error: bad --watchdog "5x": write a number of loop iterations from 1 to 2147M, like 500k or 20M, or off: see outpost sim --help\n');
});

test("a stdout closed by its reader ends the command with one line and exit 1, no stack", async () => {
  const fw = s.firmware("echo");
  s.file("big.txt", "0123456789abcdef".repeat(20_000));
  const child = spawn(process.execPath, [bin, "sim", fw, "--uart0", "@big.txt", "--for", "60s"], { cwd: s.dir });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  child.stdout.once("data", () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  assert.is(stderr, "outpost: error: stdout was closed before the output ended (a pipe's reader quit): the rest is not written\n");
  assert.is(code, 1);
});

test.run();
