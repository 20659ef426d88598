/**
 * Reading and writing the WebAssembly binary format, as much as Outpost's
 * tools need: a bounds-checked reader (LEB128 numbers, names, limits, the
 * section list) whose errors name the file, and the LEB128 encoders and
 * `concat` for tools that rewrite a section (data-segments.ts,
 * start-into-init.ts). size.ts reads a module's facts with it.
 */
import { OutpostError } from "./errors.ts";

const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

/** True when `bytes` start with the `\0asm` magic and binary version 1. */
export function hasWasmHeader(bytes: Uint8Array): boolean {
  return bytes.length >= HEADER.length && HEADER.every((b, i) => bytes[i] === b);
}

export interface Section {
  id: number;
  /** Where the section's id byte is. */
  headerStart: number;
  /** Where its contents start, and where they end. */
  start: number;
  end: number;
}

/** An entry of the import section; `type` is a function's type index (-1 for other kinds). */
export interface WasmImport {
  module: string;
  name: string;
  /** 0 function, 1 table, 2 memory, 3 global. */
  kind: number;
  type: number;
}

export class WasmReader {
  readonly bytes: Uint8Array;
  readonly file: string;
  pos = 0;
  constructor(
    bytes: Uint8Array,
    file: string,
  ) {
    this.bytes = bytes;
    this.file = file;
  }

  byte(): number {
    if (this.pos >= this.bytes.length) throw this.malformed("it ends early");
    return this.bytes[this.pos++]!;
  }

  u32(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.byte();
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
      shift += 7;
      if (shift > 35) throw this.malformed("a number is too long");
    }
  }

  s32(): number {
    let result = 0;
    let shift = 0;
    let b: number;
    do {
      b = this.byte();
      result |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80 && shift < 35);
    return shift < 32 && b & 0x40 ? result | (-1 << shift) : result;
  }

  name(): string {
    const length = this.u32();
    const text = new TextDecoder().decode(this.bytes.subarray(this.pos, this.pos + length));
    this.pos += length;
    return text;
  }

  limits(): { initialPages: number; maximumPages: number | null } {
    const flags = this.byte();
    const initialPages = this.u32();
    return { initialPages, maximumPages: flags & 1 ? this.u32() : null };
  }

  /** The entries of an import section (the reader at its start). */
  imports(): WasmImport[] {
    const imports: WasmImport[] = [];
    for (let n = this.u32(); n > 0; n--) {
      const module = this.name();
      const name = this.name();
      const kind = this.byte();
      let type = -1;
      if (kind === 0) type = this.u32();
      else if (kind === 1) (this.byte(), this.limits()); // element type, limits
      else if (kind === 2) this.limits();
      else (this.byte(), this.byte()); // value type, mutability
      imports.push({ module, name, kind, type });
    }
    return imports;
  }

  /** The entries of an export section (the reader at its start): name, kind (0 function … 3 global) and index. */
  exports(): { name: string; kind: number; index: number }[] {
    const exports: { name: string; kind: number; index: number }[] = [];
    for (let n = this.u32(); n > 0; n--) exports.push({ name: this.name(), kind: this.byte(), index: this.u32() });
    return exports;
  }

  /** Every section after the 8-byte header, in file order (the caller checked the header). */
  sections(): Section[] {
    const sections: Section[] = [];
    this.pos = HEADER.length;
    while (this.pos < this.bytes.length) {
      const headerStart = this.pos;
      const id = this.byte();
      const size = this.u32();
      const start = this.pos;
      if (start + size > this.bytes.length) throw this.malformed(`section ${id} runs past the end`);
      sections.push({ id, headerStart, start, end: start + size });
      this.pos = start + size;
    }
    return sections;
  }

  malformed(why: string): OutpostError {
    return new OutpostError("NOT_WASM", `${this.file} is not a valid WebAssembly module (${why} at byte ${this.pos}): rebuild it with outpost build`);
  }
}

/** The names `bytes` exports, in file order (`file` names it in errors). */
export function exportNames(bytes: Uint8Array, file: string): string[] {
  const r = new WasmReader(bytes, file);
  if (!hasWasmHeader(bytes)) throw r.malformed("no \\0asm header");
  const section = r.sections().find((s) => s.id === 7);
  if (section === undefined) return [];
  r.pos = section.start;
  return r.exports().map((e) => e.name);
}

/** The parts one after the other: a module spliced from slices of another and new bytes. */
export function concat(parts: ArrayLike<number>[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function uLeb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

export function sLeb(n: number): number[] {
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
