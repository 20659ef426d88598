/**
 * The watchdog of the hosts that run firmware in V8 (the simulator, and
 * `outpost build`/`outpost size` measuring a firmware's init), built into
 * the firmware: a copy of the module
 * with a fuel counter at every loop, so that a call into the firmware that
 * never returns stops after a fixed number of loop iterations, the same
 * number on every machine (virtual time does not move while firmware runs,
 * so a wall-clock budget would make runs differ).
 *
 * `instrument` adds one mutable i32 global, exported as `outpost:fuel`, and
 * at the top of every `loop` body (where each back-edge lands):
 *
 *   fuel < 1 ?  fuel = -1; unreachable      (the cold path: the watchdog fires)
 *   fuel = fuel - 1
 *
 * The host sets the fuel to the budget before each call (sim/abi-host.ts); its
 * initial value is the budget too, for the start function. After a trap,
 * fuel == -1 says the watchdog fired (before firing it is never negative),
 * and it stays -1, so any later loop traps at once until the host refuels.
 * Recursion needs no fuel: it ends in a stack-overflow trap.
 *
 * A start function would run inside instantiation, before the host could
 * tell a watchdog trap from another: the copy has no start section and
 * exports that function as `outpost:start` for the host to call first.
 *
 * The same pass caps linear memory: the memory's maximum becomes at most
 * `maxPages` (never below its initial size), so `memory.grow` past the
 * simulator's limit returns -1, as boards/ABI.md says for every host.
 *
 * It reads every instruction (MVP, sign-extension, saturating conversions,
 * bulk memory, reference types, SIMD, threads, exceptions, tail calls) only
 * to find `loop`s; `instrument` returns null for a module it cannot read,
 * which then runs without the watchdog (the caller says so).
 */
import { grouped } from "./grouped.ts";
import { WasmReader, concat, sLeb, uLeb } from "./wasm-binary.ts";

/** Loop iterations one call into the firmware may run before the watchdog stops it (`outpost sim --watchdog`). */
export const DEFAULT_WATCHDOG = 10_000_000;
/** Linear memory never grows past 16 MiB in V8 hosts: `memory.grow` beyond returns -1 (boards/ABI.md). */
export const MAX_MEMORY_PAGES = 256;

/** The WATCHDOG panic's message for a call (`during`) that ran out of `budget` iterations. */
export function watchdogMessage(during: string, budget: number): string {
  return (
    `${during} did not return within the watchdog's budget of ${grouped(budget)} loop iterations: ` +
    `a loop that never ends, or one that should wait (await) instead (outpost sim --watchdog sets the budget)`
  );
}

export const FUEL_EXPORT = "outpost:fuel";
/** The module's start function, exported instead of started: the host calls it with fuel, after instantiating. */
export const START_EXPORT = "outpost:start";

/** Section order of the binary format (the custom section, 0, may sit anywhere). */
const ORDER: Record<number, number> = { 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 13: 6, 6: 7, 7: 8, 8: 9, 9: 10, 12: 11, 10: 12, 11: 13 };
const GLOBAL_SECTION = 6;

export function instrument(bytes: Uint8Array, budget: number, maxPages: number): Uint8Array | null {
  try {
    return rewrite(bytes, budget, maxPages);
  } catch {
    return null;
  }
}

function rewrite(bytes: Uint8Array, budget: number, maxPages: number): Uint8Array {
  const r = new WasmReader(bytes, "firmware");
  const sections = r.sections();
  let importedGlobals = 0;
  let definedGlobals = 0;
  let start = -1;
  for (const s of sections) {
    r.pos = s.start;
    if (s.id === 2) importedGlobals = r.imports().filter((i) => i.kind === 3).length;
    if (s.id === GLOBAL_SECTION) definedGlobals = r.u32();
    if (s.id === 8) start = r.u32();
  }
  const fuel = importedGlobals + definedGlobals;
  const exports: [string, number, number][] = [[FUEL_EXPORT, 0x03, fuel]];
  if (start >= 0) exports.push([START_EXPORT, 0x00, start]);
  const newGlobal = [0x7f, 0x01, 0x41, ...sLeb(budget), 0x0b];
  const parts: ArrayLike<number>[] = [bytes.subarray(0, 8)];
  let globalsWritten = false;
  const section = (id: number, body: ArrayLike<number>): void => void parts.push([id, ...uLeb(body.length)], body);
  for (const s of sections) {
    const body = bytes.subarray(s.start, s.end);
    if (!globalsWritten && s.id !== 0 && ORDER[s.id]! > ORDER[GLOBAL_SECTION]!) {
      section(GLOBAL_SECTION, concat([uLeb(1), newGlobal]));
      globalsWritten = true;
    }
    r.pos = s.start;
    if (s.id === GLOBAL_SECTION) {
      r.u32();
      section(s.id, concat([uLeb(definedGlobals + 1), bytes.subarray(r.pos, s.end), newGlobal]));
      globalsWritten = true;
    } else if (s.id === 5) section(s.id, cappedMemories(r, s.end, maxPages));
    else if (s.id === 7) section(s.id, withExports(r, s.end, exports));
    else if (s.id === 8) continue;
    else if (s.id === 10) section(s.id, fuelledCode(r, s.end, fuel));
    else parts.push(bytes.subarray(s.headerStart, s.end));
  }
  return concat(parts);
}

function cappedMemories(r: WasmReader, end: number, maxPages: number): Uint8Array {
  const out: number[] = [];
  const count = r.u32();
  out.push(...uLeb(count));
  for (let i = 0; i < count; i++) {
    const flags = r.byte();
    if (flags > 1) throw new Error("shared or 64-bit memory"); // left alone: null, no watchdog
    const initial = r.u32();
    const declared = flags === 1 ? r.u32() : Infinity;
    out.push(0x01, ...uLeb(initial), ...uLeb(Math.min(declared, Math.max(initial, maxPages))));
  }
  if (r.pos !== end) throw new Error("memory section");
  return Uint8Array.from(out);
}

/** The export section with `added` ([name, kind, index]) after the module's own. */
function withExports(r: WasmReader, end: number, added: [string, number, number][]): Uint8Array {
  const count = r.u32();
  const entries = added.map(([name, kind, index]) => {
    const text = new TextEncoder().encode(name);
    return concat([uLeb(text.length), text, [kind, ...uLeb(index)]]);
  });
  return concat([uLeb(count + added.length), r.bytes.subarray(r.pos, end), ...entries]);
}

function fuelledCode(r: WasmReader, end: number, fuel: number): Uint8Array {
  const g = uLeb(fuel);
  // The check at the top of each loop body (see the file comment).
  const check = [0x23, ...g, 0x41, 0x01, 0x48, 0x04, 0x40, 0x41, 0x7f, 0x24, ...g, 0x00, 0x0b, 0x23, ...g, 0x41, 0x01, 0x6b, 0x24, ...g];
  const parts: ArrayLike<number>[] = [];
  const count = r.u32();
  parts.push(uLeb(count));
  for (let f = 0; f < count; f++) {
    const size = r.u32();
    const bodyEnd = r.pos + size;
    const start = r.pos;
    for (let n = r.u32(); n > 0; n--) (r.u32(), r.byte()); // local declarations
    const body: ArrayLike<number>[] = [r.bytes.subarray(start, r.pos)];
    let copied = r.pos;
    while (r.pos < bodyEnd) {
      if (r.bytes[r.pos] === 0x03) {
        r.pos++;
        blockType(r);
        body.push(r.bytes.subarray(copied, r.pos), check);
        copied = r.pos;
      } else instruction(r);
    }
    if (r.pos !== bodyEnd) throw new Error("function body");
    body.push(r.bytes.subarray(copied, bodyEnd));
    const rewritten = concat(body);
    parts.push(uLeb(rewritten.length), rewritten);
  }
  if (r.pos !== end) throw new Error("code section");
  return concat(parts);
}

function blockType(r: WasmReader): void {
  const b = r.bytes[r.pos]!;
  if (b === 0x40 || (b >= 0x6f && b <= 0x7f)) r.pos++;
  else r.s32(); // a type index (s33; the module was validated, so it fits)
}

function memarg(r: WasmReader): void {
  const align = r.u32();
  if (align & 0x40) r.u32(); // multi-memory: a memory index follows
  r.u32();
}

/** Skips one instruction other than `loop`, immediates included. */
function instruction(r: WasmReader): void {
  const op = r.byte();
  if (op === 0x02 || op === 0x04 || op === 0x06) return blockType(r); // block, if, try
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
