/**
 * The compiled form of a firmware, prepared once per content: checked
 * (valid Wasm, then boards/ABI.md's contract), instrumented with the
 * watchdog (src/contract/fuel.ts) and compiled. `Firmware.load` (abi-host.ts)
 * asks here, so a process that loads the same firmware many times — `outpost
 * fuzz` runs a fresh simulator per seed, thousands a second — compiles it
 * once instead of twice per load (compiling was 80% of a seed's time).
 *
 * Invariants: an entry is the bytes it was made from (a private copy,
 * compared in full on every hit: a caller may reuse and change its buffer)
 * and the watchdog budget it was instrumented with. Only successes are
 * kept; a refused module is checked again at every load, so its message
 * names the file it was loaded as. At most `KEPT` entries, the most
 * recently used: fuzzing thousands of mutated modules keeps memory flat.
 *
 * The compiled module imports its memory where it can
 * (src/contract/memory-import.ts), and the entry keeps a pool of memories
 * (memory-pool.ts) that released simulators hand back to the next load.
 */
import { OutpostError } from "../src/contract/errors.ts";
import { abiContractProblem } from "../src/contract/abi-contract.ts";
import { MAX_MEMORY_PAGES, instrument } from "../src/contract/fuel.ts";
import { type WasmModule, wasm } from "../src/contract/wasm-api.ts";
import { hasWasmHeader } from "../src/contract/wasm-binary.ts";
import { importMemory } from "../src/contract/memory-import.ts";
import { MemoryPool } from "./memory-pool.ts";

export interface PreparedModule {
  /** What to instantiate: the instrumented module, or the original one without a watchdog. */
  module: WasmModule;
  /** The watchdog was asked for but fuel.ts cannot rewrite the module (exception handling, a table holding an import, instructions it cannot read): it runs without one. */
  unguarded: boolean;
  /** Where its memory comes from (memory-import.ts), or null: the module defines its own. */
  memory: MemoryPool | null;
}

interface Entry {
  bytes: Uint8Array;
  watchdog: number;
  prepared: Promise<PreparedModule>;
}

const KEPT = 4;
const entries = new Map<string, Entry>();

/**
 * The module to instantiate for `bytes` under a watchdog budget of `watchdog` (0: none);
 * OutpostError (NOT_WASM, NOT_OUTPOST_FIRMWARE) naming `name` for anything that is not ABI v1 firmware.
 */
export function prepareModule(bytes: Uint8Array, name: string, watchdog: number): Promise<PreparedModule> {
  const key = `${watchdog}:${bytes.length}:${digest(bytes)}`;
  const hit = entries.get(key);
  if (hit && sameBytes(hit.bytes, bytes)) {
    entries.delete(key); // most recently used last
    entries.set(key, hit);
    return hit.prepared;
  }
  const copy = bytes.slice();
  const prepared = prepare(copy, name, watchdog);
  const entry: Entry = { bytes: copy, watchdog, prepared };
  entries.set(key, entry);
  while (entries.size > KEPT) entries.delete(entries.keys().next().value!);
  // A refusal is not kept: the next load checks again and names its own file.
  prepared.catch(() => entries.get(key) === entry && entries.delete(key));
  return prepared;
}

async function prepare(bytes: Uint8Array, name: string, watchdog: number): Promise<PreparedModule> {
  const original = await compile(bytes, name); // an invalid module is refused with the engine's own reason
  const problem = abiContractProblem(bytes, name);
  if (problem !== null) {
    throw new OutpostError("NOT_OUTPOST_FIRMWARE", `${name} is not an Outpost firmware: ${problem} (see boards/ABI.md): build it with outpost build`);
  }
  const instrumented = watchdog > 0 ? instrument(bytes, watchdog, MAX_MEMORY_PAGES) : null;
  const unguarded = watchdog > 0 && instrumented === null;
  const imported = importMemory(instrumented ?? bytes);
  if (imported !== null) {
    return { module: await compile(imported.bytes, name), unguarded, memory: new MemoryPool(imported.initial, imported.maximum) };
  }
  return { module: instrumented ? await compile(instrumented, name) : original, unguarded, memory: null };
}

async function compile(bytes: Uint8Array, name: string): Promise<WasmModule> {
  if (!hasWasmHeader(bytes)) {
    throw new OutpostError("NOT_WASM", `${name} is not a WebAssembly module (bad magic number): build it with outpost build`);
  }
  try {
    return await wasm.compile(bytes);
  } catch (e) {
    const why = e instanceof Error ? e.message.replace(/^WebAssembly\.compile\(\): /, "") : String(e);
    throw new OutpostError("NOT_WASM", `${name} is not a valid WebAssembly module (${why}): rebuild it with outpost build`);
  }
}

/** FNV-1a of about 256 bytes spread over the module: only a key (a hit compares every byte). */
function digest(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  const step = Math.max(1, bytes.length >> 8);
  for (let i = bytes.length - 1; i >= 0; i -= step) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

/** Whether two modules are the same bytes; four at a time where both are aligned (a firmware is kilobytes, compared per load). */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  if (a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0) {
    const words = a.length >> 2;
    const x = new Int32Array(a.buffer, a.byteOffset, words);
    const y = new Int32Array(b.buffer, b.byteOffset, words);
    for (; i < words; i++) if (x[i] !== y[i]) return false;
    i = words << 2;
  }
  for (; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
