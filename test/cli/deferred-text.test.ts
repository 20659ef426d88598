/**
 * Interpreter-board builds: deferred message text (build/<name>.text.json,
 * read by outpost sim, spelled out by outpost decode) and release builds
 * (outpost build --release: no task introspection exports).
 */
import { readFileSync, renameSync } from "node:fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { wasm } from "../../src/contract/wasm-api.ts";
import { Scratch } from "../fixtures/cli.ts";

const test = suite("outpost build for interpreter boards");
const s = new Scratch();
test.after(() => s.remove());

const ENTRY = new URL("../firmware/wasm-late-panic.ts", import.meta.url).pathname;
const PANIC = '[   0.001000] panic ABORT in task "unlocker": Mutex "bus": task "unlocker" called unlock() on a mutex that is not locked\n';

test("the build writes its message literals beside the .wasm, and outpost sim spells the panic out with them", async () => {
  const build = await s.run("build", ENTRY, "--board", "wasm3-esp32", "-o", "late.wasm");
  assert.is(build.code, 0, build.stderr);
  const table = JSON.parse(readFileSync(s.path("late.text.json"), "utf8")) as string[];
  assert.ok(table.includes("called unlock() on a mutex that is not locked"), JSON.stringify(table));
  const run = await s.run("sim", "late.wasm", "--board", "wasm3-esp32");
  assert.is(run.stderr, PANIC);
  assert.is(run.code, 3);
});

test("without the table the panic shows {#index} references, which outpost decode turns back into the same words", async () => {
  const table = JSON.parse(readFileSync(s.path("late.text.json"), "utf8")) as string[];
  renameSync(s.path("late.text.json"), s.path("kept.text.json"));
  const bare = await s.run("sim", "late.wasm", "--board", "wasm3-esp32");
  assert.is(bare.code, 3);
  // Every literal of the message is a reference: expanding them by hand gives the words back.
  assert.not.match(bare.stderr, /called unlock/);
  assert.is(bare.stderr.replace(/\{#(\d+)\}/g, (_m, id: string) => table[Number(id)]!), PANIC);
  s.file("board.log", bare.stderr);
  const decoded = await s.run("decode", "kept.text.json", "board.log");
  assert.is(decoded.code, 0);
  assert.is(decoded.stdout, PANIC);
  renameSync(s.path("kept.text.json"), s.path("late.text.json"));
  const viaWasm = await s.run("decode", "late.wasm", "board.log");
  assert.is(viaWasm.stdout, PANIC);
});

test("outpost decode refuses what is not a firmware or a table, and a table that is not a list of strings", async () => {
  const notFirmware = await s.run("decode", "board.log");
  assert.is(notFirmware.stderr, "outpost: error: board.log is neither a firmware (.wasm, .js, .elf) nor a table (.text.json, .sites.json): see outpost decode --help\n");
  assert.is(notFirmware.code, 1);
  s.file("bad.text.json", '{"0": "x"}');
  const bad = await s.run("decode", "bad.text.json", "board.log");
  assert.is(bad.stderr, "outpost: error: bad.text.json is not a text table (a JSON array of strings): rebuild the firmware with outpost build\n");
  assert.is(bad.code, 1);
});

test("outpost decode marks a reference its table does not hold, names it and exits 1: the log is from another build", async () => {
  s.file("two.text.json", '["pool full", "busy"]');
  s.file("other.log", "panic {#1}: {#0} at {#999}\n");
  const r = await s.run("decode", "two.text.json", "other.log");
  assert.is(r.stdout, "panic busy: pool full at {#999?}\n");
  assert.is(
    r.stderr,
    "outpost: error: {#999} is not in two.text.json, which holds 2 texts ({#0} to {#1}); marked {#N?} in the output: decode the log with the tables of the build that printed it\n",
  );
  assert.is(r.code, 1);
});

test("outpost decode reads the text table beside a native image (.elf), and says when there is none", async () => {
  s.file("native.elf", "not read: only the table beside it is");
  s.file("native.text.json", '["pool full", "busy"]');
  s.file("native.log", "panic {#1}: {#0}\n");
  const r = await s.run("decode", "native.elf", "native.log");
  assert.is(r.stdout, "panic busy: pool full\n");
  assert.is(r.code, 0, r.stderr);
  s.file("bare.elf", "");
  const none = await s.run("decode", "bare.elf", "native.log");
  assert.is(none.stderr, "outpost: error: bare.elf has no bare.text.json beside it, so there is nothing to decode with: keep the files outpost build writes beside the firmware, or name a table\n");
  assert.is(none.code, 1);
});

test("--release leaves out the introspection exports but the running task's id: smaller, same behaviour, the panic names the task by id", async () => {
  const build = await s.run("build", ENTRY, "--board", "wasm3-esp32", "--release", "-o", "rel.wasm");
  assert.is(build.code, 0, build.stderr);
  const release = readFileSync(s.path("rel.wasm"));
  const full = readFileSync(s.path("late.wasm"));
  const exports = wasm.Module.exports(await wasm.compile(release)).map((e) => e.name).sort();
  assert.equal(exports, ["memory", "outpost_abi_version", "outpost_current_task", "outpost_event", "outpost_heap_top", "outpost_init", "outpost_poll"]);
  assert.ok(release.length < full.length, `release ${release.length} bytes, full ${full.length}`);
  const run = await s.run("sim", "rel.wasm", "--board", "wasm3-esp32");
  assert.is(run.stderr, PANIC.replace('in task "unlocker"', "in task 0"));
  assert.is(run.code, 3);
});

test("a release build reports no deadlock (it has no task states to tell one by); the full build of the same firmware does", async () => {
  const deadlock = new URL("../firmware/deadlock.ts", import.meta.url).pathname;
  assert.is((await s.run("build", deadlock, "--board", "wasm3-esp32", "--release", "-o", "dl-rel.wasm")).code, 0);
  assert.is((await s.run("build", deadlock, "--board", "wasm3-esp32", "-o", "dl.wasm")).code, 0);
  const release = await s.run("sim", "dl-rel.wasm", "--board", "wasm3-esp32", "--for", "1s");
  assert.is(release.stderr, "[   0.000000] info: hello: ping and pong wait for each other\n");
  assert.is(release.code, 0);
  const full = await s.run("sim", "dl.wasm", "--board", "wasm3-esp32", "--for", "1s");
  assert.match(full.stderr, /\n\[   0\.000000\] deadlock: every task is parked and nothing can wake one\n/);
  assert.is(full.code, 5);
});

test("--inspect on a release build says why it cannot show tasks before the firmware runs; --release on an Espruino board is refused", async () => {
  const run = await s.run("sim", "dl-rel.wasm", "--board", "wasm3-esp32", "--inspect"); // its init logs a line: not printed
  assert.is(
    run.stderr,
    "outpost: error: dl-rel.wasm is a release build, without the task introspection exports --inspect reads: build it without --release to inspect its tasks\n",
  );
  assert.is(run.code, 1);
  const espruino = await s.run("build", ENTRY, "--board", "espruino-pico", "--release");
  assert.is(espruino.stderr, 'outpost: error: --release is for WebAssembly boards; board "espruino-pico" runs JavaScript: see outpost build --help\n');
  assert.is(espruino.code, 1);
});

test("a panic during outpost_init fails the build with exit 3, its message spelled out from the table", async () => {
  const entry = new URL("../firmware/wasm-init-panic.ts", import.meta.url).pathname;
  const r = await s.run("build", entry, "--board", "wasm3-esp32", "-o", "once.wasm");
  assert.is(
    r.stderr,
    'outpost: error: once.wasm panicked during init (POOL_FULL): cannot spawn task "once": its pool (size 1) is full; ' +
      'raise the pool size where it is declared (task(size, …) or new TaskPool(name, size)) or use trySpawn() to handle it\n',
  );
  assert.is(r.code, 3);
});

test.run();
