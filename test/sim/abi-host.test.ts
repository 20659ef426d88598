import { test } from "uvu";
import * as assert from "uvu/assert";
import { boardNames } from "../../src/contract/boards.ts";
import { OutpostError } from "../../src/contract/errors.ts";
import { Simulator } from "../../sim/index.ts";
import { assemble, firmware, moduleText } from "../fixtures/wat.ts";

async function loadError(bytes: Uint8Array, options: { board?: string; name?: string } = {}): Promise<OutpostError> {
  try {
    await Simulator.load(bytes, options);
  } catch (e) {
    assert.instance(e, OutpostError);
    return e as OutpostError;
  }
  throw new Error("expected Simulator.load to fail");
}

test("a file that is not WebAssembly is refused, named", async () => {
  const e = await loadError(new TextEncoder().encode("#!/bin/sh\necho hi\n"), { name: "firmware.wasm" });
  assert.is(e.code, "NOT_WASM");
  assert.is(e.message, "firmware.wasm is not a WebAssembly module (bad magic number): build it with outpost build");
});

test("a damaged WebAssembly file is refused with the decoder's reason", async () => {
  const bytes = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0x99, 0x01]);
  const e = await loadError(bytes, { name: "x.wasm" });
  assert.is(e.code, "NOT_WASM");
  assert.match(e.message, /^x\.wasm is not a valid WebAssembly module \(.+\): rebuild it with outpost build$/);
});

test("a module without the ABI exports is refused, naming each missing export", async () => {
  const e = await loadError(firmware("logger", { omit: ["outpost_poll", "outpost_event"] }), { name: "a.wasm" });
  assert.is(e.code, "NOT_OUTPOST_FIRMWARE");
  assert.is(
    e.message,
    "a.wasm is not an Outpost firmware: it lacks the ABI v1 exports outpost_poll, outpost_event (see boards/ABI.md): build it with outpost build",
  );
});

test("firmware of another ABI version is refused, naming both versions", async () => {
  const e = await loadError(firmware("blinky", { abiVersion: 2 }), { name: "b.wasm" });
  assert.is(e.code, "ABI_MISMATCH");
  assert.is(e.message, "b.wasm: firmware speaks ABI v2, this host speaks ABI v1: rebuild the firmware with this Outpost version");
});

test("an unknown board is refused before the firmware runs", async () => {
  const e = await loadError(firmware("blinky"), { board: "nope" });
  assert.is(e.code, "UNKNOWN_BOARD");
  assert.is(e.message, `unknown board "nope": choose one of ${boardNames().join(", ")} (outpost boards lists them)`);
});

test("a panic stops the firmware with its code, message, source position and task", async () => {
  const sim = await Simulator.load(firmware("panic"));
  sim.runFor("5s");
  assert.equal(sim.panic, {
    code: "POOL_FULL",
    message: 'task pool "blink" is full (1 slot): raise its size',
    file: "examples/blinky/main.ts",
    line: 12,
    column: 5,
    task: "main",
    taskId: 0,
    at: 1_000_000,
  });
  assert.is(sim.now, 1_000_000);
  const polls = sim.stats.polls;
  sim.runFor("1s");
  assert.is(sim.now, 1_000_000);
  assert.is(sim.stats.polls, polls);
});

test("a trap names the running task in the words every host uses, and where in the module it happened", async () => {
  const sim = await Simulator.load(firmware("trap"));
  sim.runFor("1s");
  const panic = sim.panic!;
  assert.is(panic.code, "TRAP");
  assert.is(panic.message, "unreachable executed");
  assert.match(panic.where!, /^poll \(wasm-function\[\d+\]:0x[0-9a-f]+\)$/);
  assert.is(panic.task, "main");
  assert.is(panic.at, 250_000);
  assert.is(sim.now, 250_000);
});

test("a panic during outpost_init is reported, not thrown", async () => {
  const body = `
    (data (i32.const 256) "boom")
    (func (export "outpost_init")
      (call $panic (i32.const 1) (i32.const -1) (i32.const 256) (i32.const 4) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0))
      unreachable)`;
  const sim = await Simulator.load(assemble(moduleText(body)));
  assert.equal(sim.panic, { code: "ABORT", message: "boom", file: "", line: 0, column: 0, task: null, taskId: -1, at: 0 });
  assert.is(sim.stats.polls, 0);
});

test("logs arrive as UTF-8 text with their level and time", async () => {
  const sim = await Simulator.load(firmware("logger"));
  sim.runFor("1ms");
  assert.equal(sim.logs, [{ at: 0, level: 3, text: "héllo" }]);
  assert.is(sim.uart("UART0").output, "hi\n");
});

test("a pointer outside the firmware's memory stops it as an ABI violation", async () => {
  const body = `(func (export "outpost_init") (call $log (i32.const 3) (i32.const 65530) (i32.const 10)))`;
  const sim = await Simulator.load(assemble(moduleText(body)));
  assert.is(sim.panic?.code, "ABI_VIOLATION");
  assert.is(sim.panic?.message, "log passed bytes [65530, 65540) outside the firmware's memory (65536 bytes)");
});

test("an import this host lacks is refused at load, before any of the firmware runs", async () => {
  const body = `
    (import "env" "seed" (func $seed (result f64)))
    (func $start (call $log (i32.const 3) (i32.const 0) (i32.const 4)))
    (start $start)`;
  const e = await loadError(assemble(moduleText(body)), { name: "seed.wasm" });
  assert.is(e.code, "NOT_OUTPOST_FIRMWARE");
  assert.is(
    e.message,
    "seed.wasm is not an Outpost firmware: it imports env.seed, which ABI v1 does not define (see boards/ABI.md): build it with outpost build",
  );
});

test.run();
