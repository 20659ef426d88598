/**
 * The small JavaScript syntax tree the Espruino translation works on.
 *
 * It covers what binaryen's wasm2js emits and what the glue
 * (boards/espruino/glue.js) is written in: ES5 statements and expressions,
 * `var` only. `lift.ts` builds it from TypeScript's parse of the text and
 * refuses anything else with a line:column; `print.ts` turns it back into
 * minified text; the passes in between (labels, module, names, reach)
 * rewrite it in place or return new trees.
 *
 * Invariants: `num` holds a non-negative finite value (a minus sign is a
 * unary `-`); a `func` statement always has a name.
 */

export type Expr =
  | { k: "id"; name: string }
  | { k: "num"; value: number }
  | { k: "str"; value: string }
  | { k: "lit"; text: "true" | "false" | "null" | "this" }
  | { k: "arr"; items: Expr[] }
  | { k: "obj"; props: { key: string; value: Expr }[] }
  | { k: "fn"; fn: Func }
  | { k: "un"; op: string; arg: Expr }
  | { k: "post"; op: "++" | "--"; arg: Expr }
  | { k: "bin"; op: string; left: Expr; right: Expr }
  | { k: "assign"; op: string; target: Expr; value: Expr }
  | { k: "cond"; test: Expr; then: Expr; else: Expr }
  | { k: "call"; callee: Expr; args: Expr[] }
  | { k: "new"; callee: Expr; args: Expr[] }
  | { k: "dot"; obj: Expr; name: string }
  | { k: "index"; obj: Expr; index: Expr };

export interface Func {
  name: string | null;
  params: string[];
  body: Stmt[];
}

export interface Case {
  test: Expr | null;
  body: Stmt[];
}

export type Stmt =
  | { k: "var"; decls: { name: string; init: Expr | null }[] }
  | { k: "func"; fn: Func }
  | { k: "expr"; expr: Expr }
  | { k: "if"; test: Expr; then: Stmt; else: Stmt | null }
  | { k: "while"; test: Expr; body: Stmt }
  | { k: "do"; body: Stmt; test: Expr }
  | { k: "for"; init: Stmt | null; test: Expr | null; update: Expr | null; body: Stmt }
  | { k: "block"; body: Stmt[] }
  | { k: "return"; arg: Expr | null }
  | { k: "break"; label: string | null }
  | { k: "continue"; label: string | null }
  | { k: "label"; label: string; body: Stmt }
  | { k: "switch"; disc: Expr; cases: Case[] }
  | { k: "throw"; arg: Expr }
  | { k: "try"; block: Stmt[]; param: string | null; handler: Stmt[] | null; finalizer: Stmt[] | null }
  | { k: "empty" };

export const id = (name: string): Expr => ({ k: "id", name });
export const num = (value: number): Expr => (value < 0 ? { k: "un", op: "-", arg: { k: "num", value: -value } } : { k: "num", value });
export const call = (name: string, ...args: Expr[]): Expr => ({ k: "call", callee: id(name), args });
export const exprStmt = (expr: Expr): Stmt => ({ k: "expr", expr });

/** The statements directly inside `s` (branches, bodies, a `for`'s init, cases, a try's parts), not in nested functions. */
export function childStatements(s: Stmt): Stmt[] {
  switch (s.k) {
    case "if":
      return s.else ? [s.then, s.else] : [s.then];
    case "while":
    case "do":
    case "label":
      return [s.body];
    case "for":
      return s.init ? [s.init, s.body] : [s.body];
    case "block":
      return s.body;
    case "switch":
      return s.cases.flatMap((c) => c.body);
    case "try":
      return [...s.block, ...(s.handler ?? []), ...(s.finalizer ?? [])];
    default:
      return [];
  }
}

/**
 * Calls `visit` on every expression under `s` (outer first, left to right).
 * Nested functions are walked into, unless `onFunction` is given: then each
 * (declaration or expression) is handed to it instead, in the same order.
 */
export function walkStmt(s: Stmt, visit: (e: Expr) => void, onFunction?: (fn: Func) => void): void {
  const we = (e: Expr | null): void => {
    if (e) walkExpr(e, visit, onFunction);
  };
  const ws = (x: Stmt | null): void => {
    if (x) walkStmt(x, visit, onFunction);
  };
  switch (s.k) {
    case "var":
      s.decls.forEach((d) => we(d.init));
      break;
    case "func":
      if (onFunction) onFunction(s.fn);
      else s.fn.body.forEach(ws);
      break;
    case "expr":
      we(s.expr);
      break;
    case "if":
      we(s.test);
      ws(s.then);
      ws(s.else);
      break;
    case "while":
      we(s.test);
      ws(s.body);
      break;
    case "do":
      ws(s.body);
      we(s.test);
      break;
    case "for":
      ws(s.init);
      we(s.test);
      we(s.update);
      ws(s.body);
      break;
    case "block":
      s.body.forEach(ws);
      break;
    case "return":
    case "throw":
      we(s.arg);
      break;
    case "label":
      ws(s.body);
      break;
    case "switch":
      we(s.disc);
      for (const c of s.cases) {
        we(c.test);
        c.body.forEach(ws);
      }
      break;
    case "try":
      s.block.forEach(ws);
      s.handler?.forEach(ws);
      s.finalizer?.forEach(ws);
      break;
  }
}

function walkExpr(e: Expr, visit: (e: Expr) => void, onFunction?: (fn: Func) => void): void {
  visit(e);
  const w = (x: Expr): void => walkExpr(x, visit, onFunction);
  switch (e.k) {
    case "arr":
      e.items.forEach(w);
      break;
    case "obj":
      e.props.forEach((p) => w(p.value));
      break;
    case "fn":
      if (onFunction) onFunction(e.fn);
      else e.fn.body.forEach((s) => walkStmt(s, visit));
      break;
    case "un":
    case "post":
      w(e.arg);
      break;
    case "bin":
      w(e.left);
      w(e.right);
      break;
    case "assign":
      w(e.target);
      w(e.value);
      break;
    case "cond":
      w(e.test);
      w(e.then);
      w(e.else);
      break;
    case "call":
    case "new":
      w(e.callee);
      e.args.forEach(w);
      break;
    case "dot":
      w(e.obj);
      break;
    case "index":
      w(e.obj);
      w(e.index);
      break;
  }
}

/** Rebuilds `e` bottom-up through `map` (which may return its argument unchanged). */
function mapExpr(e: Expr, map: (e: Expr) => Expr): Expr {
  const m = (x: Expr): Expr => mapExpr(x, map);
  let out: Expr;
  switch (e.k) {
    case "arr":
      out = { ...e, items: e.items.map(m) };
      break;
    case "obj":
      out = { ...e, props: e.props.map((p) => ({ key: p.key, value: m(p.value) })) };
      break;
    case "fn":
      out = { ...e, fn: { ...e.fn, body: e.fn.body.map((s) => mapStmt(s, map)) } };
      break;
    case "un":
    case "post":
      out = { ...e, arg: m(e.arg) } as Expr;
      break;
    case "bin":
      out = { ...e, left: m(e.left), right: m(e.right) };
      break;
    case "assign":
      out = { ...e, target: m(e.target), value: m(e.value) };
      break;
    case "cond":
      out = { ...e, test: m(e.test), then: m(e.then), else: m(e.else) };
      break;
    case "call":
    case "new":
      out = { ...e, callee: m(e.callee), args: e.args.map(m) };
      break;
    case "dot":
      out = { ...e, obj: m(e.obj) };
      break;
    case "index":
      out = { ...e, obj: m(e.obj), index: m(e.index) };
      break;
    default:
      out = e;
  }
  return map(out);
}

/** `mapExpr` over every expression of a statement, nested functions included. */
export function mapStmt(s: Stmt, map: (e: Expr) => Expr): Stmt {
  const me = (e: Expr): Expr => mapExpr(e, map);
  const ms = (x: Stmt): Stmt => mapStmt(x, map);
  switch (s.k) {
    case "var":
      return { ...s, decls: s.decls.map((d) => ({ name: d.name, init: d.init && me(d.init) })) };
    case "func":
      return { ...s, fn: { ...s.fn, body: s.fn.body.map(ms) } };
    case "expr":
      return { ...s, expr: me(s.expr) };
    case "if":
      return { ...s, test: me(s.test), then: ms(s.then), else: s.else && ms(s.else) };
    case "while":
      return { ...s, test: me(s.test), body: ms(s.body) };
    case "do":
      return { ...s, body: ms(s.body), test: me(s.test) };
    case "for":
      return { ...s, init: s.init && ms(s.init), test: s.test && me(s.test), update: s.update && me(s.update), body: ms(s.body) };
    case "block":
      return { ...s, body: s.body.map(ms) };
    case "return":
      return { ...s, arg: s.arg && me(s.arg) };
    case "throw":
      return { ...s, arg: me(s.arg) };
    case "label":
      return { ...s, body: ms(s.body) };
    case "switch":
      return { ...s, disc: me(s.disc), cases: s.cases.map((c) => ({ test: c.test && me(c.test), body: c.body.map(ms) })) };
    case "try":
      return {
        ...s,
        block: s.block.map(ms),
        handler: s.handler && s.handler.map(ms),
        finalizer: s.finalizer && s.finalizer.map(ms),
      };
    default:
      return s;
  }
}

/** Rebuilds `s` bottom-up through `map` over its statements (function declarations' bodies too, not function expressions'; expressions untouched). */
export function mapStatements(s: Stmt, map: (s: Stmt) => Stmt): Stmt {
  const r = (x: Stmt): Stmt => mapStatements(x, map);
  let out: Stmt;
  switch (s.k) {
    case "if":
      out = { ...s, then: r(s.then), else: s.else && r(s.else) };
      break;
    case "while":
    case "do":
    case "label":
      out = { ...s, body: r(s.body) } as Stmt;
      break;
    case "for":
      out = { ...s, init: s.init && r(s.init), body: r(s.body) };
      break;
    case "block":
      out = { ...s, body: s.body.map(r) };
      break;
    case "switch":
      out = { ...s, cases: s.cases.map((c) => ({ test: c.test, body: c.body.map(r) })) };
      break;
    case "try":
      out = { ...s, block: s.block.map(r), handler: s.handler && s.handler.map(r), finalizer: s.finalizer && s.finalizer.map(r) };
      break;
    case "func":
      out = { ...s, fn: { ...s.fn, body: s.fn.body.map(r) } };
      break;
    default:
      out = s;
  }
  return map(out);
}
