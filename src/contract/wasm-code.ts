/**
 * Walking WebAssembly function bodies one instruction at a time, for the
 * tools that rewrite code (fuel.ts, fuel-code.ts): `instruction` skips one
 * instruction with its immediates, `blockType` a block's type. They read
 * MVP, sign-extension, saturating conversions, bulk memory, reference
 * types, SIMD, threads, exceptions and tail calls, and throw on an opcode
 * they do not know, so a caller never rewrites code it misread.
 */
import type { WasmReader } from "./wasm-binary.ts";

/** Skips a block type; true when it is a type index (which may give the block parameters). */
export function blockType(r: WasmReader): boolean {
  const b = r.bytes[r.pos]!;
  if (b === 0x40 || (b >= 0x6f && b <= 0x7f)) {
    r.pos++;
    return false;
  }
  r.s32(); // a type index (s33; the module was validated, so it fits)
  return true;
}

function memarg(r: WasmReader): void {
  const align = r.u32();
  if (align & 0x40) r.u32(); // multi-memory: a memory index follows
  r.u32();
}

/** Skips one instruction other than `loop`, immediates included. */
export function instruction(r: WasmReader): void {
  const op = r.byte();
  if (op === 0x02 || op === 0x04 || op === 0x06) return void blockType(r); // block, if, try
  if ((op >= 0x0c && op <= 0x0d) || op === 0x10 || op === 0x12 || (op >= 0x20 && op <= 0x26) || op === 0xd2) return void r.u32();
  if (op === 0x07 || op === 0x08 || op === 0x09 || op === 0x18) return void r.u32(); // catch, throw, rethrow, delegate
  if (op === 0x0e) {
    for (let n = r.u32(); n >= 0; n--) r.u32(); // the labels, then the default
    return;
  }
  if (op === 0x11 || op === 0x13) return void (r.u32(), r.u32()); // call_indirect: type, table
  if (op === 0x1c) {
    for (let n = r.u32(); n > 0; n--) r.byte();
    return;
  }
  if (op >= 0x28 && op <= 0x3e) return memarg(r);
  if (op === 0x3f || op === 0x40) return void r.u32();
  if (op === 0x41) return void r.s32();
  if (op === 0x42) return skipLeb(r);
  if (op === 0x43) return void (r.pos += 4);
  if (op === 0x44) return void (r.pos += 8);
  if (op === 0xd0) return void r.byte();
  if (op === 0xfc) return prefixedFc(r, r.u32());
  if (op === 0xfd) return prefixedFd(r, r.u32());
  if (op === 0xfe) {
    if (r.u32() === 0x03) r.byte(); // atomic.fence
    else memarg(r);
    return;
  }
  if (op <= 0x01 || op === 0x05 || op === 0x0b || op === 0x0f || op === 0x19 || op === 0x1a || op === 0x1b || (op >= 0x45 && op <= 0xc4) || op === 0xd1) return;
  throw new Error(`opcode 0x${op.toString(16)}`);
}

function skipLeb(r: WasmReader): void {
  while (r.byte() & 0x80);
}

function prefixedFc(r: WasmReader, sub: number): void {
  if (sub <= 7) return; // saturating conversions
  const immediates: Record<number, number> = { 8: 2, 9: 1, 10: 2, 11: 1, 12: 2, 13: 1, 14: 2, 15: 1, 16: 1, 17: 1 };
  const n = immediates[sub];
  if (n === undefined) throw new Error(`opcode 0xfc ${sub}`);
  for (let i = 0; i < n; i++) r.u32();
}

function prefixedFd(r: WasmReader, sub: number): void {
  if (sub <= 11 || sub === 92 || sub === 93) return memarg(r); // loads and stores
  if (sub === 12 || sub === 13) return void (r.pos += 16); // v128.const, i8x16.shuffle
  if (sub >= 21 && sub <= 34) return void r.byte(); // extract and replace lane
  if (sub >= 84 && sub <= 91) return void (memarg(r), r.byte()); // load and store lane
}

/** Skips a constant expression (a global's initializer, a segment's offset or element) through its `end`; true when it takes the reference of a function below `below` (`ref.func`). */
export function constantRefersBelow(r: WasmReader, below: number): boolean {
  let refers = false;
  for (;;) {
    const op = r.bytes[r.pos]!;
    if (op === 0xd2) {
      r.pos++;
      refers ||= r.u32() < below;
      continue;
    }
    instruction(r);
    if (op === 0x0b) return refers;
  }
}
