/**
 * The native reference host (boards/wasm/host/): its loop, reports, bench
 * and POSIX platform, compiled with gcc at C99 with every warning an
 * error, run against test/wasm/c/engine_test.c, an engine whose "firmware"
 * is native C (a blink task and a console echo task). Alarms, events and
 * console bytes (delivered at 115200 baud, 87 µs a byte, as the simulator
 * does) go through the real loop; stdout, the stderr pin log and the exit
 * status are checked exactly. Skipped without gcc (npm test lists each
 * by name, with the reason).
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { when } from "../helpers/skip.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const hostDir = join(root, "boards/wasm/host");
const flags = ["-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic"];
const hasGcc = spawnSync("gcc", ["--version"]).status === 0;
const gated = when(hasGcc, "gcc is not installed");
const it = (name: string, fn: () => void | Promise<void>) => gated(test, name, fn);

const work = mkdtempSync(join(tmpdir(), "outpost-host-"));
test.after(() => rmSync(work, { recursive: true, force: true }));
const binary = join(work, "host");
let built = false;

function gcc(args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync("gcc", [...flags, ...args], { encoding: "utf8" });
  return { status: r.status, stderr: r.stderr };
}

function buildHost(): void {
  if (built) return;
  const sources = ["host.c", "abi_check.c", "report.c", "format.c", "bench.c", "platform_posix.c"].map((f) => join(hostDir, f));
  const r = gcc([`-I${hostDir}`, ...sources, join(root, "test/wasm/c/engine_test.c"), "-o", binary]);
  assert.is(r.stderr, "", "gcc printed diagnostics");
  assert.is(r.status, 0);
  built = true;
}

/** Writes a test-engine script (the "firmware") and returns its path. */
function firmware(name: string, options: string): string {
  const path = join(work, name);
  writeFileSync(path, `outpost-test-engine ${options}`);
  return path;
}

function run(args: string[], input = ""): { stdout: string; stderr: string; status: number | null } {
  buildHost();
  const r = spawnSync(binary, args, { input, encoding: "utf8", timeout: 20_000 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

it("the host loop, reports, bench and POSIX platform compile with -std=c99 -Wall -Wextra -Werror -pedantic and no warnings", () => {
  buildHost();
});

it("the wasm3 adapter compiles cleanly against wasm3 v0.5.0's declarations", () => {
  const r = gcc([`-I${join(root, "test/wasm/c/wasm3-api")}`, `-I${hostDir}`, "-c", join(hostDir, "engine_wasm3.c"), "-o", join(work, "engine_wasm3.o")]);
  assert.is(r.stderr, "");
  assert.is(r.status, 0);
});

it("alarms wake the loop at each deadline: the pin log shows every toggle (virtual clock)", () => {
  const r = run(["--virtual", "--for", "500ms", firmware("blink", "blink=13:100000")]);
  assert.is(r.stdout, "");
  assert.is(
    r.stderr,
    [
      "[   0.000000] info: test engine: ready",
      "[   0.000000] pin 13 high",
      "[   0.100000] pin 13 low",
      "[   0.200000] pin 13 high",
      "[   0.300000] pin 13 low",
      "[   0.400000] pin 13 high",
      "[   0.500000] pin 13 low", // work due exactly at the stop time runs, as in the simulator
      "",
    ].join("\n"),
  );
  assert.is(r.status, 0);
});

it("console bytes go through the RX FIFO and the echo task back to stdout; the host stops when stdin ends and nothing is due", () => {
  const r = run(["--virtual", firmware("echo", "echo=0")], "hello, outpost\n");
  assert.is(r.stdout, "hello, outpost\n");
  assert.is(r.stderr, "[   0.000000] info: test engine: ready\n");
  assert.is(r.status, 0);
});

it("stdin reaches the console at line rate: one byte every 86.8 µs at 115200 baud, one UART_RX each, between polls", () => {
  const r = run(["--virtual", firmware("events", "echo=0 log=1")], "abc");
  assert.is(r.stdout, "abc");
  assert.is(
    r.stderr,
    [
      "[   0.000000] info: test engine: ready",
      "[   0.000087] debug: event 2 arg 0 at 87", // ceil(1 × 10⁷ / 115200)
      "[   0.000174] debug: event 2 arg 0 at 174",
      "[   0.000261] debug: event 2 arg 0 at 261",
      "",
    ].join("\n"),
  );
});

it("a 10 KB pipe is echoed whole: the line paces it, nothing is cut at a read's size", () => {
  const input = Array.from({ length: 10240 }, (_, i) => String.fromCharCode(65 + (i % 26))).join(""); // no byte the engine acts on
  const r = run(["--virtual", firmware("pipe", "echo=0")], input);
  assert.is(r.stdout, input);
  assert.is(r.status, 0);
});

it("a firmware that does not read loses each byte past the 128-byte RX FIFO: one overrun event per lost byte", () => {
  const r = run(["--virtual", firmware("overrun", "echo=0 deaf=1 log=1")], "x".repeat(130));
  const overruns = r.stderr.split("\n").filter((l) => l.includes("debug: event 4 arg 256")); // UART_ERROR, port 0 | OVERRUN << 8
  assert.equal(overruns, ["[   0.011198] debug: event 4 arg 256 at 11198", "[   0.011285] debug: event 4 arg 256 at 11285"]);
  assert.is(r.stdout, "");
});

it("--input PORT:FILE feeds another UART at line rate, as outpost sim --uart1 @FILE does", () => {
  const file = join(work, "uart1.txt");
  writeFileSync(file, "gps");
  const r = run(["--virtual", "--input", `1:${file}`, firmware("second", "echo=1")]);
  assert.is(r.stdout, ""); // port 1 is not the console: its output is not shown, as in the simulator
  assert.is(r.stderr, "[   0.000000] info: test engine: ready\n");
  assert.is(r.status, 0);
});

it("the sleep wakes on stdin long before a far deadline (real clock)", async () => {
  buildHost();
  const child = spawn(binary, ["--for", "1500ms", firmware("far", "blink=13:60000000 echo=0")]);
  const started = Date.now();
  let stdout = "";
  let stderr = "";
  let echoedAfter = -1;
  child.stdout.on("data", (d: Buffer) => {
    stdout += d.toString();
    if (echoedAfter < 0) echoedAfter = Date.now() - started;
  });
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  setTimeout(() => child.stdin.write("ping\n"), 200);
  const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
  assert.is(stdout, "ping\n");
  assert.ok(echoedAfter >= 150 && echoedAfter < 1400, `echo came ${echoedAfter} ms after start`);
  assert.match(stderr, /^\[   0\.\d{6}\] info: test engine: ready\n\[   0\.\d{6}\] pin 13 high\n$/);
  assert.is(status, 0);
});

it("a panic stops the firmware: reported with code, task and source line, exit status 3", () => {
  const r = run(["--virtual", firmware("panic", "echo=0")], "ab!c");
  assert.is(r.stdout, "ab");
  assert.is(
    r.stderr,
    [
      "[   0.000000] info: test engine: ready",
      '[   0.000261] panic POOL_FULL in task 1: cannot spawn task "echo": its pool is full',
      "    at test/wasm/c/engine_test.c:42:7",
      "",
    ].join("\n"),
  );
  assert.is(r.status, 3);
});

it("deferred message literals print as {#index} references; a reference cut off at the end is dropped", () => {
  const r = run(["--virtual", firmware("panic", "echo=0")], "?");
  assert.is(r.stderr.split("\n")[1], "[   0.000087] panic BUSY in task 1: {#5} of {#268}");
  assert.is(r.status, 3);
});

it("deferred strings (0xFE, UTF-16) and integers (0xFD) are formatted by the host; a string cut off keeps its whole code units", () => {
  const r = run(["--virtual", firmware("tags", "echo=0")], "$");
  assert.is(r.stdout, "$");
  assert.is(
    r.stderr,
    [
      "[   0.000000] info: test engine: ready",
      '[   0.000087] info: sensor "µ😀x" read -1234567 from {#5}',
      "[   0.000087] info: cut: µ\ufffd", // the high surrogate lost its pair
      "",
    ].join("\n"),
  );
  assert.is(r.status, 0);
});

it("deferred text that expands past the host's buffer stops at the last whole number or character", () => {
  const r = run(["--virtual", firmware("long", "echo=0")], "%");
  // A log line holds OUTPOST_TEXT_CHARS (1400) + 32 bytes with its NUL; after the stamp and "info: ", 1411
  // characters of text: 70 numbers of 20 characters, 470 '€' of 3 bytes.
  const lines = r.stderr.split("\n");
  assert.is(lines[1], `[   0.000087] info: ${"-9223372036854775808".repeat(70)}`);
  assert.is(lines[2], `[   0.000087] info: ${"€".repeat(470)}`);
  assert.is(r.status, 0);
});

it("a trap stops the firmware like a panic: 'panic TRAP', the task that was running, the engine's words without its tag, exit status 3", () => {
  const r = run(["--virtual", firmware("trap", "echo=0")], "ab#c");
  assert.is(r.stderr, "[   0.000000] info: test engine: ready\n[   0.000261] panic TRAP in task 1: unreachable executed\n");
  assert.is(r.status, 3);
});

it("a firmware speaking another ABI version is refused before init, exit status 2", () => {
  const r = run([firmware("abi2", "abi=2")]);
  assert.is(r.stderr, "firmware speaks ABI v2, this host speaks ABI v1: rebuild the firmware with this Outpost version\n");
  assert.is(r.status, 2);
});

it("a firmware that never lets the clock advance is stopped as a stall, in the simulator's words, exit status 3", () => {
  const r = run(["--virtual", firmware("busy", "busy=1")]);
  assert.is(
    r.stderr,
    "[   0.000000] info: test engine: ready\n[   0.000000] panic STALL outside any task: virtual time cannot advance: " +
      "outpost_poll returned a deadline at or before now 100000 times in a row at 0.000000s; a task that never waits keeps the executor busy\n",
  );
  assert.is(r.status, 3);
});

it("a module the engine refuses, a missing file and a bad option each exit with status 1", () => {
  const notFirmware = join(work, "not-firmware");
  writeFileSync(notFirmware, "\0asm");
  // Bytes that start like WebAssembly are checked against the ABI before the engine sees them (abi_check.c).
  assert.equal(run([notFirmware]), { stdout: "", stderr: "cannot load the firmware: not a WebAssembly module (bad magic number)\n", status: 1 });
  writeFileSync(notFirmware, "#!/bin/sh\n");
  assert.equal(run([notFirmware]), { stdout: "", stderr: "cannot load the firmware: not a test-engine script\n", status: 1 });
  const missing = run([join(work, "missing.wasm")]);
  assert.is(missing.stderr, `host: cannot read ${join(work, "missing.wasm")}: check the path (outpost build writes the .wasm)\n`);
  assert.is(missing.status, 1);
  const bad = run(["--for", "soon", notFirmware]);
  assert.match(bad.stderr, /^host: --for takes a duration such as 250ms, 2s or 100us\nusage: host /);
  assert.is(bad.status, 1);
});

it("a malformed stimulus file is one line naming it, exit 1; seeded mutations of a good one never crash the host", () => {
  const bad = join(work, "bad.bin");
  writeFileSync(bad, "not stimuli");
  const refused = run(["--virtual", "--bench", bad, firmware("fuzz-blink", "blink=13:100000")]);
  assert.is(refused.stderr, `host: cannot read ${bad}: not an Outpost stimulus file (version 1)\n`);
  assert.is(refused.status, 1);
  // A good file: stop at 50 ms, "hi" to UART0 at 0, pin 2 low at 10 ms, expect "hi".
  const good = Buffer.concat([
    Buffer.from("OPST"), u32(1), i64(50_000), str(" within 50ms"), str("UART0"),
    Buffer.from([3, 0]), str("hi"), str('"hi"'),
    Buffer.from([1, 0]), i64(0), str("hi"),
    Buffer.from([2, 2]), i64(10_000), Buffer.from([0]),
    Buffer.from([0]),
  ]);
  let seed = 7;
  const random = (n: number): number => ((seed = (seed * 1103515245 + 12345) >>> 0) % n);
  for (let i = 0; i < 150; i++) {
    const bytes = Buffer.from(good);
    for (let k = 1 + random(4); k > 0; k--) bytes[random(bytes.length)] = random(256);
    const file = join(work, `fuzz-${i}.bin`);
    writeFileSync(file, random(5) === 0 ? bytes.subarray(0, random(bytes.length)) : bytes);
    const r = run(["--virtual", "--bench", file, firmware("fuzz-echo", "echo=0")]);
    assert.ok(r.status !== null && [0, 1, 2, 3, 4].includes(r.status), `mutation ${i} (seed 7) ended with ${r.status}: ${r.stderr}`);
    if (r.status === 1) assert.match(r.stderr, /^host: cannot read .*: .+\n$/);
  }
});

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}
function i64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigInt64LE(BigInt(n));
  return b;
}
function str(text: string): Buffer {
  return Buffer.concat([u32(Buffer.byteLength(text)), Buffer.from(text)]);
}

test.run();
