import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Scratch } from "../fixtures/cli.ts";

const test = suite("outpost sim");
const s = new Scratch();
test.after(() => s.remove());

test("pin changes go to stderr stamped with virtual time, by alias", async () => {
  const r = await s.run("sim", s.firmware("blinky"), "--for", "1s");
  assert.is(r.stderr, "[   0.000000] LED1 high\n[   0.500000] LED1 low\n[   1.000000] LED1 high\n");
  assert.is(r.stdout, "");
  assert.is(r.code, 0);
});

test("the run lasts 10 s unless told otherwise", async () => {
  const r = await s.run("sim", s.firmware("blinky"));
  const lines = r.stderr.trimEnd().split("\n");
  assert.is(lines.length, 21);
  assert.is(lines.at(-1), "[  10.000000] LED1 high");
});

test("--for=VALUE works like --for VALUE", async () => {
  const r = await s.run("sim", s.firmware("blinky"), "--for=500ms");
  assert.is(r.stderr, "[   0.000000] LED1 high\n[   0.500000] LED1 low\n");
});

test("the console UART goes to stdout, and logs to stderr", async () => {
  const r = await s.run("sim", s.firmware("logger"), "--for", "1ms");
  assert.is(r.stdout, "hi\n");
  assert.is(r.stderr, "[   0.000000] info: héllo\n");
  assert.is(r.code, 0);
});

test("--uart0 TEXT reaches the firmware and its echo comes back on stdout", async () => {
  const r = await s.run("sim", s.firmware("echo"), "--uart0", "hello, board", "--for", "100ms");
  assert.is(r.stdout, "hello, board");
  assert.is(r.stderr, "");
});

test("--uart0 TEXT understands \\n, \\r, \\t, \\xNN and \\\\: the firmware receives those bytes", async () => {
  const r = await s.run("sim", s.firmware("echo"), "--uart0", "a\\nb\\r\\tc\\x00\\xfF\\\\n", "--for", "100ms");
  assert.equal([...r.bytes], [0x61, 0x0a, 0x62, 0x0d, 0x09, 0x63, 0x00, 0xff, 0x5c, 0x6e]);
  assert.is(r.code, 0);
});

test("--expect-text understands the same escapes", async () => {
  const r = await s.run("sim", s.firmware("echo"), "--uart0", "one\\r\\ntwo", "--expect-text", "e\\r\\nt", "--for", "100ms");
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stderr, /passed/);
});

test("--uart0 @FILE sends the file's bytes, binary included", async () => {
  const data = Uint8Array.from({ length: 30 }, (_, i) => (i * 37) & 0xff);
  s.file("input.bin", data);
  const r = await s.run("sim", s.firmware("echo"), "--uart0", "@input.bin", "--for", "100ms");
  assert.equal([...r.bytes], [...data]);
});

test("--press taps a button with contact bounce, and the firmware follows every edge", async () => {
  const r = await s.run("sim", s.firmware("listener"), "--press", "BTN1@10ms:5ms", "--for", "50ms");
  const lines = r.stderr.trimEnd().split("\n");
  assert.is(lines[0], "[   0.000000] BTN1 high");
  assert.is(lines[1], "[   0.010000] BTN1 low");
  assert.is(lines[2], "[   0.010000] LED1 high");
  assert.ok(lines.includes("[   0.015000] BTN1 high"), r.stderr);
  assert.ok(lines.length > 6, "bounce edges");
  assert.ok(/BTN1 high$/.test(lines.at(-2)!) && /LED1 low$/.test(lines.at(-1)!), r.stderr);
  assert.is(r.code, 0);
});

test("a panic prints its code, task, message and source line, and exits 3", async () => {
  const r = await s.run("sim", s.firmware("panic"));
  assert.is(
    r.stderr,
    '[   1.000000] panic POOL_FULL in task "main": task pool "blink" is full (1 slot): raise its size\n' +
      "    at examples/blinky/main.ts:12:5\n",
  );
  assert.is(r.stdout, "");
  assert.is(r.code, 3);
});

test("a trap names the task and exits 3", async () => {
  const r = await s.run("sim", s.firmware("trap"));
  assert.match(r.stderr, /^\[ {3}0\.250000\] panic TRAP in task "main": unreachable executed\n {4}in poll \(wasm-function\[\d+\]:0x[0-9a-f]+\)\n$/);
  assert.is(r.code, 3);
});

test.run();
