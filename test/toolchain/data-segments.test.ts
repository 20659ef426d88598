/**
 * mergeDataSegments (src/toolchain/wasm/data-segments.ts): fewer data segments,
 * the same memory image, and modules it cannot rewrite left alone.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mergeDataSegments } from "../../src/toolchain/wasm/data-segments.ts";
import { assemble } from "../fixtures/wat.ts";
import { wasm as WebAssembly, type WasmMemory } from "../../src/contract/wasm-api.ts";

/** Data segment count, read with the section reader the merge itself does not share. */
function segmentCount(bytes: Uint8Array): number {
  let pos = 8;
  while (pos < bytes.length) {
    const id = bytes[pos++]!;
    let size = 0;
    for (let shift = 0; ; shift += 7) {
      const b = bytes[pos++]!;
      size |= (b & 0x7f) << shift;
      if (!(b & 0x80)) break;
    }
    if (id === 11) return bytes[pos]!; // fewer than 128 segments here: a one-byte count
    pos += size;
  }
  return 0;
}

async function memoryImage(bytes: Uint8Array): Promise<number[]> {
  const module = await WebAssembly.compile(new Uint8Array(bytes));
  const instance = await WebAssembly.instantiate(module, {});
  return [...new Uint8Array((instance.exports.memory as WasmMemory).buffer, 0, 4096)];
}

const SEGMENTS = `(module
  (memory (export "memory") 1)
  (data (i32.const 8) "ab")
  (data (i32.const 10) "cd")
  (data (i32.const 16) "\\01\\02")
  (data (i32.const 100) "far")
  (data (i32.const 2000) "farther, with a two-byte offset")
  (data (i32.const 2036) "x")
)`;

test("neighbouring segments merge when the zeros between them cost less than a header; memory is unchanged", async () => {
  const original = assemble(SEGMENTS);
  const merged = mergeDataSegments(original);
  assert.is(segmentCount(original), 6);
  assert.is(segmentCount(merged), 3); // [8, 18), [100, 103), [2000, 2037)
  assert.ok(merged.length < original.length, `${merged.length} < ${original.length}`);
  assert.equal(await memoryImage(merged), await memoryImage(original));
});

test("a module without data, or with one segment, comes back as it was", () => {
  const none = assemble(`(module (memory 1))`);
  assert.is(mergeDataSegments(none), none);
  const one = assemble(`(module (memory 1) (data (i32.const 8) "a"))`);
  assert.is(mergeDataSegments(one), one);
});

test("a firmware's data segments merge into a smaller file that still validates; size builds come merged", async () => {
  const { compileFirmware } = await import("../../src/toolchain/compile.ts");
  const { loadBoard } = await import("../../src/contract/boards.ts");
  const { mvpProblem } = await import("../../src/toolchain/wasm/validate.ts");
  const board = loadBoard("wasm3-esp32");
  const entry = "test/firmware/wasm-empty-task.ts";
  // A speed build for the sim board keeps asc's segments: no merge, and no start snapshot (which lays data out anew).
  const unmerged = (await compileFirmware({ entry, board: loadBoard("sim"), mvp: true, quick: false })).wasm;
  const merged = mergeDataSegments(unmerged);
  assert.ok(merged.length < unmerged.length, `${merged.length} bytes merged, ${unmerged.length} before`);
  assert.is(await mvpProblem(merged), null);
  const { wasm } = await compileFirmware({ entry, board });
  assert.is(await mvpProblem(wasm), null);
  assert.is(mergeDataSegments(wasm), wasm, "compileFirmware already merged everything worth merging");
});

test.run();
