/**
 * A checked translation, for tests: every memory access of the firmware
 * goes through `$mem`, which traps where the plain translation would be
 * silently wrong.
 *
 * WebAssembly lets a load or store of n bytes use any address; wasm2js
 * trusts the instruction's alignment hint and reads `HEAP32[a >> 2]`, which
 * at a misaligned `a` is the aligned word below it. And Espruino builds cut
 * memory to what the firmware uses, where WebAssembly has whole 64 KiB
 * pages: an access past the end reads `undefined`. Both are bugs in the
 * firmware (or a misleading hint); a checked build turns them into a trap
 * that says which, so the differential tests (Espruino host vs Wasm host)
 * find them:
 *
 *   HEAP32[a + 8 >> 2]  →  HEAP32[$mem(a + 8, 2)]
 *   $mem(x, k): x not a multiple of 2^k → "misaligned 4-byte memory access at x";
 *               x outside memory        → "memory access out of bounds"; else x >> k
 *
 * Called by bundle.ts when asked (`checked`), on the firmware's functions.
 */
import { type Expr, type Stmt, id, mapStmt, num } from "./ast.ts";
import type { View } from "./module.ts";

/** log2 of the element size of each typed-array type wasm2js uses. */
const SHIFT: Record<string, number> = {
  Int8Array: 0, Uint8Array: 0, Int16Array: 1, Uint16Array: 1, Int32Array: 2, Uint32Array: 2, Float32Array: 2, Float64Array: 3,
};

export const MEM_HELPER = "$mem";

/** `decls` with every access through a view checked; whether any was. */
export function checkMemoryAccesses(decls: Stmt[], views: View[]): { decls: Stmt[]; used: boolean } {
  const shifts = new Map(views.map((v) => [v.name, SHIFT[v.type]]));
  let used = false;
  const rewrite = (e: Expr): Expr => {
    if (e.k !== "index" || e.obj.k !== "id") return e;
    const k = shifts.get(e.obj.name);
    if (k === undefined) return e;
    used = true;
    return { ...e, index: { k: "call", callee: id(MEM_HELPER), args: [address(e.index, k), num(k)] } };
  };
  return { decls: decls.map((s) => (s.k === "func" ? mapStmt(s, rewrite) : s)), used };
}

/** The byte address inside wasm2js's index: `a >> k` → a; for bytes also `a | 0` → a. */
function address(index: Expr, k: number): Expr {
  if (index.k === "bin" && index.right.k === "num" && index.right.value === k && index.op === ">>") return index.left;
  if (k === 0 && index.k === "bin" && index.op === "|" && index.right.k === "num" && index.right.value === 0) return index.left;
  if (k === 0) return index;
  throw new Error(`a memory access wasm2js did not shift by ${k}: the checked translation does not know this wasm2js version`);
}
