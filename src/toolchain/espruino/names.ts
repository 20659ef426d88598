/**
 * Gives every variable and function of the program the shortest name that
 * is free, most-used first: `a`, `b`, … then `aa`, `ab`, …
 *
 * Why it matters on Espruino: code is stored and executed as text, so a
 * name costs RAM at every use, and names are looked up by comparing text
 * (the global scope linearly). Called by the bundler on the whole program.
 *
 * Rules: names that are not declared anywhere (Espruino's own globals:
 * `setTimeout`, `Serial1`, `E`, `D5`, …) are never changed and never
 * reused; nor are JavaScript keywords or the few short globals some boards
 * define (`g` is Bangle.js's display). A local name never hides a name the
 * function uses from outside. Returns the program and the old → new map of
 * top-level names (the simulator finds the ABI exports through it).
 */
import { type Expr, type Func, type Stmt, walkStmt } from "./ast.ts";

const RESERVED = new Set([
  "do", "if", "in", "for", "let", "new", "try", "var", "int", "case", "else", "enum", "null", "this", "true", "void", "with",
  "g", "tv", "fs", "url", "net", "tls",
]);

interface Scope {
  parent: Scope | null;
  /** Declared names, old → new (new filled in by `assign`). */
  names: Map<string, string>;
  /** Uses in this scope (not in nested functions), by old name. */
  uses: string[];
  children: Scope[];
}

export interface Renamed {
  program: Stmt[];
  globals: Map<string, string>;
}

export function shortenNames(program: Stmt[]): Renamed {
  const root: Scope = { parent: null, names: new Map(), uses: [], children: [] };
  for (const s of program) declare(s, root);
  for (const s of program) collect(s, root);
  const free = new Set<string>();
  const counts = new Map<Scope, Map<string, number>>();
  visitUses(root, (scope, name) => {
    const owner = resolve(scope, name);
    if (!owner) return void free.add(name);
    const c = counts.get(owner) ?? new Map<string, number>();
    c.set(name, (c.get(name) ?? 0) + 1);
    counts.set(owner, c);
  });
  assign(root, free, counts);
  const renamer = new Renamer(new Cursor(root));
  const out = program.map((s) => renamer.stmt(s));
  return { program: out, globals: new Map(root.names) };
}

/** Scope that declares `name` as seen from `scope`, or null when it is free. */
function resolve(scope: Scope | null, name: string): Scope | null {
  for (let s = scope; s; s = s.parent) if (s.names.has(name)) return s;
  return null;
}

function visitUses(scope: Scope, f: (scope: Scope, name: string) => void): void {
  for (const u of scope.uses) f(scope, u);
  for (const c of scope.children) visitUses(c, f);
}

function* candidates(): Generator<string> {
  const first = "abcdefghijklmnopqrstuvwxyz";
  const rest = first + "0123456789";
  for (const c of first) yield c;
  for (let len = 2; ; len++) {
    const n = first.length * rest.length ** (len - 1);
    for (let i = 0; i < n; i++) {
      let x = i;
      let name = "";
      for (let j = 0; j < len - 1; j++) {
        name = rest[x % rest.length] + name;
        x = Math.floor(x / rest.length);
      }
      yield first[x]! + name;
    }
  }
}

/** New names for `scope` and, below it, every nested function scope. */
function assign(scope: Scope, free: Set<string>, counts: Map<Scope, Map<string, number>>): void {
  // Names this scope (or anything nested in it) reaches outside itself.
  const avoid = new Set<string>(free);
  visitUses(scope, (at, name) => {
    const owner = resolve(at, name);
    if (owner && owner !== scope && !isInside(owner, scope)) avoid.add(owner.names.get(name)!);
  });
  const used = counts.get(scope) ?? new Map<string, number>();
  const order = [...scope.names.keys()].sort((a, b) => (used.get(b) ?? 0) - (used.get(a) ?? 0));
  const gen = candidates();
  for (const old of order) {
    let name = gen.next().value!;
    while (RESERVED.has(name) || avoid.has(name)) name = gen.next().value!;
    scope.names.set(old, name);
  }
  for (const c of scope.children) assign(c, free, counts);
}

function isInside(inner: Scope, outer: Scope): boolean {
  for (let s: Scope | null = inner; s; s = s.parent) if (s === outer) return true;
  return false;
}

// ── Scope building ──────────────────────────────────────────────────────

/** Adds what `s` declares to `scope` (var anywhere in the function body, function declarations). */
function declare(s: Stmt, scope: Scope): void {
  switch (s.k) {
    case "var":
      s.decls.forEach((d) => scope.names.set(d.name, d.name));
      break;
    case "func":
      scope.names.set(s.fn.name!, s.fn.name!);
      break;
    case "if":
      declare(s.then, scope);
      if (s.else) declare(s.else, scope);
      break;
    case "while":
    case "do":
    case "label":
      declare(s.body, scope);
      break;
    case "for":
      if (s.init) declare(s.init, scope);
      declare(s.body, scope);
      break;
    case "block":
      s.body.forEach((x) => declare(x, scope));
      break;
    case "switch":
      s.cases.forEach((c) => c.body.forEach((x) => declare(x, scope)));
      break;
    case "try":
      [...s.block, ...(s.handler ?? []), ...(s.finalizer ?? [])].forEach((x) => declare(x, scope));
      if (s.param) scope.names.set(s.param, s.param);
      break;
  }
}

function funcScope(fn: Func, parent: Scope): Scope {
  const scope: Scope = { parent, names: new Map(), uses: [], children: [] };
  parent.children.push(scope);
  fn.params.forEach((p) => scope.names.set(p, p));
  fn.body.forEach((s) => declare(s, scope));
  fn.body.forEach((s) => collect(s, scope));
  return scope;
}

/** Records uses in `s` and builds scopes for the functions in it (in the order `Renamer` walks: walkStmt's). */
function collect(s: Stmt, scope: Scope): void {
  walkStmt(
    s,
    (e) => {
      if (e.k === "id") scope.uses.push(e.name);
    },
    (fn) => funcScope(fn, scope),
  );
}

// ── Renaming (walks in the same order as `collect`, consuming child scopes) ──

class Cursor {
  readonly scope: Scope;
  private next = 0;
  constructor(scope: Scope) {
    this.scope = scope;
  }
  child(): Scope {
    return this.scope.children[this.next++]!;
  }
  name(old: string): string {
    const owner = resolve(this.scope, old);
    return owner ? owner.names.get(old)! : old;
  }
}

class Renamer {
  private readonly at: Cursor;
  constructor(at: Cursor) {
    this.at = at;
  }

  private func(fn: Func): Func {
    const scope = this.at.child();
    const inner = new Renamer(new Cursor(scope));
    return {
      name: fn.name === null ? null : this.at.name(fn.name),
      params: fn.params.map((p) => scope.names.get(p)!),
      body: fn.body.map((s) => inner.stmt(s)),
    };
  }

  stmt(s: Stmt): Stmt {
    const e = (x: Expr): Expr => this.expr(x);
    const st = (x: Stmt): Stmt => this.stmt(x);
    switch (s.k) {
      case "var":
        return { k: "var", decls: s.decls.map((d) => ({ name: this.at.name(d.name), init: d.init && e(d.init) })) };
      case "func":
        return { k: "func", fn: this.func(s.fn) };
      case "expr":
        return { k: "expr", expr: e(s.expr) };
      case "if":
        return { k: "if", test: e(s.test), then: st(s.then), else: s.else && st(s.else) };
      case "while":
        return { k: "while", test: e(s.test), body: st(s.body) };
      case "do": {
        const body = st(s.body);
        return { k: "do", body, test: e(s.test) };
      }
      case "for": {
        const init = s.init && st(s.init);
        const test = s.test && e(s.test);
        const update = s.update && e(s.update);
        return { k: "for", init, test, update, body: st(s.body) };
      }
      case "block":
        return { k: "block", body: s.body.map(st) };
      case "return":
        return { k: "return", arg: s.arg && e(s.arg) };
      case "throw":
        return { k: "throw", arg: e(s.arg) };
      case "label":
        return { k: "label", label: s.label, body: st(s.body) };
      case "switch": {
        const disc = e(s.disc);
        return { k: "switch", disc, cases: s.cases.map((c) => ({ test: c.test && e(c.test), body: c.body.map(st) })) };
      }
      case "try": {
        const block = s.block.map(st);
        const handler = s.handler && s.handler.map(st);
        const finalizer = s.finalizer && s.finalizer.map(st);
        return { k: "try", block, param: s.param && this.at.name(s.param), handler, finalizer };
      }
      default:
        return s;
    }
  }

  expr(x: Expr): Expr {
    const e = (y: Expr): Expr => this.expr(y);
    switch (x.k) {
      case "id":
        return { k: "id", name: this.at.name(x.name) };
      case "arr":
        return { k: "arr", items: x.items.map(e) };
      case "obj":
        return { k: "obj", props: x.props.map((p) => ({ key: p.key, value: e(p.value) })) };
      case "fn":
        return { k: "fn", fn: this.func(x.fn) };
      case "un":
        return { k: "un", op: x.op, arg: e(x.arg) };
      case "post":
        return { k: "post", op: x.op, arg: e(x.arg) };
      case "bin": {
        const left = e(x.left);
        return { k: "bin", op: x.op, left, right: e(x.right) };
      }
      case "assign": {
        const target = e(x.target);
        return { k: "assign", op: x.op, target, value: e(x.value) };
      }
      case "cond": {
        const test = e(x.test);
        const then = e(x.then);
        return { k: "cond", test, then, else: e(x.else) };
      }
      case "call":
      case "new": {
        const callee = e(x.callee);
        return { k: x.k, callee, args: x.args.map(e) };
      }
      case "dot":
        return { k: "dot", obj: e(x.obj), name: x.name };
      case "index": {
        const obj = e(x.obj);
        return { k: "index", obj, index: e(x.index) };
      }
      default:
        return x;
    }
  }
}
