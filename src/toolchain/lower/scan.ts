/**
 * Finds what a module declares async, without lowering it: the information
 * other modules need to call into it (frame class names, value types) and
 * the lowering needs to plan a file.
 *
 * Forms recognised (all valid TypeScript):
 *
 *   export async function f(a: i32): Promise<i32> { … }          function
 *   export const g = async (a: i32): Promise<void> => { … };      function
 *   export const blink = task(2, async (p: Duration): Promise<void> => { … });
 *   export const blink2 = task(1, f);                              task over f
 *   class Uart2 implements Read { async read(…): Promise<i32> { … } }   method
 *
 * Generated names: `f$Future` (a function's frame), `blink$Task` and
 * `blink$Spawner` (a task), `Uart2$read` (a method's frame).
 */
import ts from "typescript";
import { isWritten, unparen } from "./syntax.ts";
import { hasModifier, type Module, type Modules } from "./modules.ts";
import { generatorTypes, isVoid, promiseValue, type Ty } from "./types.ts";

export type AsyncKind = "function" | "task" | "method" | "closure" | "generator" | "asyncGenerator";

export interface AsyncFn {
  kind: AsyncKind;
  /** Source name: function, task const, or method name. */
  name: string;
  /** How messages name it: `f`, `task blink`, `Uart2.read`. */
  display: string;
  module: Module;
  /** The async function itself (for a task over a named function: that function's node). */
  node: ts.FunctionDeclaration | ts.ArrowFunction | ts.MethodDeclaration | ts.FunctionExpression;
  /** The statement or class member the lowering replaces. */
  replaced: ts.Node;
  /** Generated class holding the state (frame). */
  frame: string;
  owner?: ts.ClassDeclaration;
  isStatic: boolean;
  exported: boolean;
  /** Tasks: pool size. */
  pool?: number;
  /** Tasks over a named async function: the function. */
  delegate?: AsyncFn;
  /** Tasks over a named function: the identifier naming it. */
  delegateRef?: ts.Identifier;
  /** What it resolves to (VOID for Promise<void>); null when not written as Promise<T>. */
  value: Ty | null;
  /** Closures: the function it is created in, or the instance field whose initial value it is (null at module level); its class is `name`. */
  creator?: ts.Node | null;
  /** Generators: what `return` gives (the value of `yield*`); VOID when nothing. `value` is the item type. */
  returns?: Ty | null;
}

export interface ScanProblem {
  node: ts.Node;
  message: "taskForm" | "taskSize" | "taskBody" | "taskResult" | "nestedAsync" | "asyncGenerator" | "defaultExport" | "namespaceAsync" | "anonymousClass";
}

export interface ModuleScan {
  fns: AsyncFn[];
  /** Free functions and tasks by local name. */
  byName: Map<string, AsyncFn>;
  /** Async methods by class node. */
  byClass: Map<ts.ClassDeclaration, AsyncFn[]>;
  /** Every async function-like node the scan accepted. */
  accepted: Set<ts.Node>;
  problems: ScanProblem[];
  /** True if the module declares anything async or mentions Promise<…>. */
  relevant: boolean;
}

const isAsync = (n: ts.Node) => hasModifier(n, ts.SyntaxKind.AsyncKeyword);

/** The async arrow `e` is (in parentheses or not), or null. */
export function asyncArrow(e: ts.Expression | undefined): ts.ArrowFunction | null {
  const inner = e && unparen(e);
  return inner && ts.isArrowFunction(inner) && isAsync(inner) ? inner : null;
}

interface Mentions {
  /** An `async` function, method or arrow. */
  async: boolean;
  /** That, a generator, or the name `Promise`. */
  relevant: boolean;
}

const mentioned = new WeakMap<Module, Mentions>();

/**
 * What `m`'s code (not its comments: hal/'s doc comments speak of async
 * traits) declares or names. A file that mentions none is left as written
 * without being walked: this is what keeps hal/ and its drivers out of the
 * lowering's work.
 */
export function mentions(m: Module): Mentions {
  let found = mentioned.get(m);
  if (found) return found;
  found = { async: false, relevant: false };
  // `function*`, and a generator method (`*steps()`), which the lowering refuses where it is written (`*` right
  // before the name: a doc comment's `* read(buf)` lines would otherwise walk every file).
  if (/\basync\b|\bPromise\b|\bfunction\s*\*|^\s*(?:(?:public|private|protected|static)\s+)*\*\w+\s*[(<]/m.test(m.text)) {
    const seen = found;
    const visit = (n: ts.Node): void => {
      if (ts.isIdentifier(n)) {
        if (n.text === "Promise") seen.relevant = true;
        return;
      }
      if ((ts.isFunctionLike(n) && "asteriskToken" in n && n.asteriskToken) || (ts.canHaveModifiers(n) && isAsync(n))) {
        seen.relevant = true;
        if (isAsync(n)) seen.async = true;
      }
      if (!seen.async) ts.forEachChild(n, visit);
    };
    visit(m.sf);
  }
  mentioned.set(m, found);
  return found;
}

function scanModule(mods: Modules, m: Module): ModuleScan {
  const scan: ModuleScan = {
    fns: [], byName: new Map(), byClass: new Map(), accepted: new Set(), problems: [],
    relevant: mentions(m).relevant,
  };
  if (!scan.relevant) return scan;
  const add = (fn: AsyncFn) => {
    scan.fns.push(fn);
    scan.accepted.add(fn.node);
    if (fn.kind !== "method") scan.byName.set(fn.name, fn);
  };
  const pendingTasks: Array<() => void> = [];
  for (const st of m.sf.statements) {
    const exported = hasModifier(st, ts.SyntaxKind.ExportKeyword);
    if (ts.isFunctionDeclaration(st) && (isAsync(st) || st.asteriskToken)) {
      if (!st.name || hasModifier(st, ts.SyntaxKind.DefaultKeyword)) {
        scan.problems.push({ node: st, message: "defaultExport" });
        continue;
      }
      if (st.asteriskToken) {
        // function* and async function*: the generator's object is an Iter<T> or a Stream<T> (generators.ts).
        const types = generatorTypes(mods, st.type, m);
        add({
          kind: isAsync(st) ? "asyncGenerator" : "generator", name: st.name.text, display: st.name.text, module: m, node: st, replaced: st,
          frame: st.name.text + "$Gen", isStatic: false, exported, value: types.yields, returns: types.returns,
        });
        continue;
      }
      add({
        kind: "function", name: st.name.text, display: st.name.text, module: m, node: st, replaced: st,
        frame: st.name.text + "$Future", isStatic: false, exported, value: promiseValue(mods, st.type, m),
      });
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const arrow = asyncArrow(d.initializer);
        // A `let` given another function later holds a value, as an arrow in a function does; one never assigned
        // again is a named async function, with a frame per call site.
        if (arrow && ts.isIdentifier(d.name) && ((st.declarationList.flags & ts.NodeFlags.Const) !== 0 || !assignedIn(m.sf, d.name.text))) {
          add({
            kind: "function", name: d.name.text, display: d.name.text, module: m, node: arrow, replaced: st,
            frame: d.name.text + "$Future", isStatic: false, exported, value: promiseValue(mods, arrow.type, m),
          });
          continue;
        }
        const init = d.initializer;
        if (init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === "task") {
          pendingTasks.push(() => scanTask(mods, m, scan, st, d, init, exported));
        }
      }
    } else if (ts.isClassDeclaration(st) && st.name) {
      const list: AsyncFn[] = [];
      for (const mem of st.members) {
        if (ts.isMethodDeclaration(mem) && mem.asteriskToken) {
          // Generator methods, async or not: not lowered (asc itself parses none).
          scan.problems.push({ node: mem, message: "asyncGenerator" });
          continue;
        }
        if (!ts.isMethodDeclaration(mem) || !isAsync(mem) || !ts.isIdentifier(mem.name)) continue;
        const isStatic = hasModifier(mem, ts.SyntaxKind.StaticKeyword);
        const fn: AsyncFn = {
          kind: isStatic ? "function" : "method", name: mem.name.text, display: `${st.name.text}.${mem.name.text}`,
          module: m, node: mem, replaced: mem, owner: st, isStatic, exported,
          frame: `${st.name.text}$${mem.name.text}`, value: promiseValue(mods, mem.type, m),
        };
        scan.fns.push(fn);
        scan.accepted.add(mem);
        list.push(fn);
      }
      if (list.length) scan.byClass.set(st, list);
    }
  }
  for (const t of pendingTasks) t();
  // Any other async function-like node is nested or inline: not supported.
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === "task" && !scan.fns.some((f) => f.kind === "task" && (f.replaced as ts.VariableStatement).declarationList.declarations[0]!.initializer === n)
      && !scan.problems.some((p) => p.node === n || p.node === n.arguments[0] || (p.message === "taskBody" && p.node === n.arguments[1]))) {
      const arrow = asyncArrow(n.arguments[1]);
      if (arrow) scan.accepted.add(arrow);
      scan.problems.push({ node: n, message: "taskForm" });
    }
    if (ts.isMethodDeclaration(n) && isAsync(n) && ts.isClassLike(n.parent) && !n.parent.name && !scan.problems.some((p) => p.node === n)) {
      scan.problems.push({ node: n, message: "anonymousClass" }); // its frames are named after the class
    } else if ((ts.isFunctionLike(n) && isAsync(n)) && !scan.accepted.has(n) && !scan.problems.some((p) => p.node === n) && inNamespace(n)) {
      // The lowering plans module-level code: a namespace's async functions, methods and arrows are not lowered.
      scan.problems.push({ node: n, message: "namespaceAsync" });
    } else if ((ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && isAsync(n) && !scan.accepted.has(n) && !scan.problems.some((p) => p.node === n)) {
      // An async arrow anywhere else is a closure: a value, created where it is written.
      scan.fns.push(closure(mods, m, n, scan.fns.filter((f) => f.kind === "closure").length));
      scan.accepted.add(n);
    } else if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) && isAsync(n) && !scan.accepted.has(n) && !scan.problems.some((p) => p.node === n)) {
      scan.problems.push({ node: n, message: "nestedAsync" });
    }
    ts.forEachChild(n, visit);
  };
  visit(m.sf);
  return scan;
}

/** An async arrow (or function expression) used as a value: class `name$fnN` (or `$fnN`), frame `…$Future`. */
function closure(mods: Modules, m: Module, n: ts.ArrowFunction | ts.FunctionExpression, index: number): AsyncFn {
  let p: ts.Node = n.parent;
  while (ts.isParenthesizedExpression(p)) p = p.parent;
  const named = ts.isVariableDeclaration(p) && ts.isIdentifier(p.name) ? p.name.text : null;
  const name = `${named ?? ""}$fn${index}`;
  const { line, character } = m.sf.getLineAndCharacterOfPosition(n.getStart(m.sf));
  const where = `${m.path.split(/[\\/]/).pop()}:${line + 1}:${character + 1}`;
  let creator: ts.Node | null = null;
  let owner: ts.ClassDeclaration | undefined;
  for (let q: ts.Node = n.parent; q; q = q.parent) {
    if (!creator && ts.isFunctionLike(q)) creator = q;
    // An instance field's initial value: its `this` is the object being made, its environment.
    if (!creator && ts.isPropertyDeclaration(q) && !ts.getModifiers(q)?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword)) creator = q;
    if (ts.isClassDeclaration(q)) {
      owner = q;
      break;
    }
  }
  return {
    kind: "closure", name, display: named ? `async arrow "${named}" (${where})` : `async arrow at ${where}`, module: m, node: n, replaced: n,
    frame: `${name}$Future`, owner, isStatic: false, exported: false, value: promiseValue(mods, n.type, m), creator,
  };
}

function scanTask(
  mods: Modules, m: Module, scan: ModuleScan, st: ts.VariableStatement, d: ts.VariableDeclaration,
  call: ts.CallExpression, exported: boolean,
): void {
  const topLevel = st.parent === m.sf && st.declarationList.declarations.length === 1 && ts.isIdentifier(d.name)
    && (st.declarationList.flags & ts.NodeFlags.Const) !== 0;
  const [sizeArg, bodyArg] = call.arguments;
  const arrow = asyncArrow(bodyArg);
  if (arrow) scan.accepted.add(arrow); // a task's body, or reported as a task problem: never as a nested async function
  if (!topLevel || !ts.isIdentifier(d.name)) {
    scan.problems.push({ node: call, message: "taskForm" });
    return;
  }
  const size = sizeArg && ts.isNumericLiteral(sizeArg) ? Number(sizeArg.text) : NaN;
  if (!Number.isInteger(size) || size < 1) {
    scan.problems.push({ node: sizeArg ?? call, message: "taskSize" });
    return;
  }
  const name = d.name.text;
  const base = {
    kind: "task" as const, name, display: `task ${name}`, module: m, replaced: st,
    frame: name + "$Task", isStatic: false, exported, pool: size,
  };
  if (arrow) {
    const fn: AsyncFn = { ...base, node: arrow, value: promiseValue(mods, arrow.type, m) };
    if (fn.value && !isVoid(fn.value)) scan.problems.push({ node: arrow.type ?? arrow, message: "taskResult" });
    scan.fns.push(fn);
    scan.byName.set(name, fn);
    return;
  }
  if (bodyArg && ts.isIdentifier(bodyArg)) {
    const target = scan.byName.get(bodyArg.text) ?? importedAsync(mods, m, bodyArg.text);
    if (target && target.kind === "function" && !target.owner) {
      const fn: AsyncFn = { ...base, node: target.node, delegate: target, delegateRef: bodyArg, value: target.value };
      if (fn.value && !isVoid(fn.value)) scan.problems.push({ node: bodyArg, message: "taskResult" });
      scan.fns.push(fn);
      scan.byName.set(name, fn);
      return;
    }
  }
  scan.problems.push({ node: bodyArg ?? call, message: "taskBody" });
}

/** `name` is written somewhere in `sf` (`name = …`, `name += …`), whatever scope the write is in. */
function assignedIn(sf: ts.SourceFile, name: string): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n) && n.text === name && isWritten(n)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

const scans = new WeakMap<Module, ModuleScan>();

/** `n` is inside a `namespace` (whose async code is refused: scanModule). */
function inNamespace(n: ts.Node): boolean {
  for (let a = n.parent; a; a = a.parent) if (ts.isModuleDeclaration(a)) return true;
  return false;
}

/** The scan of a module, computed once per parsed module. */
export function scanOf(mods: Modules, m: Module): ModuleScan {
  let s = scans.get(m);
  if (!s) {
    s = scanModule(mods, m);
    scans.set(m, s);
  }
  return s;
}

/** The async function an imported name refers to, if it is one. */
function importedAsync(mods: Modules, m: Module, local: string): AsyncFn | null {
  const imp = m.imports.get(local);
  if (!imp || imp.name === "*") return null;
  const target = mods.get(imp.from);
  if (!target) return null;
  const decl = mods.exported(target, imp.name);
  if (!decl) return null;
  const fn = scanOf(mods, decl.module).byName.get(decl.name);
  return fn && callable(fn) ? fn : null;
}

/** The async function `name` means in module `m` (own or imported), if any. */
export function asyncNamed(mods: Modules, m: Module, name: string): AsyncFn | null {
  const own = scanOf(mods, m).byName.get(name);
  if (own) return callable(own) ? own : null;
  return importedAsync(mods, m, name);
}

/** Called by name with a frame per call site: async functions and generators (not tasks). */
function callable(fn: AsyncFn): boolean {
  return fn.kind === "function" || fn.kind === "generator" || fn.kind === "asyncGenerator";
}

/** A `function*` or `async function*`. */
export function isGenerator(fn: AsyncFn | null | undefined): boolean {
  return !!fn && (fn.kind === "generator" || fn.kind === "asyncGenerator");
}

/** The async method `name` of a class declaration (static or not), if any. */
export function asyncMethod(mods: Modules, cls: ts.ClassDeclaration, m: Module, name: string, isStatic: boolean): AsyncFn | null {
  const list = scanOf(mods, m).byClass.get(cls) ?? [];
  return list.find((f) => f.name === name && f.isStatic === isStatic) ?? null;
}
