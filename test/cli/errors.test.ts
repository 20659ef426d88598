import { existsSync } from "node:fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { boardNames } from "../../src/contract/boards.ts";
import { Scratch } from "../fixtures/cli.ts";

const test = suite("outpost errors");
const s = new Scratch();
test.after(() => s.remove());

/** Each mistake: exit 1, nothing on stdout, one line on stderr. */
async function fails(args: string[], message: string): Promise<void> {
  const r = await s.run(...args);
  assert.is(r.stderr, `outpost: error: ${message}\n`);
  assert.is(r.stdout, "");
  assert.is(r.code, 1);
}

test("a duration without a unit", async () => {
  const fw = s.firmware("blinky");
  await fails(["sim", fw, "--for", "10x"], 'bad duration "10x": write a number and a unit, like 250us, 500ms, 10s, 2h or 30d');
});

test("an unknown board", async () => {
  await fails(["sim", s.firmware("blinky"), "--board", "nope"], `unknown board "nope": choose one of ${boardNames().join(", ")} (outpost boards lists them)`);
});

test("a file that is not WebAssembly", async () => {
  const fw = s.file("firmware.wasm", "not wasm at all\n");
  await fails(["sim", fw], "firmware.wasm is not a WebAssembly module (bad magic number): build it with outpost build");
});

test("firmware built for another ABI version", async () => {
  const fw = s.firmware("blinky", { abiVersion: 2 }, "v2.wasm");
  await fails(["sim", fw], "v2.wasm: firmware speaks ABI v2, this host speaks ABI v1: rebuild the firmware with this Outpost version");
});

test("a module without the ABI exports", async () => {
  const fw = s.firmware("logger", { omit: ["outpost_event", "outpost_heap_top"] }, "bare.wasm");
  await fails(["sim", fw], "bare.wasm is not an Outpost firmware: it lacks the ABI v1 export outpost_event (see boards/ABI.md): build it with outpost build");
});

test("a firmware file that does not exist", async () => {
  await fails(["sim", "gone.wasm"], "cannot read firmware gone.wasm (no such file): build it with outpost build, or pass an entry .ts");
});

test("a UART the board lacks", async () => {
  await fails(["sim", s.firmware("echo"), "--uart5", "x"], 'board "sim" has no UART "UART5": valid UARTs are UART0, UART1');
});

test("a UART input file that does not exist", async () => {
  await fails(["sim", s.firmware("echo"), "--uart0", "@nope.bin"], "cannot read UART input nope.bin (no such file): check the path after --uart0 @");
});

test("a malformed or unknown --press", async () => {
  await fails(["sim", "x.wasm", "--press", "BTN1"], 'bad --press "BTN1": write BUTTON@TIME:HOLD, like BTN1@1s:50ms: see outpost sim --help');
  await fails(["sim", s.firmware("blinky"), "--press", "LED1@1s"], 'board "sim" has no button "LED1": valid buttons are BTN1, BTN2');
});

test("an unknown escape in --uart0 or --expect-text, or a \\x without two hex digits", async () => {
  const hint = "write \\n, \\r, \\t, \\xNN (two hex digits) or \\\\ for a backslash: see outpost sim --help";
  await fails(["sim", "x.wasm", "--uart0", "led on\\q"], `--uart0 'led on\\q': \\q is not an escape: ${hint}`);
  await fails(["sim", "x.wasm", "--uart1", "\\x4"], `--uart1 '\\x4': \\x4 is not an escape: ${hint}`);
  await fails(["sim", "x.wasm", "--expect-text", "ok\\"], `--expect-text 'ok\\': a \\ at the end is not an escape: ${hint}`);
});

test("a build output given to outpost build as its entry", async () => {
  await fails(["build", "build/blinky.wasm"], "build/blinky.wasm is a build output, not an entry: pass the firmware's .ts entry (like examples/blinky/main.ts), or run build/blinky.wasm with outpost sim: see outpost build --help");
  await fails(["build", "build/blinky.js", "--board", "puckjs"], "build/blinky.js is a build output, not an entry: pass the firmware's .ts entry (like examples/blinky/main.ts), or run build/blinky.js with outpost sim: see outpost build --help");
  await fails(["build", "notes.txt"], "notes.txt is not a firmware entry: pass the .ts file that exports main(), like examples/blinky/main.ts: see outpost build --help");
});

test("an empty --expect-text or --fail-text", async () => {
  await fails(["sim", "x.wasm", "--expect-text="], "--expect-text needs a non-empty text: see outpost sim --help");
  await fails(["sim", "x.wasm", "--fail-text", ""], "--fail-text needs a non-empty text: see outpost sim --help");
});

test("an unknown option", async () => {
  await fails(["sim", "x.wasm", "--fast"], "unknown option --fast for outpost sim: see outpost sim --help");
});

test("an option without its value", async () => {
  await fails(["sim", "x.wasm", "--board"], "option --board needs a value: see outpost sim --help");
  await fails(["build", "main.ts", "-o", "--board", "sim"], "option -o needs a value: see outpost build --help");
});

test("a missing or extra argument", async () => {
  await fails(["sim"], "outpost sim needs a firmware (.wasm) or an entry (.ts): see outpost sim --help");
  await fails(["sim", "a.wasm", "b.wasm"], 'unexpected argument "b.wasm" for outpost sim: see outpost sim --help');
});

test("an unknown command", async () => {
  const r = await s.run("frob");
  assert.match(r.stderr, /^outpost: error: unknown command "frob": the commands are build, sim, run, size, new, boards(, \w+)* \(see outpost --help\)\n$/);
  assert.is(r.stdout, "");
  assert.is(r.code, 1);
});

// Node's mkdirSync(…, { recursive: true }) never returns for a path under /proc: every folder Outpost makes is made
// level by level (src/toolchain/make-dirs.ts), so a path that cannot be made is one line, not a hang.
const proc = existsSync("/proc/self") ? test : test.skip;
proc(`a folder that cannot be made${existsSync("/proc/self") ? "" : " (skipped: no /proc on this machine)"}: one line, not a hang`, async () => {
  await fails(["sim", s.firmware("blinky"), "--for", "1s", "--vcd", "/proc/outpost/run.vcd"], "cannot write --vcd /proc/outpost/run.vcd (ENOENT: no such file or directory, mkdir '/proc/outpost'): choose a path you can write");
  await fails(["new", "/proc/outpost"], "cannot create a project in /proc/outpost (ENOENT): choose a folder you can write");
});

test.run();
