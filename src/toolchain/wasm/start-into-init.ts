/**
 * Runs a firmware's module initialisers at the start of `outpost_init`
 * instead of as the module's start function.
 *
 * A start function runs inside instantiation, before the host holds the
 * instance: if it panics (`new Channel<i32>(0)` at module level) the host
 * cannot read the message out of a memory it has not been given yet, and
 * the panic arrives without words. Moved to the front of `outpost_init`,
 * which every host calls once right after instantiating (boards/ABI.md),
 * the same code runs at the same point of the firmware's life with its
 * memory in reach, and a panic there is reported like any other in init.
 *
 * A byte-level edit: the start section goes, and `call <start>` is
 * inserted after `outpost_init`'s local declarations. Function indices do
 * not change. Size builds usually have no start function left to move
 * (start-snapshot.ts ran it at build time); a module without one, or
 * without an `outpost_init`, comes back as it was.
 */
import { concat, type Section, uLeb, WasmReader } from "../../contract/wasm-binary.ts";

const START = 8;
const IMPORT = 2;
const EXPORT = 7;
const CODE = 10;

export function moveStartIntoInit(wasm: Uint8Array, file: string): Uint8Array {
  const r = new WasmReader(wasm, file);
  const sections = r.sections();
  const start = sections.find((s) => s.id === START);
  const code = sections.find((s) => s.id === CODE);
  if (!start || !code) return wasm;
  r.pos = start.start;
  const startFunction = r.u32();
  const init = exportedFunction(r, sections, "outpost_init");
  if (init === null) return wasm;
  const body = init - importedFunctions(r, sections);

  // Find the body, then the end of its local declarations.
  r.pos = code.start;
  const count = r.u32();
  if (body < 0 || body >= count) return wasm;
  for (let i = 0; i < body; i++) {
    const bytes = r.u32();
    r.pos += bytes;
  }
  const sizeAt = r.pos;
  const size = r.u32();
  const bodyStart = r.pos;
  for (let n = r.u32(); n > 0; n--) {
    r.u32(); // how many
    r.byte(); // of which type
  }
  const insertAt = r.pos;

  const call = [0x10, ...uLeb(startFunction)];
  const newSize = uLeb(size + call.length);
  const codeBytes = code.end - code.start - (bodyStart - sizeAt) + newSize.length + call.length;
  return concat([
    wasm.subarray(0, start.headerStart),
    wasm.subarray(start.end, code.headerStart),
    [CODE, ...uLeb(codeBytes)],
    wasm.subarray(code.start, sizeAt),
    newSize,
    wasm.subarray(bodyStart, insertAt),
    call,
    wasm.subarray(insertAt),
  ]);
}

/** The function index exported as `name`, or null. */
function exportedFunction(r: WasmReader, sections: Section[], name: string): number | null {
  const section = sections.find((s) => s.id === EXPORT);
  if (!section) return null;
  r.pos = section.start;
  return r.exports().find((e) => e.name === name && e.kind === 0)?.index ?? null;
}

/** How many functions the module imports (they come first in the function index space). */
function importedFunctions(r: WasmReader, sections: Section[]): number {
  const section = sections.find((s) => s.id === IMPORT);
  if (!section) return 0;
  r.pos = section.start;
  return r.imports().filter((i) => i.kind === 0).length;
}
