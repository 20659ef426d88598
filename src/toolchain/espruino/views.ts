/**
 * Fewer kinds of typed array over the firmware's memory: on Espruino the
 * first use of each typed-array type (Int8Array, Uint16Array, …) costs
 * about 9 JsVars for as long as the program runs (measured, 2v29), so
 * signed and unsigned twins share one view:
 *
 *   HEAP8[i] = v    →  HEAPU8[i] = v          a store keeps the low bits either way
 *   HEAP8[i]        →  HEAPU8[i] << 24 >> 24  a load sign-extends itself
 *   HEAP16[i]       →  HEAPU16[i] << 16 >> 16
 *   HEAPU32[i]      →  HEAP32[i] >>> 0
 *
 * The index is untouched (same element size). Then the 16-bit view goes
 * too: the firmware reads and writes half-words only for UTF-16 text
 * (names, numbers turned to text: init and panics, not per event), so
 * each access becomes two byte accesses,
 *
 *   HEAPU16[i]      →  HEAPU8[i << 1] | HEAPU8[(i << 1) + 1] << 8
 *   HEAPU16[i] = v  →  HEAPU8[i << 1] = v, HEAPU8[(i << 1) + 1] = v >> 8
 *
 * when every index and stored value is free of side effects (each is
 * evaluated twice), no stored value reads memory (its second evaluation
 * would read the byte the first store wrote: `HEAPU16[i] += 1` across a
 * carry), and every store is a statement of its own or a term of a comma
 * sequence that is one (its value is not used); otherwise the view stays. Called by bundle.ts on the firmware's functions after
 * flattening; returns the views still used.
 */
import type { Expr, Stmt } from "./ast.ts";
import { mapStatements, mapStmt, num, walkStmt } from "./ast.ts";
import type { View } from "./module.ts";

interface Fold {
  /** The view that replaces it (same element size). */
  into: View;
  /** How a load through the replacement is fixed: sign-extend by `shift` bits, or make unsigned. */
  load: (e: Expr) => Expr;
}

const signExtend = (bits: number) => (e: Expr): Expr => ({ k: "bin", op: ">>", left: { k: "bin", op: "<<", left: e, right: num(bits) }, right: num(bits) });
const unsigned = (e: Expr): Expr => ({ k: "bin", op: ">>>", left: e, right: num(0) });

const FOLDS: Record<string, { into: View; load: (e: Expr) => Expr }> = {
  Int8Array: { into: { name: "HEAPU8", type: "Uint8Array" }, load: signExtend(24) },
  Int16Array: { into: { name: "HEAPU16", type: "Uint16Array" }, load: signExtend(16) },
  Uint32Array: { into: { name: "HEAP32", type: "Int32Array" }, load: unsigned },
};

export function foldViews(decls: Stmt[], views: View[]): { decls: Stmt[]; views: View[] } {
  return foldHalfWords(foldSigned(decls, views));
}

function foldSigned(decls: Stmt[], views: View[]): { decls: Stmt[]; views: View[] } {
  const folds = new Map<string, Fold>();
  for (const v of views) {
    const f = FOLDS[v.type];
    if (f) folds.set(v.name, f);
  }
  if (folds.size === 0) return { decls, views };
  const isFolded = (e: Expr): e is Extract<Expr, { k: "index" }> => e.k === "index" && e.obj.k === "id" && folds.has(e.obj.name);
  const stores = (e: Expr): Expr => {
    if (e.k !== "assign" || !isFolded(e.target)) return e;
    if (e.op !== "=") throw new Error(`wasm2js wrote "${e.op}" to memory: the view folding does not know this wasm2js version`);
    const target = e.target as Extract<Expr, { k: "index" }>;
    return { ...e, target: { ...target, obj: { k: "id", name: folds.get((target.obj as { name: string }).name)!.into.name } } };
  };
  const loads = (e: Expr): Expr => {
    if (!isFolded(e)) return e;
    const fold = folds.get((e.obj as { name: string }).name)!;
    return fold.load({ ...e, obj: { k: "id", name: fold.into.name } });
  };
  // Stores first (bottom-up mapping would otherwise turn their targets into loads), then what is left is loads.
  const out = decls.map((s) => (s.k === "func" ? mapStmt(mapStmt(s, stores), loads) : s));
  const kept = views.filter((v) => !folds.has(v.name));
  for (const f of folds.values()) if (!kept.some((v) => v.name === f.into.name)) kept.push(f.into);
  return { decls: out, views: kept };
}

const BYTES: View = { name: "HEAPU8", type: "Uint8Array" };

function foldHalfWords({ decls, views }: { decls: Stmt[]; views: View[] }): { decls: Stmt[]; views: View[] } {
  const half = views.find((v) => v.type === "Uint16Array");
  if (!half) return { decls, views };
  const isHalf = (e: Expr): e is Extract<Expr, { k: "index" }> => e.k === "index" && e.obj.k === "id" && e.obj.name === half.name;
  const isStore = (e: Expr): e is Extract<Expr, { k: "assign" }> => e.k === "assign" && e.op === "=" && isHalf(e.target);
  let pure = true;
  let stores = 0;
  const effects = (e: Expr): void =>
    walkStmt({ k: "expr", expr: e }, (x) => {
      if (x.k === "call" || x.k === "new" || x.k === "assign" || x.k === "post") pure = false;
    });
  for (const s of decls) {
    walkStmt(s, (e) => {
      if (isHalf(e)) effects(e.index);
      if (e.k === "assign" && isHalf(e.target)) {
        stores++;
        effects(e.value);
        // Its second evaluation would read memory the first byte store has just changed (`HEAPU16[i] += 1`).
        walkStmt({ k: "expr", expr: e.value }, (x) => {
          if (x.k === "index" && x.obj.k === "id" && /^HEAP/.test(x.obj.name)) pure = false;
        });
      }
    });
  }
  if (!pure) return { decls, views };
  const byte = (at: Expr): Expr => ({ k: "index", obj: { k: "id", name: BYTES.name }, index: at });
  const low = (i: Expr): Expr => byte({ k: "bin", op: "<<", left: i, right: num(1) });
  const high = (i: Expr): Expr => byte({ k: "bin", op: "+", left: { k: "bin", op: "<<", left: i, right: num(1) }, right: num(1) });
  let split = 0;
  // A store whose value nothing uses: the statement itself, or a term of a comma sequence that is one.
  const unused = (e: Expr): Expr => {
    if (e.k === "bin" && e.op === ",") return { ...e, left: unused(e.left), right: unused(e.right) };
    if (!isStore(e)) return e;
    split++;
    const i = (e.target as Extract<Expr, { k: "index" }>).index;
    return {
      k: "bin",
      op: ",",
      left: { k: "assign", op: "=", target: low(i), value: e.value },
      right: { k: "assign", op: "=", target: high(i), value: { k: "bin", op: ">>", left: e.value, right: num(8) } },
    };
  };
  const storesSplit = decls.map((s) => (s.k === "func" ? mapStatements(s, (x) => (x.k === "expr" ? { ...x, expr: unused(x.expr) } : x)) : s));
  if (split !== stores) return { decls, views };
  const out = storesSplit.map((s) =>
    s.k === "func"
      ? mapStmt(s, (e) => (isHalf(e) ? { k: "bin", op: "|", left: low(e.index), right: { k: "bin", op: "<<", left: high(e.index), right: num(8) } } : e))
      : s,
  );
  const kept = views.filter((v) => v !== half);
  if (!kept.some((v) => v.name === BYTES.name)) kept.push(BYTES);
  return { decls: out, views: kept };
}
