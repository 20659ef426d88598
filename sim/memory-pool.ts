/**
 * Linear memories kept for the next instance of one compiled firmware
 * (module-cache.ts keeps a pool beside each module whose memory
 * src/contract/memory-import.ts turned into an import). `take` hands out a
 * kept memory zeroed, or a new one; `give` keeps a memory that a finished
 * run (`Simulator.release`) no longer uses, if it still has its initial
 * size — one the firmware grew would start the next run larger, so it is
 * dropped. A run therefore starts from the same bytes whether its memory is
 * new or kept (instantiating writes the data segments), which `outpost fuzz
 * --twice` checks on every seed.
 *
 * Invariant: a memory is in the pool or in one instance, never both; a
 * simulator that is never released keeps its memory to itself.
 */
import { type WasmMemory, wasm } from "../src/contract/wasm-api.ts";

const PAGE = 65_536;
/** Memories kept per module: a fuzz worker runs one seed at a time (two with --twice, one after the other). */
const KEPT = 2;

export class MemoryPool {
  private readonly initial: number;
  private readonly maximum: number | null;
  private readonly free: WasmMemory[] = [];

  constructor(
    initial: number,
    maximum: number | null,
  ) {
    this.initial = initial;
    this.maximum = maximum;
  }

  take(): WasmMemory {
    const kept = this.free.pop();
    if (kept) {
      new Uint8Array(kept.buffer).fill(0);
      return kept;
    }
    const limits = this.maximum === null ? { initial: this.initial } : { initial: this.initial, maximum: this.maximum };
    return new wasm.Memory(limits);
  }

  give(memory: WasmMemory): void {
    if (memory.buffer.byteLength === this.initial * PAGE && this.free.length < KEPT && !this.free.includes(memory)) this.free.push(memory);
  }
}
