/**
 * The watchdog of the hosts that run firmware in V8 (the simulator, and
 * `outpost build`/`outpost size` measuring a firmware's init), built into
 * the firmware: a copy of the module with a fuel counter on every jump back
 * to a loop, so that a call into the firmware that never returns stops
 * after a fixed number of loop iterations, the same
 * number on every machine (virtual time does not move while firmware runs,
 * so a wall-clock budget would make runs differ).
 *
 * `instrument` adds one mutable i32 global, exported as `outpost:fuel`, a
 * scratch i32 local to each function it changes, and a check on every
 * back-edge: every branch that jumps back to the start of a `loop`.
 *
 *   t = fuel - 1; fuel = t
 *   t < 0 ?  unreachable                     (the cold path: the watchdog fires)
 *
 * before a `br` to a loop, inside `if … br … end` for a `br_if` (counted
 * only when it jumps), before a `br_table` with a loop among its targets.
 * A loop whose block type is a type index may have parameters, which a
 * branch carries: it gets the check at the top of its body instead. Any
 * code that runs for ever without recursing must jump back to a loop for
 * ever, so the budget catches it; counting back-edges rather than loop
 * entries leaves alone the loops an async firmware spends its time in
 * (`while (true) { … return … }` polls that leave in their first pass);
 * the executor's ping-pong, which jumps back 4 times a round trip, runs
 * 1.07 to 1.09× as long (bench/watchdog.bench.ts, docs/reliability.md).
 *
 * Every exported function, and the start function, is called through a
 * wrapper that first sets the fuel to the budget, so each call from the
 * host gets the whole budget (calls inside the firmware do not refuel),
 * without the host writing the global (a WebAssembly.Global write from
 * JavaScript costs as much as a whole poll). After a trap,
 * fuel == -1 says the watchdog fired (before firing it is never negative):
 * a budget of N lets loops jump back N times and stops the next jump.
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
 * to find `loop`s and the branches to them; `instrument` returns null for a module it cannot read,
 * which then runs without the watchdog (the caller says so).
 */
import { grouped } from "./grouped.ts";
import { type ModuleShape, readShape } from "./abi-contract.ts";
import { WasmReader, concat, sLeb, uLeb } from "./wasm-binary.ts";

/** Loop iterations (jumps back to a loop) one call into the firmware may run before the watchdog stops it (`outpost sim --watchdog`). */
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
  const shape = readShape(bytes, "firmware");
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
  // Every exported function (and the start function) is called through a refuelling wrapper, appended after the module's functions.
  const wrapped = shape.exports.filter((e) => e.kind === 0).map((e) => e.index);
  if (start >= 0) wrapped.push(start);
  const targets = [...new Set(wrapped)];
  const wrapperOf = new Map(targets.map((f, i) => [f, shape.functions.length + i]));
  const exports: [string, number, number][] = [[FUEL_EXPORT, 0x03, fuel]];
  if (start >= 0) exports.push([START_EXPORT, 0x00, wrapperOf.get(start)!]);
  const newGlobal = [0x7f, 0x01, 0x41, ...sLeb(budget), 0x0b];
  const parts: ArrayLike<number>[] = [bytes.subarray(0, 8)];
  let globalsWritten = false;
  let wrappersWritten = 0;
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
    } else if (s.id === 3) {
      section(s.id, concat([uLeb(r.u32() + targets.length), bytes.subarray(r.pos, s.end), ...targets.map((f) => uLeb(shape.functions[f]!))]));
      wrappersWritten++;
    } else if (s.id === 5) section(s.id, cappedMemories(r, s.end, maxPages));
    else if (s.id === 7) section(s.id, withExports(r, s.end, wrapperOf, exports));
    else if (s.id === 8) continue;
    else if (s.id === 10) {
      const refuel = [0x41, ...sLeb(budget), 0x24, ...uLeb(fuel)];
      const wrappers = targets.map((f) => refuelling(f, shape.types[shape.functions[f]!]!.params.length, refuel));
      section(s.id, fuelledCode(r, s.end, fuel, parameterCounts(shape), wrappers));
      wrappersWritten++;
    } else parts.push(bytes.subarray(s.headerStart, s.end));
  }
  if (targets.length > 0 && wrappersWritten !== 2) throw new Error("exported functions without function and code sections");
  return concat(parts);
}

/** The body of a function that sets the fuel to the budget (`refuel`) and calls `target` with its own `params` arguments. */
function refuelling(target: number, params: number, refuel: number[]): Uint8Array {
  const code = [0x00, ...refuel];
  for (let i = 0; i < params; i++) code.push(0x20, ...uLeb(i));
  code.push(0x10, ...uLeb(target), 0x0b);
  return concat([uLeb(code.length), code]);
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

/** The export section with each function export moved to its wrapper (`wrapperOf`), then `added` ([name, kind, index]). */
function withExports(r: WasmReader, end: number, wrapperOf: Map<number, number>, added: [string, number, number][]): Uint8Array {
  const own = r.exports().map((e): [string, number, number] => [e.name, e.kind, e.kind === 0 ? wrapperOf.get(e.index)! : e.index]);
  if (r.pos !== end) throw new Error("export section");
  const entries = [...own, ...added].map(([name, kind, index]) => {
    const text = new TextEncoder().encode(name);
    return concat([uLeb(text.length), text, [kind, ...uLeb(index)]]);
  });
  return concat([uLeb(entries.length), ...entries]);
}

/** The number of parameters of each function the module defines (not imports), in order. */
function parameterCounts(shape: ModuleShape): number[] {
  const imported = shape.imports.filter((i) => i.kind === 0).length;
  return shape.functions.slice(imported).map((type) => shape.types[type]!.params.length);
}

/** What a branch to a label means for the fuel: no loop, a loop counted at its back-edges, a typed loop counted on entry. */
const OTHER = 0;
const EDGES = 1;
const ENTRY = 2;

function fuelledCode(r: WasmReader, end: number, fuel: number, params: number[], appended: Uint8Array[]): Uint8Array {
  const g = uLeb(fuel);
  const parts: ArrayLike<number>[] = [];
  const count = r.u32();
  parts.push(uLeb(count + appended.length));
  for (let f = 0; f < count; f++) {
    const size = r.u32();
    const bodyStart = r.pos;
    const bodyEnd = bodyStart + size;
    const groups = r.u32();
    const declarations = r.pos;
    let locals = 0;
    for (let n = groups; n > 0; n--) (locals += r.u32(), r.byte()); // local declarations
    const code = r.pos;
    // The check (see the file comment); t is the function's new last local.
    if (params[f] === undefined) throw new Error("a function body without a declaration");
    const t = uLeb(params[f] + locals);
    const check = [0x23, ...g, 0x41, 0x01, 0x6b, 0x22, ...t, 0x24, ...g, 0x20, ...t, 0x41, 0x00, 0x48, 0x04, 0x40, 0x00, 0x0b];
    const body: ArrayLike<number>[] = [];
    let copied = code;
    const labels: number[] = [OTHER]; // the function body's own block
    const target = (depth: number): number => labels[labels.length - 1 - depth] ?? OTHER;
    while (r.pos < bodyEnd) {
      const at = r.pos;
      const op = r.bytes[at]!;
      if (op === 0x03) {
        // A loop whose type is a type index may take parameters, which a branch carries: it is counted on entry.
        r.pos++;
        const typed = blockType(r);
        labels.push(typed ? ENTRY : EDGES);
        if (typed) body.push(r.bytes.subarray(copied, r.pos), check), (copied = r.pos);
      } else if (op === 0x02 || op === 0x04 || op === 0x06) {
        r.pos++;
        blockType(r);
        labels.push(OTHER);
      } else if (op === 0x0b || op === 0x18) {
        instruction(r); // end, or delegate (which ends its try)
        labels.pop();
      } else if (op === 0x0c || op === 0x0d) {
        r.pos++;
        const depth = r.u32();
        if (target(depth) !== EDGES) continue;
        // br: count, then jump back. br_if: count only when it jumps (`if … br … end` adds a label).
        const jump = op === 0x0c ? [...check, 0x0c, ...uLeb(depth)] : [0x04, 0x40, ...check, 0x0c, ...uLeb(depth + 1), 0x0b];
        body.push(r.bytes.subarray(copied, at), jump);
        copied = r.pos;
      } else if (op === 0x0e) {
        r.pos++;
        let back = false;
        for (let n = r.u32(); n >= 0; n--) back ||= target(r.u32()) === EDGES; // the labels, then the default
        if (back) body.push(r.bytes.subarray(copied, at), check), (copied = at);
      } else instruction(r);
    }
    if (r.pos !== bodyEnd || labels.length !== 0) throw new Error("function body");
    body.push(r.bytes.subarray(copied, bodyEnd));
    // A function with a check declares one more local group: the scratch i32.
    const rewritten =
      body.length === 1 ? r.bytes.subarray(bodyStart, bodyEnd) : concat([uLeb(groups + 1), r.bytes.subarray(declarations, code), [0x01, 0x7f], ...body]);
    parts.push(uLeb(rewritten.length), rewritten);
  }
  if (r.pos !== end) throw new Error("code section");
  return concat([...parts, ...appended]);
}

/** Skips a block type; true when it is a type index (which may give the block parameters). */
function blockType(r: WasmReader): boolean {
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
function instruction(r: WasmReader): void {
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
