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
 *   (HEAP32[i]|0)<(c|0)  →  HEAP32[i]<c      (a value already an int32: a load through an
 *                            integer view, or a local only ever assigned int32 values)
 *
 * Espruino evaluates each `|0` as it runs (measured 2,000 machine
 * instructions each on 2v29), and wasm2js writes one around every operand
 * of an i32 comparison, argument and return value.
 *
 * Called by the bundler on the firmware's functions, after labels are gone,
 * with the typed-array views over memory (module.ts) by name and type.
 */
import { type Expr, type Func, type Stmt, childStatements, mapStmt, walkStmt } from "./ast.ts";

/** Typed arrays whose elements are all int32 values. */
const INT_VIEWS = new Set(["Int8Array", "Uint8Array", "Int16Array", "Uint16Array", "Int32Array"]);

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

/** What is known to hold an int32 in one function: its int32 locals, the integer views' names, the functions that return int32s. */
interface Int32s {
  locals: Set<string>;
  views: Set<string>;
  returns: Set<string>;
}

/**
 * Across the firmware's functions: which always return an int32 (every
 * `return` has an int32 value and the body ends with one, so none falls
 * off its end), and which parameters always receive one (functions called
 * only by name, from the firmware, with int32 arguments at every call:
 * not the exports, which the glue calls, nor a function used as a value),
 * and which module variables only ever hold one.
 */
export interface Int32Facts {
  returns: Set<string>;
  params: Map<string, Set<string>>;
  /** Module variables that only ever hold int32s (wasm2js's globals: only the firmware's functions assign them). */
  globals: Set<string>;
}

/** Whether `e` always evaluates to an int32 number (never a boolean, a float or undefined). */
function isInt32Value(e: Expr, known: Int32s): boolean {
  switch (e.k) {
    case "num":
    case "un":
      return int32Literal(e) !== null;
    case "id":
      return known.locals.has(e.name);
    case "index":
      return e.obj.k === "id" && known.views.has(e.obj.name);
    case "cond":
      return isInt32Value(e.then, known) && isInt32Value(e.else, known);
    case "assign":
      return e.op === "=" && isInt32Value(e.value, known);
    case "call":
      return e.callee.k === "id" && known.returns.has(e.callee.name);
    default:
      return isInt32Result(e);
  }
}

/**
 * The locals of `fn` that only ever hold int32 values: declared with an
 * int32 initial value (wasm2js declares every local so, at the top) and
 * assigned only int32 values, with `=`; and the parameters `params`
 * says always receive one, if the body assigns them only int32 values too.
 * The largest such set: a local assigned only from others in it
 * holds int32s by induction from their initial values. A function with a
 * nested function is not analysed.
 */
function int32Locals(fn: Func, views: Set<string>, returns: Set<string>, params: Set<string>, globals: Set<string> = new Set()): Set<string> {
  const candidates = new Set<string>(params);
  let nested = false;
  const assigned: { name: string; value: Expr | null }[] = [];
  const declared = new Set<string>();
  const declare = (s: Stmt): void => {
    if (s.k === "var") {
      for (const d of s.decls) {
        declared.add(d.name);
        if (!fn.params.includes(d.name) && d.init && int32Literal(d.init) !== null) candidates.add(d.name);
        else assigned.push({ name: d.name, value: d.init });
      }
    }
  };
  const declareAll = (list: Stmt[]): void =>
    list.forEach((s) => {
      declare(s);
      declareAll(childStatements(s));
    });
  declareAll(fn.body);
  const visit = (e: Expr): void => {
    if (e.k === "assign" && e.target.k === "id") assigned.push({ name: e.target.name, value: e.op === "=" ? e.value : null });
    if ((e.k === "post" || (e.k === "un" && (e.op === "++" || e.op === "--"))) && e.arg.k === "id") assigned.push({ name: e.arg.name, value: null });
  };
  for (const s of fn.body) walkStmt(s, visit, () => (nested = true));
  if (nested) return new Set();
  // The module's int32 variables where no local hides them (int32Facts checks what assigns them).
  const visible = [...globals].filter((g) => !fn.params.includes(g) && !declared.has(g));
  for (const g of visible) candidates.add(g);
  // A var without an initial value, or declared twice with a non-int32 one, is out.
  for (const a of assigned) if (a.value === null && !visible.includes(a.name)) candidates.delete(a.name);
  let changed = true;
  while (changed) {
    changed = false;
    const known = { locals: candidates, views, returns };
    for (const a of assigned) {
      if (candidates.has(a.name) && !visible.includes(a.name) && !isInt32Value(a.value!, known)) {
        candidates.delete(a.name);
        changed = true;
      }
    }
  }
  return candidates;
}

function simplifyExpr(x: Expr, known: Int32s): Expr {
  if (x.k !== "bin") return x;
  let e: Bin = x;
  if (isToInt32(e)) {
    // The idiom itself: drop it when its operand is already an int32.
    if (isInt32Value(e.left, known)) return e.left;
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

type Views = { name: string; type: string }[];
const intViews = (views: Views): Set<string> => new Set(views.filter((v) => INT_VIEWS.has(v.type)).map((v) => v.name));

/**
 * Int32Facts for `fns`, the firmware's functions; `exported` are those called from outside (the glue) or at
 * start; `others` the module's other statements (a function table among them).
 */
export function int32Facts(fns: Func[], views: Views, exported: Set<string>, others: Stmt[]): Int32Facts {
  const names = new Set(fns.map((f) => f.name!));
  const returns = new Set(names);
  const params = new Map<string, Set<string>>();
  // walkStmt visits a call's callee too: count only ids that are not a call's callee.
  const callees = new Map<string, number>();
  const uses = new Map<string, number>();
  for (const f of [...fns, { name: null, params: [], body: others }]) {
    for (const s of f.body) {
      walkStmt(s, (e) => {
        if (e.k === "call" && e.callee.k === "id") callees.set(e.callee.name, (callees.get(e.callee.name) ?? 0) + 1);
        if (e.k === "id" && names.has(e.name)) uses.set(e.name, (uses.get(e.name) ?? 0) + 1);
      });
    }
  }
  for (const f of fns) {
    const name = f.name!;
    if (!exported.has(name) && (uses.get(name) ?? 0) === (callees.get(name) ?? 0)) params.set(name, new Set(f.params));
  }
  const globals = new Set<string>();
  for (const s of others) {
    if (s.k === "var") for (const d of s.decls) if (d.init && int32Literal(d.init) !== null && !names.has(d.name)) globals.add(d.name);
  }
  // Assigned anywhere but in a function body (none in wasm2js's output): not taken.
  for (const s of others) {
    walkStmt(s, (e) => {
      if ((e.k === "assign" && e.target.k === "id") || ((e.k === "post" || e.k === "un") && e.arg.k === "id")) {
        globals.delete(e.k === "assign" ? (e.target as { name: string }).name : (e.arg as { name: string }).name);
      }
    });
  }
  const v = intViews(views);
  const byName = new Map(fns.map((f) => [f.name!, f]));
  let changed = true;
  while (changed) {
    changed = false;
    for (const f of fns) {
      const locals = int32Locals(f, v, returns, params.get(f.name!) ?? new Set(), globals);
      const known = { locals, views: v, returns };
      for (const s of f.body) {
        walkStmt(s, (e) => {
          const target = e.k === "assign" && e.target.k === "id" ? e.target.name : (e.k === "post" || e.k === "un") && e.arg.k === "id" ? e.arg.name : null;
          if (target === null || !globals.has(target) || !locals.has(target)) return; // not the module's (a local hides it)
          if (e.k !== "assign" || e.op !== "=" || !isInt32Value(e.value, known)) {
            globals.delete(target);
            changed = true;
          }
        });
      }
      if (returns.has(f.name!)) {
        const last = f.body[f.body.length - 1];
        let ok = last?.k === "return" && last.arg !== null;
        for (const s of f.body) forEachReturn(s, (r) => (ok &&= r.arg !== null && isInt32Value(r.arg, known)));
        if (!ok) {
          returns.delete(f.name!);
          changed = true;
        }
      }
      for (const s of f.body) {
        walkStmt(s, (e) => {
          if (e.k !== "call" || e.callee.k !== "id") return;
          const callee = byName.get(e.callee.name);
          const ps = params.get(e.callee.name);
          if (!callee || !ps) return;
          callee.params.forEach((p, i) => {
            const arg = e.args[i];
            if (ps.has(p) && (arg === undefined || !isInt32Value(arg, known))) {
              ps.delete(p);
              changed = true;
            }
          });
        });
      }
    }
  }
  return { returns, params, globals };
}

/** Calls `f` with every return statement in `s` (not in nested functions, which the analysis refuses anyway). */
function forEachReturn(s: Stmt, f: (r: Extract<Stmt, { k: "return" }>) => void): void {
  if (s.k === "return") f(s);
  childStatements(s).forEach((x) => forEachReturn(x, f));
}

/** `s` shortened as above; `views` are the typed-array views over memory, by name and type; `facts` from int32Facts. */
export function simplify(s: Stmt, views: Views = [], facts: Int32Facts = { returns: new Set(), params: new Map(), globals: new Set() }): Stmt {
  const v = intViews(views);
  const locals = s.k === "func" ? int32Locals(s.fn, v, facts.returns, facts.params.get(s.fn.name!) ?? new Set(), facts.globals) : new Set<string>();
  const out = mapStmt(s, (e) => simplifyExpr(e, { locals, views: v, returns: facts.returns }));
  return out.k === "func" ? { ...out, fn: { ...out.fn, body: mergeVars(out.fn.body) } } : out;
}
