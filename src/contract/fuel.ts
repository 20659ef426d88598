/**
 * The watchdog of the hosts that run firmware in V8 (the simulator, and
 * `outpost build`/`outpost size` measuring a firmware's init), built into
 * the firmware: a copy of the module that counts every jump back to a
 * loop, so that a call into the firmware that never returns stops after a
 * fixed number of loop iterations, the same number on every machine
 * (virtual time does not move while firmware runs, so a wall-clock budget
 * would make runs differ).
 *
 * The fuel is threaded through the module's own functions: each takes it
 * as one more, last, i32 parameter and returns what is left as one more,
 * last, result (fuel-code.ts rewrites the bodies; the types get fuelled
 * twins), so the counter lives in a local — a register — and a jump back
 * costs a decrement and a compare, not a global's load and store:
 *
 *   fuel = fuel - 1
 *   fuel < 0 ?  $fired = -1; unreachable     (the cold path: the watchdog fires)
 *
 * before a `br` to a loop, inside `if … br … end` for a `br_if` (counted
 * only when it jumps), before a `br_table` with a loop among its targets.
 * A loop whose block type is a type index may have parameters, which a
 * branch carries: it gets the check at the top of its body instead. Any
 * code that runs for ever without recursing must jump back to a loop for
 * ever, so the budget catches it; counting back-edges rather than loop
 * entries leaves alone the loops an async firmware spends its time in
 * (`while (true) { … return … }` polls that leave in their first pass).
 * The executor's ping-pong, which jumps back 4 times a round trip, runs
 * 1.00× as long as without the watchdog (quartiles 0.96–1.06;
 * bench/watchdog.bench.ts, docs/reliability.md); the counter in a global,
 * as before, cost 1.07–1.09×.
 *
 * Every exported function of the module, and the start function, is
 * exported as a wrapper of the original type that calls it with the whole
 * budget and drops what is left, so each call from the host gets the whole
 * budget and calls inside the firmware share it. Calls to imports pass no
 * fuel (the host never calls back into the firmware). The one added global,
 * exported as `outpost:fuel`, is 0 until the watchdog fires and -1 after,
 * so the host tells the watchdog's trap from others: a budget of N lets
 * loops jump back N times and stops the next jump. Recursion needs no
 * fuel: it ends in a stack-overflow trap.
 *
 * A start function would run inside instantiation, before the host could
 * tell a watchdog trap from another: the copy has no start section and
 * exports that function's wrapper as `outpost:start` for the host to call
 * first.
 *
 * The same pass caps linear memory: the memory's maximum becomes at most
 * `maxPages` (never below its initial size), so `memory.grow` past the
 * simulator's limit returns -1, as boards/ABI.md says for every host.
 *
 * `instrument` returns null for a module it cannot rewrite — one using an
 * instruction wasm-code.ts cannot read, exception handling, GC types, or a
 * reference to an imported function (a table holding the host's function
 * would be called with the fuelled type) — which then runs without the
 * watchdog (the caller says so).
 */
import { grouped } from "./grouped.ts";
import { readShape } from "./abi-contract.ts";
import { type FuelFrame, fuelledBody } from "./fuel-code.ts";
import { WasmReader, concat, sLeb, uLeb } from "./wasm-binary.ts";
import { constantRefersBelow } from "./wasm-code.ts";

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

/** The global that reads -1 once the watchdog fired (0 before). */
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
  const imported = shape.imports.filter((i) => i.kind === 0).length;
  let importedGlobals = 0;
  let definedGlobals = 0;
  let start = -1;
  for (const s of sections) {
    r.pos = s.start;
    if (s.id === 2) importedGlobals = r.imports().filter((i) => i.kind === 3).length;
    if (s.id === GLOBAL_SECTION) definedGlobals = r.u32();
    if (s.id === 8) start = r.u32();
  }
  const types = typeTable(bytes, sections, shape.functions.slice(imported));
  const frame: FuelFrame = { imported, twin: (t) => types.twin(t), fired: importedGlobals + definedGlobals };
  // Every exported function of the module (and the start function) is called through a wrapper that hands it the budget, appended after the module's functions.
  const wrapped = shape.exports.filter((e) => e.kind === 0 && e.index >= imported).map((e) => e.index);
  if (start >= imported) wrapped.push(start);
  else if (start >= 0) throw new Error("an imported start function");
  const targets = [...new Set(wrapped)];
  const wrapperOf = new Map(targets.map((f, i) => [f, shape.functions.length + i]));
  const exports: [string, number, number][] = [[FUEL_EXPORT, 0x03, frame.fired]];
  if (start >= 0) exports.push([START_EXPORT, 0x00, wrapperOf.get(start)!]);
  const newGlobal = [0x7f, 0x01, 0x41, 0x00, 0x0b];
  const parts: ArrayLike<number>[] = [bytes.subarray(0, 8)];
  let globalsWritten = false;
  let codeWritten = false;
  const section = (id: number, body: ArrayLike<number>): void => void parts.push([id, ...uLeb(body.length)], body);
  for (const s of sections) {
    const body = bytes.subarray(s.start, s.end);
    if (!globalsWritten && s.id !== 0 && ORDER[s.id]! > ORDER[GLOBAL_SECTION]!) {
      section(GLOBAL_SECTION, concat([uLeb(1), newGlobal]));
      globalsWritten = true;
    }
    r.pos = s.start;
    if (s.id === 1) section(s.id, types.section());
    else if (s.id === GLOBAL_SECTION) {
      r.u32();
      const entries = r.pos;
      if (refersToImport(r, s.end, definedGlobals, imported, globalType)) throw new Error("a global holds an imported function");
      section(s.id, concat([uLeb(definedGlobals + 1), bytes.subarray(entries, s.end), newGlobal]));
      globalsWritten = true;
    } else if (s.id === 3) {
      const defined = shape.functions.slice(imported).map((t) => uLeb(types.twin(t)));
      section(s.id, concat([uLeb(defined.length + targets.length), ...defined, ...targets.map((f) => uLeb(shape.functions[f]!))]));
    } else if (s.id === 5) section(s.id, cappedMemories(r, s.end, maxPages));
    else if (s.id === 7) section(s.id, withExports(r, s.end, wrapperOf, exports));
    else if (s.id === 8) continue;
    else if (s.id === 9) {
      if (refersToImport(r, s.end, r.u32(), imported, elementSegment)) throw new Error("a table holds an imported function");
      parts.push(bytes.subarray(s.headerStart, s.end));
    } else if (s.id === 10) {
      const count = r.u32();
      const bodies: ArrayLike<number>[] = [uLeb(count + targets.length)];
      for (let f = imported; f < imported + count; f++) {
        const type = shape.types[shape.functions[f]!];
        if (type === undefined) throw new Error("a function body without a declaration");
        bodies.push(fuelledBody(r, type.params.length, types.resultsBlock(shape.functions[f]!), frame));
      }
      if (r.pos !== s.end) throw new Error("code section");
      const budgetBytes = [0x41, ...sLeb(budget)];
      for (const f of targets) bodies.push(wrapper(f, shape.types[shape.functions[f]!]!.params.length, budgetBytes));
      section(s.id, concat(bodies));
      codeWritten = true;
    } else parts.push(bytes.subarray(s.headerStart, s.end));
  }
  if (!codeWritten && shape.functions.length > imported) throw new Error("functions without a code section");
  return concat(parts);
}

/**
 * The module's function types, each followed (appended to the type section) by its fuelled twin — the
 * same with one more i32 parameter and one more i32 result — and by the block types (no parameters,
 * several results) of the functions that return more than one value.
 */
function typeTable(bytes: Uint8Array, sections: { id: number; start: number; end: number }[], defined: number[]) {
  const r = new WasmReader(bytes, "firmware");
  const own: { params: number[]; results: number[] }[] = [];
  const found = sections.find((s) => s.id === 1);
  if (found) {
    r.pos = found.start;
    const valueTypes = (): number[] => Array.from({ length: r.u32() }, () => valueType(r.byte()));
    for (let n = r.u32(); n > 0; n--) {
      if (r.byte() !== 0x60) throw new Error("a type that is not a function type");
      own.push({ params: valueTypes(), results: valueTypes() });
    }
    if (r.pos !== found.end) throw new Error("type section");
  }
  const added: number[][] = own.map((t) => [0x60, ...uLeb(t.params.length + 1), ...t.params, 0x7f, ...uLeb(t.results.length + 1), ...t.results, 0x7f]);
  const blocks = new Map<string, number>();
  for (const t of defined) {
    const results = own[t]?.results ?? [];
    const key = results.join(",");
    if (results.length > 1 && !blocks.has(key)) (blocks.set(key, own.length + added.length), added.push([0x60, 0x00, ...uLeb(results.length), ...results]));
  }
  return {
    twin: (t: number): number => {
      if (t >= own.length) throw new Error("an unknown type");
      return own.length + t;
    },
    resultsBlock(t: number): number[] {
      const results = own[t]!.results;
      if (results.length <= 1) return results.length === 0 ? [0x40] : results;
      return sLeb(blocks.get(results.join(","))!);
    },
    section(): Uint8Array {
      const entries = [...own.map((t) => [0x60, ...uLeb(t.params.length), ...t.params, ...uLeb(t.results.length), ...t.results]), ...added];
      return concat([uLeb(entries.length), ...entries]);
    },
  };
}

/** A value type's byte (numbers, vectors, funcref, externref); anything else (GC types) is not read. */
function valueType(b: number): number {
  if ((b >= 0x7b && b <= 0x7f) || b === 0x70 || b === 0x6f) return b;
  throw new Error(`value type 0x${b.toString(16)}`);
}

/** True when one of `count` entries (each read by `entry`) refers to a function below `imported`. */
function refersToImport(r: WasmReader, end: number, count: number, imported: number, entry: (r: WasmReader, imported: number) => boolean): boolean {
  let refers = false;
  for (let n = count; n > 0; n--) refers = entry(r, imported) || refers;
  if (r.pos !== end) throw new Error("segment section");
  return refers;
}

function globalType(r: WasmReader, imported: number): boolean {
  valueType(r.byte());
  r.byte(); // mutability
  return constantRefersBelow(r, imported);
}

/** One element segment (all eight encodings): whether it lists an imported function. */
function elementSegment(r: WasmReader, imported: number): boolean {
  const flags = r.u32();
  if (flags > 7) throw new Error("element segment");
  let refers = false;
  if ((flags & 1) === 0) {
    if (flags & 2) r.u32(); // the table
    constantRefersBelow(r, 0); // the offset
  }
  if (flags & 3) r.byte(); // element kind or reference type
  for (let n = r.u32(); n > 0; n--) refers = ((flags & 4) !== 0 ? constantRefersBelow(r, imported) : r.u32() < imported) || refers;
  return refers;
}

/** The body of a function that calls `target` with its own `params` arguments and the budget (`budget`: an i32.const), dropping the fuel it hands back. */
function wrapper(target: number, params: number, budget: number[]): Uint8Array {
  const code = [0x00];
  for (let i = 0; i < params; i++) code.push(0x20, ...uLeb(i));
  code.push(...budget, 0x10, ...uLeb(target), 0x1a, 0x0b);
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
