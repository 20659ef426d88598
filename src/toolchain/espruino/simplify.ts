/**
 * Peephole rewrites that shorten wasm2js output without changing what it
 * computes (Espruino stores and re-reads every character of a function):
 *
 *   5|0, 5>>>0   →  5        (an int32 literal is already what the coercion makes)
 *   -5|0         →  -5
 *   (a&b)|0, (x>>>16)|0  →  a&b, x>>>16   (already an int32)
 *   (x|0)>>2     →  x>>2     (bitwise and shift operators apply ToInt32 to
 *                            their operands themselves; ToInt32 is idempotent)
 *   var a=0;var b=0,c  →  var a=0,b=0,c     (adjacent declarations merge)
 *
 * Called by the bundler on the firmware's functions, after labels are gone.
 */
import { type Expr, type Stmt, mapStmt } from "./ast.ts";

function int32Literal(e: Expr): number | null {
  if (e.k === "num" && Number.isInteger(e.value) && e.value <= 0x7fffffff) return e.value;
  if (e.k === "un" && e.op === "-" && e.arg.k === "num" && Number.isInteger(e.arg.value) && e.arg.value <= 0x80000000) return -e.arg.value;
  return null;
}

const isZero = (e: Expr): boolean => e.k === "num" && e.value === 0;

const BITWISE = new Set(["|", "&", "^", "<<", ">>", ">>>"]);
type Bin = Extract<Expr, { k: "bin" }>;
const isToInt32 = (e: Expr): boolean => e.k === "bin" && e.op === "|" && isZero(e.right);

/** Whether `e` always evaluates to an int32: a signed bitwise or shift operation, or `>>>` by at least 1. */
function isInt32Result(e: Expr): boolean {
  if (e.k !== "bin") return false;
  if (e.op === "|" || e.op === "&" || e.op === "^" || e.op === "<<" || e.op === ">>") return true;
  if (e.op === ">>>") {
    const k = int32Literal(e.right);
    return k !== null && (k & 31) >= 1;
  }
  return false;
}

function simplifyExpr(x: Expr): Expr {
  if (x.k !== "bin") return x;
  let e: Bin = x;
  if (isToInt32(e)) {
    // The idiom itself: drop it when its operand is already an int32.
    if (int32Literal(e.left) !== null || isInt32Result(e.left)) return e.left;
    return e;
  }
  if (BITWISE.has(e.op)) {
    // `(x|0) op y` and `y op (x|0)`: op converts x to an int32 anyway.
    if (isToInt32(e.left)) e = { ...e, left: (e.left as Bin).left };
    if (isToInt32(e.right)) e = { ...e, right: (e.right as Bin).left };
  }
  if (e.op === ">>>" && isZero(e.right) && e.left.k === "num" && Number.isInteger(e.left.value) && e.left.value <= 0xffffffff) return e.left;
  return e;
}

/** Joins `var` statements that follow each other in a statement list. */
function mergeVars(body: Stmt[]): Stmt[] {
  const out: Stmt[] = [];
  for (const s of body) {
    const last = out[out.length - 1];
    if (s.k === "var" && last?.k === "var") out[out.length - 1] = { k: "var", decls: [...last.decls, ...s.decls] };
    else out.push(s);
  }
  return out;
}

export function simplify(s: Stmt): Stmt {
  const out = mapStmt(s, simplifyExpr);
  return out.k === "func" ? { ...out, fn: { ...out.fn, body: mergeVars(out.fn.body) } } : out;
}
