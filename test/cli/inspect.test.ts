/** `outpost sim` diagnostics: deadlock reports, --inspect, source lines of panics, --vcd, --trace, Ctrl-C. */
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { TraceFile } from "../../sim/index.ts";
import { buildTestFirmware } from "../helpers/firmware.ts";
import { parseVcd } from "../helpers/vcd.ts";
import { Scratch } from "../fixtures/cli.ts";
import { assemble, moduleText } from "../fixtures/wat.ts";

const test = suite("outpost sim diagnostics");
const s = new Scratch();
test.after(() => s.remove());

const sites = JSON.stringify([
  { id: 0, file: "src/ping.ts", line: 12, column: 5, fn: "ping" },
  { id: 1, file: "src/pong.ts", line: 30, column: 9, fn: "pong" },
]);

test("a deadlock exits 5 naming each parked task and where it waits; --inspect adds the table", async () => {
  s.firmware("deadlock");
  s.file("deadlock.sites.json", sites);
  const r = await s.run("sim", "deadlock.wasm", "--inspect");
  assert.is(r.code, 5);
  assert.is(r.stdout, "");
  assert.is(
    r.stderr,
    [
      "[   0.000000] deadlock: every task is parked and nothing can wake one",
      '    task "ping" (id 0) parked since 0.000000s at src/ping.ts:12:5 in ping',
      '    task "pong" (id 1) parked since 0.000000s at src/pong.ts:30:9 in pong',
      "[   0.000000] 2 tasks, deadlock",
      "  id  task  state   polls  wakes       for  await site",
      "   0  ping  parked      0      0  0.000000  src/ping.ts:12:5 in ping",
      "   1  pong  parked      0      0  0.000000  src/pong.ts:30:9 in pong",
      "",
    ].join("\n"),
  );
  const noTable = await s.run("sim", "deadlock.wasm", "--sites", "none.json");
  assert.equal([noTable.code, noTable.stderr], [1, "outpost: error: cannot read site table none.json (no such file): check the path after --sites\n"]);
  s.file("bad.sites.json", '[{ "id": 0, "file": "a.ts" }]');
  const bad = await s.run("sim", "deadlock.wasm", "--sites", "bad.sites.json");
  assert.is(bad.stderr, "outpost: error: bad.sites.json: site 0 needs file, line and column: a site table is a list of { id, file, line, column } written by outpost build\n");
});

test("the runtime's own deadlock and idle firmware: exit 5 for the first, 0 and an idle table for the second", async () => {
  s.file("deadlock-as.wasm", await buildTestFirmware("test/firmware/deadlock.ts"));
  s.file("deadlock-as.sites.json", readFileSync(new URL("../firmware/deadlock.sites.json", import.meta.url)));
  const dead = await s.run("sim", "deadlock-as.wasm", "--for", "1h");
  assert.is(dead.code, 5);
  // The runtime reports each task's await site (outpost_task_site), and the sidecar names its line.
  assert.match(
    dead.stderr,
    /^\[ {3}0\.000000\] info: hello: ping and pong wait for each other\n\[ {3}0\.000000\] deadlock: every task is parked and nothing can wake one\n {4}task "ping" \(id 0\) parked since 0\.000000s at test\/firmware\/deadlock\.ts:22:10 in Ping\.poll\n {4}task "pong" \(id 1\) parked since 0\.000000s at test\/firmware\/deadlock\.ts:39:10 in Pong\.poll\n$/,
  );
  s.file("idle.wasm", await buildTestFirmware("test/firmware/deadlock_idle.ts"));
  const idle = await s.run("sim", "idle.wasm", "--for", "1h", "--inspect");
  assert.is(idle.code, 0);
  assert.match(idle.stderr, /\n\[3600\.000000\] 1 task, idle, waiting for BTN1\n {2}id {2}task {4}state {3}polls {2}wakes {10}for {2}await site\n {3}0 {2}waiter {2}parked {6}1 {6}0 {2}3600\.000000 {2}site 0\n {2}\(pass --sites FILE, or keep <firmware>\.sites\.json beside the firmware, to see source lines\)\n$/);
});

test("a panic shows the source line it names; a trap shows the await the task resumed from", async () => {
  s.file("panic.wasm", await buildTestFirmware("test/firmware/wasm-init-panic.ts"));
  s.file("wasm-init-panic.ts", readFileSync(new URL("../firmware/wasm-init-panic.ts", import.meta.url)));
  const panic = await s.run("sim", "panic.wasm");
  assert.is(panic.code, 3);
  assert.match(panic.stderr, /^\[ {3}0\.000000\] panic POOL_FULL outside any task: cannot spawn task "once": its pool \(size 1\) is full/);
  const trap = moduleText(readFileSync(new URL("../fixtures/trap.wat", import.meta.url), "utf8") + `(func (export "outpost_task_site") (param i32) (result i32) (i32.const 4))`);
  s.file("trap.wasm", assemble(trap));
  s.file("trap.sites.json", JSON.stringify([{ id: 4, file: "blink.ts", line: 2, column: 3, fn: "blink" }]));
  s.file("blink.ts", "// blink\n  await ticker.next();\n");
  const r = await s.run("sim", "trap.wasm");
  assert.is(r.code, 3);
  const lines = r.stderr.split("\n");
  assert.is(lines[0], '[   0.250000] panic TRAP in task "main": unreachable executed');
  assert.match(lines[1]!, /^ {4}in \$?\w+ \(wasm-function/);
  assert.equal(lines.slice(2), ["    after resuming from blink.ts:2:3 in blink", "    2 |   await ticker.next();", "      |   ^", ""]);
});

test("--vcd and --trace files agree with the pin changes printed on stderr", async () => {
  const r = await s.run("sim", s.firmware("listener"), "--press", "BTN1@10ms:5ms", "--for", "50ms", "--vcd", "out/run.vcd", "--trace", "out/run.json");
  assert.is(r.code, 0, r.stderr);
  const printed = r.stderr
    .trimEnd()
    .split("\n")
    .map((l) => /^\[ *(\d+)\.(\d{6})\] (\S+) (high|low)$/.exec(l)!)
    .map((m) => ({ pin: m[3]!, at: Number(m[1]) * 1e6 + Number(m[2]), level: m[4] === "high" ? 1 : 0 }));
  const vcd = parseVcd(readFileSync(s.path("out/run.vcd"), "utf8"));
  assert.is(vcd.timescale, "1 us");
  assert.is(vcd.end, 50_000);
  // Pins are in the pins scope; each task's three state lines (main_0_ready, …) follow them.
  const pins = [...vcd.changes].filter(([name]) => !/_\d+_(ready|parked|finished)$/.test(name));
  const fromVcd = pins.flatMap(([pin, cs]) => cs.map((c) => ({ pin, at: c.at, level: Number(c.value) })));
  const order = (a: { at: number; pin: string }, b: { at: number; pin: string }): number => a.at - b.at || a.pin.localeCompare(b.pin);
  assert.equal([...fromVcd].sort(order), [...printed].sort(order));
  const trace = JSON.parse(readFileSync(s.path("out/run.json"), "utf8")) as TraceFile;
  const edges = trace.traceEvents.filter((e) => e.cat === "gpio").map((e) => ({ pin: String(e.args!.pin), at: e.ts!, level: Number(e.args!.level) }));
  assert.equal(edges, printed);
  assert.ok(trace.traceEvents.some((e) => e.ph === "M" && e.args?.name === "main #0"));
});

test("Ctrl-C stops a long run cleanly: exit 130, the moment, and the --inspect table", async () => {
  const busy = `(data (i32.const 256) "busy")
    (func (export "outpost_init") (call $log (i32.const 3) (i32.const 256) (i32.const 4)))
    (func (export "outpost_poll") (result i64)
      (global.set $polls (i32.add (global.get $polls) (i32.const 1)))
      (i64.add (call $now_us) (i64.const 1)))`;
  s.file("busy.wasm", assemble(moduleText(busy)));
  const child = s.start("sim", "busy.wasm", "--for", "1000d", "--inspect");
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => {
    stderr += d.toString();
    if (stderr.includes("info: busy")) setTimeout(() => child.kill("SIGINT"), 300);
  });
  const [code] = (await once(child, "exit")) as [number | null];
  assert.is(code, 130, stderr);
  assert.match(stderr, /^\[ {3}0\.000000\] info: busy\n\[ *\d+\.\d{6}\] interrupted \(running\)\n\[ *\d+\.\d{6}\] 1 task, running\n {2}id {2}task {2}state +polls +wakes +for {2}await site\n {3}0 {2}main {2}parked +\d+ +\d+ {2}0\.000000 {2}\?\n$/);
});

test.run();
