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

interface Segment {
  offset: number;
  bytes: Uint8Array;
}

/** Bytes a segment header costs beyond its data: flags, i32.const, the offset, end, the length. */
function headerBytes(offset: number, length: number): number {
  return 1 + 1 + sLebLength(offset) + 1 + uLebLength(length);
}

export function mergeDataSegments(wasm: Uint8Array): Uint8Array {
  const section = findSection(wasm, 11);
  if (section === null || findSection(wasm, 12) !== null) return wasm; // a data count section (bulk memory) would need rewriting too
  const segments = readSegments(wasm, section.start, section.end);
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
  const head = wasm.subarray(0, section.headerStart);
  const tail = wasm.subarray(section.end);
  const sectionHeader = [11, ...uLeb(body.length)];
  const out = new Uint8Array(head.length + sectionHeader.length + body.length + tail.length);
  out.set(head, 0);
  out.set(sectionHeader, head.length);
  out.set(body, head.length + sectionHeader.length);
  out.set(tail, head.length + sectionHeader.length + body.length);
  return out;
}

/** The section with this id: where its header and its contents start, and where it ends. */
function findSection(wasm: Uint8Array, id: number): { headerStart: number; start: number; end: number } | null {
  let pos = 8;
  while (pos < wasm.length) {
    const headerStart = pos;
    const sectionId = wasm[pos++]!;
    const [size, next] = readULeb(wasm, pos);
    const end = next + size;
    if (sectionId === id) return { headerStart, start: next, end };
    pos = end;
  }
  return null;
}

/** The segments, or null if any is not an active memory-0 segment at an i32.const offset, or they are out of order. */
function readSegments(wasm: Uint8Array, start: number, end: number): Segment[] | null {
  let [count, pos] = readULeb(wasm, start);
  const segments: Segment[] = [];
  let previousEnd = -1;
  for (; count > 0; count--) {
    if (wasm[pos++] !== 0x00 || wasm[pos++] !== 0x41) return null;
    const [offset, afterOffset] = readSLeb(wasm, pos);
    if (wasm[afterOffset] !== 0x0b) return null;
    const [length, data] = readULeb(wasm, afterOffset + 1);
    if (offset < previousEnd) return null;
    segments.push({ offset, bytes: wasm.subarray(data, data + length) });
    previousEnd = offset + length;
    pos = data + length;
  }
  return pos === end ? segments : null;
}

function readULeb(bytes: Uint8Array, pos: number): [number, number] {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[pos++]!;
    result += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return [result, pos];
    shift += 7;
  }
}

function readSLeb(bytes: Uint8Array, pos: number): [number, number] {
  let result = 0;
  let shift = 0;
  let b: number;
  do {
    b = bytes[pos++]!;
    result |= (b & 0x7f) << shift;
    shift += 7;
  } while (b & 0x80);
  return [shift < 32 && b & 0x40 ? result | (-1 << shift) : result, pos];
}

function uLeb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

function sLeb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

function uLebLength(n: number): number {
  return uLeb(n).length;
}

function sLebLength(n: number): number {
  return sLeb(n).length;
}
