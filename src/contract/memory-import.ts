/**
 * A copy of a module whose memory is handed in by the host instead of
 * defined by the module: the one memory the module defines becomes an
 * import (`outpost:sim`.`memory`, same limits, same index 0, still
 * exported as the module exported it). The simulator (sim/memory-pool.ts)
 * then gives a run the zeroed memory of a finished one instead of a new
 * memory per instance — V8 reserves and later unmaps gigabytes of address
 * space for each new memory, which costs a fuzz seed more than the rest of
 * instantiating, and whose unmapping interrupts the process's other
 * threads. Instantiating writes the data segments again, so a zeroed memory
 * of the initial size starts each run exactly as a new one.
 *
 * `importMemory` returns null for a module with no memory of its own, with
 * several, with a shared one, or with one it imports already: the caller
 * then instantiates the module as it is.
 */
import { WasmReader, concat, uLeb } from "./wasm-binary.ts";

export const MEMORY_MODULE = "outpost:sim";
export const MEMORY_NAME = "memory";

export interface ImportedMemory {
  bytes: Uint8Array;
  /** The memory's limits, in 64 KiB pages (`maximum` null: none declared). */
  initial: number;
  maximum: number | null;
}

export function importMemory(bytes: Uint8Array): ImportedMemory | null {
  try {
    return rewrite(bytes);
  } catch {
    return null;
  }
}

function rewrite(bytes: Uint8Array): ImportedMemory | null {
  const r = new WasmReader(bytes, "firmware");
  const sections = r.sections();
  const memories = sections.find((s) => s.id === 5);
  if (memories === undefined) return null;
  r.pos = memories.start;
  if (r.u32() !== 1) return null;
  const limitsStart = r.pos;
  const flags = r.bytes[r.pos]!;
  const { initialPages, maximumPages } = r.limits();
  if (flags > 1 || r.pos !== memories.end) return null; // shared or 64-bit: left alone
  const entry = concat([uLeb(MEMORY_MODULE.length), new TextEncoder().encode(MEMORY_MODULE), uLeb(MEMORY_NAME.length), new TextEncoder().encode(MEMORY_NAME), [0x02], bytes.subarray(limitsStart, memories.end)]);
  const imports = sections.find((s) => s.id === 2);
  let importSection: Uint8Array;
  if (imports) {
    r.pos = imports.start;
    const list = r.imports();
    // An imported memory would hold index 0 already (the ABI allows none): nothing is changed.
    if (r.pos !== imports.end || list.some((i) => i.kind === 2)) return null;
    r.pos = imports.start;
    r.u32();
    importSection = concat([uLeb(list.length + 1), bytes.subarray(r.pos, imports.end), entry]);
  } else importSection = concat([uLeb(1), entry]);
  const parts: ArrayLike<number>[] = [bytes.subarray(0, 8)];
  const section = (body: Uint8Array): void => void parts.push([0x02, ...uLeb(body.length)], body);
  let written = false;
  for (const s of sections) {
    if (!written && s.id !== 0 && s.id !== 1) (section(importSection), (written = true)); // after the types, before the functions
    if (s.id === 2 || s.id === 5) continue;
    parts.push(bytes.subarray(s.headerStart, s.end));
  }
  if (!written) section(importSection);
  return { bytes: concat(parts), initial: initialPages, maximum: maximumPages };
}
