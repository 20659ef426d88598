/**
 * Folds the functions that do not run per event into a few dispatchers,
 * because on Espruino every function costs JsVars for as long as the
 * program runs — 4 and one per parameter, even when its code is in flash
 * (boards/espruino/README.md, "Where the time and the JsVars go") — while
 * a dispatcher costs that once for the functions it holds:
 *
 *   function f(a){A}            function G_cold0(G_k,G_p0,G_p1){switch(G_k){
 *   function g(b,c){B}    →       case 0:{A';return}
 *   … f(x) … g(y,z) …             case 1:{B'}}}
 *                               … G_cold0(0,x) … G_cold0(1,y,z) …
 *
 * (A' and B' are the bodies with their parameters renamed G_p0, G_p1, …
 * and their locals given names of their own; a body that can end without
 * `return` gets one, so it never falls into the next case.)
 *
 * Cold is what nothing run per event reaches: the caller names the hot
 * roots (the glue's entry, the firmware's poll and event) and the cold
 * roots the walk does not enter (the glue's panic path), and the
 * functions it must keep as they are (ABI exports a host calls by their
 * own name). A call through a dispatcher walks the cases before its own
 * (Espruino skips each braced case token by token), so only cold code
 * may pay it. Left alone: functions referenced other than by a call, ones
 * that use `arguments` or `this` or hold nested functions (whose scope
 * would become the dispatcher's), and groups of one.
 *
 * No dispatcher prints longer than the longest statement left as it was:
 * Espruino holds a top-level statement's text while it parses it, so the
 * upload's peak does not grow. Called by bundle.ts
 * before names are shortened; returns where each folded export went.
 */
import { type Expr, type Func, type Stmt, childStatements, id, mapStatements, mapStmt, num, walkStmt } from "./ast.ts";

export interface ColdOptions {
  /** Functions run per event (and all they reach, but through `coldRoots`). */
  hot: readonly string[];
  /** Functions the walk from `hot` does not enter: cold however they are reached. */
  coldRoots: ReadonlySet<string>;
  /** Functions that must stay as they are. */
  keep: ReadonlySet<string>;
  /** Characters each statement of the program prints to once names are shortened. */
  lengths: readonly number[];
}

export interface ColdResult {
  program: Stmt[];
  /** Folded function → its dispatcher and case. */
  folded: Map<string, { fn: string; k: number }>;
}

const KEY = "G_k";
const CASE = 16;
const param = (i: number): string => `G_p${i}`;

export function foldCold(program: Stmt[], options: ColdOptions): ColdResult {
  const funcs = new Map<string, Func>();
  for (const s of program) if (s.k === "func") funcs.set(s.fn.name!, s.fn);
  const { refs, asValue } = references(program);
  const hot = new Set<string>();
  const work = [...options.hot];
  while (work.length > 0) {
    const name = work.pop()!;
    if (hot.has(name) || options.coldRoots.has(name) || !funcs.has(name)) continue;
    hot.add(name);
    work.push(...(refs.get(name) ?? []));
  }
  const candidates = [...funcs.values()].filter(
    (f) => !hot.has(f.name!) && !asValue.has(f.name!) && !options.keep.has(f.name!) && foldable(f),
  );
  // No dispatcher longer than the longest statement kept: the upload's peak stays where it was.
  const size = new Map<Func, number>();
  let cap = 0;
  program.forEach((s, i) => {
    if (s.k === "func" && candidates.includes(s.fn)) size.set(s.fn, options.lengths[i]!);
    else cap = Math.max(cap, options.lengths[i]!);
  });
  const groups = pack(candidates, size, cap);
  const folded = new Map<string, { fn: string; k: number }>();
  const dispatchers = new Map<string, Stmt>(); // first member's name → its dispatcher
  groups.forEach((group, g) => {
    const fn = `G_cold${g}`;
    group.forEach((f, k) => folded.set(f.name!, { fn, k }));
    dispatchers.set(group[0]!.name!, dispatcher(fn, group));
  });
  const out: Stmt[] = [];
  for (const s of program) {
    if (s.k === "func" && folded.has(s.fn.name!)) {
      const d = dispatchers.get(s.fn.name!);
      if (d) out.push(d);
    } else out.push(s);
  }
  return { program: out.map((s) => redirectCalls(s, folded)), folded };
}

/** Names each top-level function mentions, and the names mentioned other than as a callee. */
function references(program: Stmt[]): { refs: Map<string, string[]>; asValue: Set<string> } {
  const refs = new Map<string, string[]>();
  const asValue = new Set<string>();
  for (const s of program) {
    const callees = new Set<Expr>();
    const names: string[] = [];
    walkStmt(s, (e) => {
      if (e.k === "call" && e.callee.k === "id") callees.add(e.callee);
      else if (e.k === "id") {
        names.push(e.name);
        if (!callees.has(e)) asValue.add(e.name);
      }
    });
    if (s.k === "func") refs.set(s.fn.name!, names);
  }
  return { refs, asValue };
}

function foldable(f: Func): boolean {
  let ok = true;
  for (const s of f.body) {
    walkStmt(
      s,
      (e) => {
        if ((e.k === "id" && e.name === "arguments") || (e.k === "lit" && e.text === "this")) ok = false;
      },
      () => {
        ok = false;
      },
    );
  }
  return ok;
}

/** First fit, largest first, into groups that print within `cap`; groups of one are dropped. */
function pack(candidates: Func[], sizes: Map<Func, number>, cap: number): Func[][] {
  const sized = candidates.map((f) => ({ f, size: sizes.get(f)! })).sort((a, b) => b.size - a.size);
  const bins: { fs: Func[]; size: number }[] = [];
  for (const { f, size } of sized) {
    // A case costs its `case k:{…return}`; the switch, its key and parameters about 40 more.
    const bin = bins.find((b) => b.size + size + CASE <= cap);
    if (bin) {
      bin.fs.push(f);
      bin.size += size + CASE;
    } else bins.push({ fs: [f], size: size + CASE + 40 });
  }
  return bins.filter((b) => b.fs.length > 1).map((b) => b.fs);
}

function dispatcher(name: string, group: Func[]): Stmt {
  const arity = Math.max(...group.map((f) => f.params.length));
  const cases = group.map((f, k) => {
    const body = renameLocals(f, `G_${k}_`);
    const last = body[body.length - 1];
    if (last?.k !== "return" && last?.k !== "throw") body.push({ k: "return", arg: null });
    return { test: num(k), body: [{ k: "block", body } as Stmt] };
  });
  return {
    k: "func",
    fn: { name, params: [KEY, ...Array.from({ length: arity }, (_, i) => param(i))], body: [{ k: "switch", disc: id(KEY), cases }] },
  };
}

/** `f`'s body with parameter i named G_p<i> and every local (var, catch) prefixed. */
function renameLocals(f: Func, prefix: string): Stmt[] {
  const names = new Map<string, string>(f.params.map((p, i) => [p, param(i)]));
  const declare = (s: Stmt): void => {
    if (s.k === "var") for (const d of s.decls) if (!names.has(d.name)) names.set(d.name, prefix + d.name);
    if (s.k === "try" && s.param && !names.has(s.param)) names.set(s.param, prefix + s.param);
    for (const c of childStatements(s)) declare(c);
  };
  f.body.forEach(declare);
  const to = (n: string): string => names.get(n) ?? n;
  const rename = (s: Stmt): Stmt => {
    const mapped = mapStmt(s, (e) => (e.k === "id" && names.has(e.name) ? id(to(e.name)) : e));
    return rebind(mapped, to);
  };
  return f.body.map(rename);
}

/** Renames the names `s` declares (mapStmt renames only uses). */
function rebind(s: Stmt, to: (n: string) => string): Stmt {
  return mapStatements(s, (x) => {
    if (x.k === "var") return { ...x, decls: x.decls.map((d) => ({ name: to(d.name), init: d.init })) };
    if (x.k === "try" && x.param) return { ...x, param: to(x.param) };
    return x;
  });
}

/** Every call of a folded function becomes a call of its dispatcher with its case first. */
function redirectCalls(s: Stmt, folded: Map<string, { fn: string; k: number }>): Stmt {
  return mapStmt(s, (e) => {
    if (e.k !== "call" || e.callee.k !== "id") return e;
    const to = folded.get(e.callee.name);
    return to ? { ...e, callee: id(to.fn), args: [num(to.k), ...e.args] } : e;
  });
}
