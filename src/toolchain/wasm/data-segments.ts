/**
 * Merges a module's data segments where that makes the file smaller.
 *
 * asc emits one active data segment per static item (each string, each
 * `memory.data` byte string) and binaryen splits them further at runs of
 * zeros, so a small firmware carries dozens of segments of a few bytes,
 * each with 6 to 7 bytes of header (flags, an `i32.const` offset, `end`,
 * the length). `mergeDataSegments` joins neighbours when the zeros between
 * them cost less than the header they save: the memory image a host sets
 * up at instantiation is byte for byte the same, only written by fewer
 * segments.
 *
 * It touches only modules whose segments are all active, in memory 0, at
 * `i32.const` offsets, in ascending order and not overlapping (what asc
 * emits; with bulk memory off there are no passive segments), and returns
 * any other module unchanged. Called by compile.ts on size-optimised builds.
 */

import { concat, sLeb, uLeb, WasmReader } from "../../contract/wasm-binary.ts";

interface Segment {
  offset: number;
  bytes: Uint8Array;
}

/** Bytes a segment header costs beyond its data: flags, i32.const, the offset, end, the length. */
function headerBytes(offset: number, length: number): number {
  return 1 + 1 + sLeb(offset).length + 1 + uLeb(length).length;
}

export function mergeDataSegments(wasm: Uint8Array): Uint8Array {
  const r = new WasmReader(wasm, "the build");
  const sections = r.sections();
  const section = sections.find((s) => s.id === 11);
  if (section === undefined || sections.some((s) => s.id === 12)) return wasm; // a data count section (bulk memory) would need rewriting too
  const segments = readSegments(r, section.start, section.end);
  if (segments === null || segments.length < 2) return wasm;
  const merged: Segment[] = [];
  let current = segments[0]!;
  for (const next of segments.slice(1)) {
    const gap = next.offset - (current.offset + current.bytes.length);
    if (gap <= headerBytes(next.offset, next.bytes.length)) {
      const joined = new Uint8Array(next.offset + next.bytes.length - current.offset);
      joined.set(current.bytes, 0);
      joined.set(next.bytes, next.offset - current.offset);
      current = { offset: current.offset, bytes: joined };
    } else {
      merged.push(current);
      current = next;
    }
  }
  merged.push(current);
  if (merged.length === segments.length) return wasm;

  const body: number[] = [...uLeb(merged.length)];
  for (const s of merged) {
    body.push(0x00, 0x41, ...sLeb(s.offset), 0x0b, ...uLeb(s.bytes.length));
    for (const b of s.bytes) body.push(b);
  }
  return concat([wasm.subarray(0, section.headerStart), [11, ...uLeb(body.length)], body, wasm.subarray(section.end)]);
}

/** The segments, or null if any is not an active memory-0 segment at an i32.const offset, or they are out of order. */
function readSegments(r: WasmReader, start: number, end: number): Segment[] | null {
  r.pos = start;
  const segments: Segment[] = [];
  let previousEnd = -1;
  for (let count = r.u32(); count > 0; count--) {
    if (r.byte() !== 0x00 || r.byte() !== 0x41) return null;
    const offset = r.s32();
    if (r.byte() !== 0x0b) return null;
    const length = r.u32();
    if (offset < previousEnd) return null;
    segments.push({ offset, bytes: r.bytes.subarray(r.pos, r.pos + length) });
    previousEnd = offset + length;
    r.pos += length;
  }
  return r.pos === end ? segments : null;
}
