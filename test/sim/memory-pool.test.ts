/**
 * Memories kept between runs (sim/memory-pool.ts, src/contract/
 * memory-import.ts): a released simulator's memory starts the next run of
 * the same firmware exactly as a new memory would — zeroed, data segments
 * written again — whatever the last run left in it; a memory the firmware
 * grew is not kept; the rewritten module exports the memory it was given.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Simulator } from "../../sim/index.ts";
import { MemoryPool } from "../../sim/memory-pool.ts";
import { MEMORY_MODULE, MEMORY_NAME, importMemory } from "../../src/contract/memory-import.ts";
import { wasm } from "../../src/contract/wasm-api.ts";
import { assemble, counter, moduleText } from "../fixtures/wat.ts";

// init logs "fresh" when the byte at 128 is 0 and the data segment at 64 reads "seg", then writes over both.
const scribbler = assemble(
  moduleText(`
    (data (i32.const 64) "seg")
    (data (i32.const 96) "fresh")
    (func (export "outpost_init")
      (if (i32.and (i32.eqz (i32.load8_u (i32.const 128))) (i32.eq (i32.load8_u (i32.const 64)) (i32.const 0x73)))
        (then (call $log (i32.const 3) (i32.const 96) (i32.const 5))))
      (i32.store8 (i32.const 128) (i32.const 0xff))
      (i32.store8 (i32.const 64) (i32.const 0)))`),
);

test("a released simulator's memory starts the next run as a new one: zeroed, its data written again", async () => {
  for (const watchdog of [undefined, 0]) {
    for (let run = 0; run < 3; run++) {
      const sim = await Simulator.load(scribbler, { watchdog });
      assert.equal(sim.logs.map((l) => l.text), ["fresh"], `run ${run}, watchdog ${watchdog}`);
      sim.release();
    }
  }
});

test("the pool hands back a kept memory zeroed, and drops one the firmware grew", () => {
  const pool = new MemoryPool(1, 4);
  const memory = pool.take();
  new Uint8Array(memory.buffer).fill(7);
  pool.give(memory);
  const again = pool.take();
  assert.is(again, memory);
  assert.ok(new Uint8Array(again.buffer).every((b) => b === 0));
  (again as unknown as { grow(pages: number): number }).grow(1);
  pool.give(again);
  const fresh = pool.take();
  assert.is.not(fresh, again);
  assert.is(fresh.buffer.byteLength, 65_536);
});

test("the rewritten module imports its memory and exports the one it is given", () => {
  const imported = importMemory(counter(3))!;
  assert.equal([imported.initial, imported.maximum], [1, null]);
  const module = new wasm.Module(imported.bytes);
  assert.equal(wasm.Module.imports(module).filter((i) => i.kind === "memory"), [{ module: MEMORY_MODULE, name: MEMORY_NAME, kind: "memory" }]);
  assert.is(importMemory(assemble(`(module (func (export "f")))`)), null); // no memory of its own
});

test.run();
