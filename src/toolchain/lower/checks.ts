/**
 * Mistakes with futures that would otherwise fail silently, found while
 * lowering (errors.ts has the messages):
 *
 * - ASYNC_DROPPED (error): a call whose future is thrown away, `work(1);`.
 *   Futures are lazy (they run when awaited, joined or selected), so such a
 *   call does nothing at all, in async code or out of it: calls of async
 *   functions and methods, and every call typed as a future (`uart.write(buf);`,
 *   an interface's `run(): Promise<void>`), also under `void`, in a comma
 *   expression, a `?:` branch or the right of `&&`, `||`, `??`.
 * - ASYNC_UNUSED (warning): a future kept in a variable that nothing reads.
 * - ASYNC_COUNT (warning): `await uart.write(buf);` whose byte count is
 *   thrown away: HAL reads and writes move what the device can take or
 *   has, maybe less than the range, so the rest is silently not moved.
 *
 * Spawning a task (`blink.spawn()`) returns the task, which is a future the
 * executor runs: never reported.
 */
import ts from "typescript";
import { messages } from "./errors.ts";
import type { FileCtx } from "./file.ts";
import type { Plan } from "./plan.ts";
import { asyncNamed, asyncMethod, scanOf } from "./scan.ts";
import { excerpt, isWrittenTo, promiseApi, unparen } from "./syntax.ts";
import { optionalChainMessage, startsChain } from "./sync-syntax.ts";
import { Typer } from "./typer.ts";
import { basesOf, findMember, futureValue, type Ty } from "./types.ts";
import { hasModifier, isHalFile, type Modules } from "./modules.ts";

/** Expression statements of an async body whose value is a future. */
export function checkDropped(p: Plan): void {
  const visit = (n: ts.Node) => {
    if (n !== p.body && ts.isFunctionLike(n)) return;
    if (ts.isExpressionStatement(n)) {
      for (const e of discarded(n.expression)) {
        if (ts.isCallExpression(e) && (makesFuture(p, e) || (isFutureType(p.file.mods, p.typer.typeOf(e)) && !fluent(p.typer, e, p.calls.has(e))))) {
          p.error(e, "ASYNC_DROPPED", messages.dropped(excerpt(e), true));
        }
        if (ts.isAwaitExpression(e)) {
          const io = partialIo(p, unparen(e.expression));
          if (io) p.file.warn(e, "ASYNC_COUNT", messages.countDropped(excerpt(e), io));
        }
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(p.body);
}

/**
 * `uart.write(…)` or `uart.read(…)` of the HAL's byte I/O, which moves
 * as many bytes as the device has room for or holds, maybe fewer than the
 * range: the count it resolves to says how many.
 */
function partialIo(p: Plan, e: ts.Expression): "read" | "write" | null {
  if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression)) return null;
  const name = e.expression.name.text;
  if (name !== "read" && name !== "write") return null;
  const recv = p.typer.typeOf(e.expression.expression);
  const member = recv ? findMember(p.file.mods, recv, name) : null;
  return member && member.kind === "method" && isHalFile(member.module.path) ? name : null;
}

/**
 * The parts of a statement's expression whose values nothing reads:
 * `void f()`, both sides of `a(), b()`, both branches of `c ? a() : b()`,
 * the right of `ok && f()` (the left is read as the condition).
 */
function discarded(e: ts.Expression): ts.Expression[] {
  e = unparen(e);
  if (ts.isVoidExpression(e)) return discarded(e.expression);
  if (ts.isConditionalExpression(e)) return [...discarded(e.whenTrue), ...discarded(e.whenFalse)];
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === ts.SyntaxKind.CommaToken) return [...discarded(e.left), ...discarded(e.right)];
    if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) return discarded(e.right);
  }
  return [e];
}

/**
 * `new C(…)` and array literals in async code: the code runs after init, so
 * each evaluation would allocate and stop the firmware (ALLOC_AFTER_INIT).
 * Refused where written instead, naming what to do. A `throw new E(…)` is
 * made at init (slots.ts), and `await new X()` has its own error; a sync
 * generator's body may run in main(), so it is not checked.
 */
export function checkAllocations(p: Plan): void {
  if (p.fn.kind === "generator") return;
  const visit = (n: ts.Node) => {
    if ((n !== p.body && ts.isFunctionLike(n)) || (ts.isCallExpression(n) && promiseApi(n))) return; // the Promise API has its own error
    if (ts.isArrayLiteralExpression(n)) {
      p.error(n, "ASYNC_SYNTAX", messages.arrayLiteral(excerpt(n)));
      return;
    }
    if (ts.isNewExpression(n) && !promiseApi(n) && !thrownOrAwaited(n)) {
      p.error(n, "ASYNC_SYNTAX", messages.newAfterInit(excerpt(n)));
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(p.body);
}

/**
 * A sync `function` declared inside async code: the body becomes a state
 * machine's poll function, where a nested declaration is neither hoisted
 * nor a closure AssemblyScript can make. Refused, naming the forms that work.
 */
export function checkNestedFunctions(p: Plan): void {
  const visit = (n: ts.Node) => {
    if (ts.isFunctionDeclaration(n) && n !== p.fn.node && !hasModifier(n, ts.SyntaxKind.AsyncKeyword) && n.name) {
      p.error(n.name, "ASYNC_SYNTAX", messages.nestedFunction(n.name.text));
      return;
    }
    if (n !== p.body && ts.isFunctionLike(n)) return;
    ts.forEachChild(n, visit);
  };
  visit(p.body);
}

function thrownOrAwaited(n: ts.Node): boolean {
  let parent = n.parent;
  while (ts.isParenthesizedExpression(parent)) parent = parent.parent;
  return ts.isThrowStatement(parent) || ts.isAwaitExpression(parent);
}

/**
 * `return g(x)` (or an async arrow's body `g(x)`) handing back a future
 * unawaited where adopt.ts does not run it as `return await g(x)`: inside
 * `try` (JavaScript's catch would not see g's error, and its finally would
 * run before g ends), or a future not known from its syntax to be one
 * (`return ch.receive()`). Refused, asking for `return await`.
 */
export function checkReturnedFuture(p: Plan): void {
  if (p.fn.kind === "generator" || p.fn.kind === "asyncGenerator") return;
  const check = (e: ts.Expression, arrow: boolean) => {
    const inner = unparen(e);
    if (ts.isAwaitExpression(inner)) return;
    const future = ts.isCallExpression(inner) ? makesFuture(p, inner) || isFutureType(p.file.mods, p.typer.typeOf(inner)) : isFutureType(p.file.mods, p.typer.typeOf(inner));
    if (future) p.error(e, "ASYNC_SYNTAX", messages.returnedFuture(excerpt(e), arrow));
  };
  if (!ts.isBlock(p.body)) {
    if (!p.adopted.has(p.fn.node)) check(p.body, true);
    return;
  }
  const visit = (n: ts.Node) => {
    if (n !== p.body && ts.isFunctionLike(n)) return;
    if (ts.isReturnStatement(n) && n.expression && !p.adopted.has(n)) check(n.expression, false);
    ts.forEachChild(n, visit);
  };
  visit(p.body);
}

/**
 * `join(uart.write(a), uart.write(b))`: two calls of one hand-written
 * future method on one object inside one combinator. Such a method hands
 * out the object's one future for that direction, so the second call would
 * take over the first: refused, naming both (BUSY at run time otherwise).
 */
export function checkSharedFutures(p: Plan): void {
  for (const [call, plan] of p.calls) {
    if (plan.kind !== "factory") continue;
    const seen = new Map<string, ts.CallExpression>();
    for (const arg of call.arguments) {
      let e = arg;
      e = unparen(e);
      if (!ts.isCallExpression(e) || makesFuture(p, e) || !ts.isPropertyAccessExpression(e.expression)) continue;
      const key = `${e.expression.expression.getText().replace(/\s+/g, "")}.${e.expression.name.text}`;
      const first = seen.get(key);
      if (first) p.error(e, "ASYNC_SYNTAX", messages.sharedFuture(excerpt(first), excerpt(e)));
      else seen.set(key, e);
    }
  }
}

/**
 * Sync code that throws, run inside a `try` with a `catch` in async code:
 * AssemblyScript has no exceptions, so its throw stops the firmware and
 * never reaches this catch. Refused, saying what to do instead, where the
 * build can tell: a call of a sync function or method (or of a sync arrow
 * held in a const or local), `super.m()`, a getter read or a setter
 * written, whose body throws or calls, by name, sync code that does (a
 * method reached through a base type whose override throws is not seen).
 */
export function checkSyncThrows(p: Plan): void {
  const visit = (n: ts.Node, inTry: boolean) => {
    if (n !== p.body && ts.isFunctionLike(n)) return;
    if (ts.isTryStatement(n) && n.catchClause) {
      visit(n.tryBlock, true);
      visit(n.catchClause, inTry);
      if (n.finallyBlock) visit(n.finallyBlock, inTry);
      return;
    }
    const thrower = inTry ? syncThrower(p, n) : null;
    if (thrower) p.error(n, "ASYNC_SYNTAX", messages.syncThrows(excerpt(n), thrower[0]!, thrower.slice(1)));
    // A sync generator's throw cannot reach its consumer either (next() carries no error): a panic at run time.
    const planned = inTry && ts.isCallExpression(n) ? p.calls.get(n) : undefined;
    if (planned?.kind === "frame" && planned.fn.kind === "generator" && throwsDirectly(planned.fn.node)) {
      p.error(n, "ASYNC_SYNTAX", messages.generatorThrows(excerpt(n), planned.fn.display));
    }
    ts.forEachChild(n, (c) => visit(c, inTry));
  };
  visit(p.body, false);
}

/**
 * A catch block that changes a field of the error it caught (`e.retries++`, `(e as E).n = 0`): the error is
 * the one object its throw site made at init, so the next throw from there would carry the change, where
 * JavaScript makes a new error each time. Refused, saying to copy the field.
 */
export function checkCaughtErrorWrites(p: Plan): void {
  const visit = (n: ts.Node, caught: Set<string>): void => {
    if (n !== p.body && ts.isFunctionLike(n) && hasModifier(n, ts.SyntaxKind.AsyncKeyword)) return;
    if (ts.isCatchClause(n)) {
      const name = n.variableDeclaration && ts.isIdentifier(n.variableDeclaration.name) ? n.variableDeclaration.name.text : null;
      const inner = new Set(caught);
      // A local of the same name in the block may hide the caught error: such a block is left alone.
      if (name && !declares(n.block, name)) inner.add(name);
      ts.forEachChild(n.block, (c) => visit(c, inner));
      return;
    }
    if ((ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n)) && isWrittenTo(n)) {
      let obj: ts.Expression = n.expression;
      while (ts.isParenthesizedExpression(obj) || ts.isAsExpression(obj) || ts.isNonNullExpression(obj) || ts.isTypeAssertionExpression(obj)) obj = obj.expression;
      if (ts.isIdentifier(obj) && caught.has(obj.text)) p.error(n.parent, "ASYNC_SYNTAX", messages.caughtErrorChanged(excerpt(n.parent as ts.Expression), obj.text));
    }
    ts.forEachChild(n, (c) => visit(c, caught));
  };
  visit(p.body, new Set());
}

/**
 * An async method overriding a base's, with another default for a parameter: a call through the base type
 * that leaves the argument out gets the base's default (the dispatcher fills it in, as AssemblyScript's
 * virtual calls do), where JavaScript would use the override's. Refused at the override's default.
 */
export function checkOverrideDefaults(p: Plan): void {
  const node = p.fn.node;
  const owner = p.fn.owner;
  if (p.fn.kind !== "method" || !ts.isMethodDeclaration(node) || !owner?.name || !ts.isIdentifier(node.name)) return;
  const decl = p.file.mods.named(p.fn.module, owner.name.text);
  if (!decl) return;
  for (const base of basesOf(p.file.mods, { name: decl.name, args: [], decl, nullable: false })) {
    const mem = findMember(p.file.mods, base, node.name.text);
    if (!mem || mem.kind !== "method" || !ts.isMethodDeclaration(mem.node)) continue;
    node.parameters.forEach((param, i) => {
      const theirs = (mem.node as ts.MethodDeclaration).parameters[i]?.initializer;
      if (param.initializer && theirs && param.initializer.getText() !== theirs.getText()) {
        p.error(param.initializer, "ASYNC_SYNTAX", messages.overrideDefault(param.name.getText(), param.initializer.getText(), `${base.name}.${node.name.getText()}`, theirs.getText()));
      }
    });
  }
}

/** `node` declares a variable, parameter or function named `name` somewhere inside (which hides the outer one there). */
function declares(node: ts.Node, name: string): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if ((ts.isVariableDeclaration(n) || ts.isParameter(n) || ts.isFunctionDeclaration(n)) && n.name && ts.isIdentifier(n.name) && n.name.text === name) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}


/**
 * JavaScript that AssemblyScript or Outpost has no counterpart for, each refused where it is written with
 * what to write instead (in async code asc's own error would name a generated field, or other checks would
 * ask for a type): optional chaining (`p?.read()`), and JavaScript's Promise API, awaited or not.
 */
export function checkJavaScriptOnly(p: Plan): void {
  // `x?: i32` without a default: AssemblyScript needs one (AS215); the frame's start would otherwise take fewer arguments than it is given.
  for (const param of ts.isFunctionLike(p.fn.node) ? p.fn.node.parameters : []) {
    if (param.questionToken && !param.initializer) p.error(param, "ASYNC_SYNTAX", messages.optionalParameter(excerpt(param)));
    if (param.initializer && p.file.isAsyncValue(param.initializer)) p.error(param.initializer, "ASYNC_SYNTAX", messages.asyncDefault(param.name.getText()));
  }
  const visit = (n: ts.Node): void => {
    // A nested async function or generator has its own plan; a sync arrow's body is this function's to check.
    if (n !== p.body && ts.isFunctionLike(n) && (hasModifier(n, ts.SyntaxKind.AsyncKeyword) || ("asteriskToken" in n && n.asteriskToken))) return;
    if (startsChain(n)) p.error(n.questionDotToken!, "ASYNC_SYNTAX", optionalChainMessage(n));
    const api = promiseApi(n);
    if (api) {
      p.error(n, "ASYNC_SYNTAX", messages.promiseApi(api));
      return; // its arguments (`r => setTimeout(r, 100)`) are the API's, not firmware
    }
    const method = promiseMethod(p.file, p.typer, n);
    if (method) {
      p.error(method, "ASYNC_SYNTAX", messages.promiseApi(`.${method.text}`));
      return;
    }
    if (namespacedAsyncValue(p, n)) {
      p.error(n, "ASYNC_SYNTAX", messages.namespacedAsyncValue(excerpt(n), (n as ts.PropertyAccessExpression).name.text));
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(p.body);
}

/** `lib.f` (through `import * as lib`) naming an async function, used as a value rather than called. */
function namespacedAsyncValue(p: Plan, n: ts.Node): boolean {
  if (!ts.isPropertyAccessExpression(n) || !ts.isIdentifier(n.expression)) return false;
  if (ts.isCallExpression(n.parent) && n.parent.expression === n) return false;
  const ns = p.file.mods.namespaceImport(p.fn.module, n.expression.text);
  const d = ns ? p.file.mods.exported(ns, n.name.text) : null;
  return !!d && scanOf(p.file.mods, d.module).byName.get(d.name)?.kind === "function";
}

/** `f().then(…)`, `.catch(…)`, `.finally(…)` on a future: the method's name, or null. */
function promiseMethod(file: FileCtx, typer: Typer, n: ts.Node): ts.Identifier | null {
  if (!ts.isCallExpression(n) || !ts.isPropertyAccessExpression(n.expression) || !PROMISE_METHODS.has(n.expression.name.text)) return null;
  const recv = unparen(n.expression.expression);
  const future = (ts.isCallExpression(recv) && callsAsync(file, typer, recv)) || isFutureType(file.mods, typer.typeOf(recv));
  return future && ts.isIdentifier(n.expression.name) ? n.expression.name : null;
}

const PROMISE_METHODS = new Set(["then", "catch", "finally"]);

/**
 * A sync arrow or function expression inside async code that calls an async function or method: the
 * arrow runs after init, so the call would make its future when the heap is sealed (ALLOC_AFTER_INIT),
 * and a future thrown away there would never run. Refused at the call, naming the forms that work.
 */
export function checkSyncClosures(p: Plan): void {
  const visit = (n: ts.Node, inSync: boolean): void => {
    if (n !== p.body && ts.isFunctionLike(n)) {
      if (hasModifier(n, ts.SyntaxKind.AsyncKeyword) || ("asteriskToken" in n && n.asteriskToken)) return; // its own plan
      inSync = true;
    }
    if (inSync && ts.isCallExpression(n) && callsAsync(p.file, p.typer, n)) {
      p.error(n, "ASYNC_SYNTAX", messages.futureInSyncClosure(excerpt(n)));
      return;
    }
    ts.forEachChild(n, (c) => visit(c, inSync));
  };
  visit(p.body, false);
}

/** Array methods that call a callback for each element and ignore what it returns (a future, from an async one). */
const ARRAY_CALLBACKS = new Set(["forEach", "map", "filter", "some", "every", "find", "findIndex", "findLast", "findLastIndex", "reduce", "reduceRight", "sort", "flatMap"]);

/**
 * `arr.forEach(async (x) => …)`: a standard-library method calling an async callback would drop each
 * future it returns (asc's own error names the generated closure class). Refused at the call, anywhere
 * in the file, unless the receiver's class is the firmware's own (its method may take an async function).
 */
export function checkAsyncCallbacks(file: FileCtx): void {
  if (!/\basync\b/.test(file.module.sf.text)) return;
  const typer = new Typer(file.mods, file.module, null, null);
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && ARRAY_CALLBACKS.has(n.expression.name.text)) {
      const callback = n.arguments.find((a) => {
        const f = unparen(a);
        return (ts.isArrowFunction(f) || ts.isFunctionExpression(f)) && hasModifier(f, ts.SyntaxKind.AsyncKeyword);
      });
      const recv = typer.typeOf(n.expression.expression);
      if (callback && !(recv && findMember(file.mods, recv, n.expression.name.text))) {
        file.error(callback, "ASYNC_SYNTAX", messages.asyncCallback(`${excerpt(n.expression)}(…)`, excerpt(n.expression.expression)));
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(file.module.sf);
}

/**
 * The sync code `n` (a call, a getter read, a setter write) runs that may throw: the names from the one `n`
 * runs to the one whose body throws; null when it does not throw, as far as the build can tell.
 */
function syncThrower(p: Plan, n: ts.Node): string[] | null {
  if (ts.isCallExpression(n) && !p.calls.has(n)) {
    const target = syncCallee(p, n);
    return target ? throwChain(p.file.mods, target.node, target.name, new Set()) : null;
  }
  const assigned = ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken ? n.left : null;
  const access = assigned ?? (ts.isPropertyAccessExpression(n) && !(ts.isCallExpression(n.parent) && n.parent.expression === n) && !isAssignedTo(n) ? n : null);
  if (!access || !ts.isPropertyAccessExpression(access)) return null;
  const owner = p.typer.typeOf(access.expression);
  const accessor = owner ? accessorOf(p.file.mods, owner, access.name.text, assigned ? ts.SyntaxKind.SetAccessor : ts.SyntaxKind.GetAccessor) : null;
  return accessor ? throwChain(p.file.mods, accessor, `${owner!.name}.${access.name.text} (a ${assigned ? "setter" : "getter"})`, new Set()) : null;
}

function isAssignedTo(e: ts.Expression): boolean {
  return ts.isBinaryExpression(e.parent) && e.parent.left === e && e.parent.operatorToken.kind === ts.SyntaxKind.EqualsToken;
}

/** The sync function (or arrow) a call in async code runs, with its name, or null. */
function syncCallee(p: Plan, call: ts.CallExpression): { node: ts.FunctionLikeDeclaration; name: string } | null {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) {
    const local = p.refOf.get(callee);
    if (local) return syncArrow(ts.isVariableDeclaration(local.decl) && !local.assigned ? local.decl.initializer : undefined, callee.text);
    const d = p.typer.declOf(callee);
    if (d?.kind === "function" && !hasModifier(d.node, ts.SyntaxKind.AsyncKeyword)) return { node: d.node as ts.FunctionDeclaration, name: callee.text };
    if (d?.kind === "var" && isConstDecl(d.variable)) return syncArrow(d.variable?.initializer, callee.text);
    return null;
  }
  if (!ts.isPropertyAccessExpression(callee)) return null;
  const isSuper = callee.expression.kind === ts.SyntaxKind.SuperKeyword;
  const target = isSuper ? null : p.typer.staticTarget(callee.expression);
  const owner: Ty | null = isSuper ? baseOfOwner(p) : target?.kind === "decl" ? { name: target.decl.name, args: [], decl: target.decl, nullable: false } : p.typer.typeOf(callee.expression);
  if (!owner) return null;
  const mem = findMember(p.file.mods, owner, callee.name.text, target?.kind === "decl");
  if (!mem || mem.kind !== "method" || mem.isAsync || !ts.isMethodDeclaration(mem.node) || !mem.node.body) return null;
  return { node: mem.node, name: `${owner.name}.${callee.name.text}` };
}

/** `e` if it is a sync arrow or function expression (in parentheses or not), named `name`. */
function syncArrow(e: ts.Expression | undefined, name: string): { node: ts.FunctionLikeDeclaration; name: string } | null {
  const f = e && unparen(e);
  return f && (ts.isArrowFunction(f) || ts.isFunctionExpression(f)) && !hasModifier(f, ts.SyntaxKind.AsyncKeyword) ? { node: f, name } : null;
}

function isConstDecl(d: ts.VariableDeclaration | undefined): boolean {
  return !!d && ts.isVariableDeclarationList(d.parent) && (d.parent.flags & ts.NodeFlags.Const) !== 0;
}

/** The base class of the class whose method `p` lowers (what `super` names there). */
function baseOfOwner(p: Plan): Ty | null {
  const owner = p.fn.owner;
  if (!owner?.name) return null;
  const decl = p.file.mods.named(p.fn.module, owner.name.text);
  return decl ? basesOf(p.file.mods, { name: decl.name, args: [], decl, nullable: false })[0] ?? null : null;
}

/** The getter or setter `name` of `t` or of a base, or null. */
function accessorOf(mods: Modules, t: Ty, name: string, kind: ts.SyntaxKind.GetAccessor | ts.SyntaxKind.SetAccessor, depth = 0): ts.AccessorDeclaration | null {
  if (!t.decl || t.decl.kind !== "class" || depth > 16) return null;
  for (const mem of (t.decl.node as ts.ClassDeclaration).members) {
    if (mem.kind === kind && ts.isIdentifier(mem.name!) && mem.name.text === name) return (mem as ts.AccessorDeclaration).body ? mem as ts.AccessorDeclaration : null;
  }
  for (const b of basesOf(mods, t)) {
    const found = accessorOf(mods, b, name, kind, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * `[name, …]` down to the sync function whose body throws, when `fn` (named `name`) throws or calls one
 * that does: a function, or a const arrow, named in its module, or `this.m()` in a method. Null otherwise.
 */
function throwChain(mods: Modules, fn: ts.FunctionLikeDeclaration, name: string, seen: Set<ts.Node>): string[] | null {
  if (seen.has(fn)) return null;
  seen.add(fn);
  if (throwsDirectly(fn)) return [name];
  const module = mods.get(fn.getSourceFile().fileName);
  const cls = ts.isClassLike(fn.parent) ? fn.parent : null;
  let found: string[] | null = null;
  const visit = (n: ts.Node): void => {
    if (found || (n !== fn && ts.isFunctionLike(n))) return;
    if (ts.isCallExpression(n)) {
      const callee = n.expression;
      let next: { node: ts.FunctionLikeDeclaration; name: string } | null = null;
      if (ts.isIdentifier(callee) && module && !declares(fn, callee.text)) {
        const d = mods.named(module, callee.text);
        if (d?.kind === "function" && !hasModifier(d.node, ts.SyntaxKind.AsyncKeyword)) next = { node: d.node as ts.FunctionDeclaration, name: callee.text };
        else if (d?.kind === "var" && isConstDecl(d.variable)) next = syncArrow(d.variable?.initializer, callee.text);
      } else if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword && cls) {
        const m = cls.members.find((x) => ts.isMethodDeclaration(x) && ts.isIdentifier(x.name) && x.name.text === callee.name.text && !!x.body);
        if (m && !hasModifier(m, ts.SyntaxKind.AsyncKeyword)) next = { node: m as ts.MethodDeclaration, name: `${cls.name?.text ?? "this"}.${callee.name.text}` };
      }
      const chain = next ? throwChain(mods, next.node, next.name, seen) : null;
      if (chain) found = [name, ...chain];
    }
    if (!found) ts.forEachChild(n, visit);
  };
  if (fn.body) visit(fn.body);
  return found;
}


function throwsDirectly(fn: ts.FunctionLikeDeclaration): boolean {
  let found = false;
  const visit = (n: ts.Node) => {
    if (found || (n !== fn && ts.isFunctionLike(n))) return;
    if (ts.isThrowStatement(n)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(fn);
  return found;
}

/** Locals initialised with a future that nothing refers to afterwards. */
export function checkUnused(p: Plan): void {
  for (const b of p.bindings) {
    if (b.isParam || b.refs.length || !ts.isVariableDeclaration(b.decl) || !b.decl.initializer) continue;
    let e = b.decl.initializer;
    e = unparen(e);
    if (ts.isCallExpression(e) && (makesFuture(p, e) || isFutureType(p.file.mods, p.typer.typeOf(e)))) {
      p.file.warn(b.decl, "ASYNC_UNUSED", messages.unused(b.name));
    }
  }
}

/** Futures thrown away outside async bodies (main(), sync helpers, module level). */
export function checkDroppedOutside(file: FileCtx): void {
  const lowered = file.scan.accepted;
  const typer = new Typer(file.mods, file.module, null, null);
  const visit = (n: ts.Node) => {
    if (lowered.has(n)) return;
    const method = promiseMethod(file, typer, n);
    if (method) file.error(method, "ASYNC_SYNTAX", messages.promiseApi(`.${method.text}`));
    if (ts.isExpressionStatement(n)) {
      for (const e of discarded(n.expression)) {
        if (!ts.isCallExpression(e)) continue;
        if (callsAsync(file, typer, e) || (isFutureType(file.mods, typer.typeOf(e)) && !fluent(typer, e, false))) {
          file.error(e, "ASYNC_DROPPED", messages.dropped(excerpt(e), false));
        }
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(file.module.sf);
}

/** The call runs an async function or method (its result is a lazy future). */
function callsAsync(file: FileCtx, typer: Typer, call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return asyncNamed(file.mods, file.module, callee.text) !== null;
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const target = typer.staticTarget(callee.expression);
  if (target?.kind === "module") {
    const d = file.mods.exported(target.module, callee.name.text);
    return !!d && scanOf(file.mods, d.module).byName.get(d.name)?.kind === "function";
  }
  if (target?.kind === "decl") {
    return target.decl.kind === "class" && asyncMethod(file.mods, target.decl.node as ts.ClassDeclaration, target.decl.module, callee.name.text, true) !== null;
  }
  const recv = typer.typeOf(callee.expression);
  const member = recv ? findMember(file.mods, recv, callee.name.text) : null;
  return !!member && member.kind === "method" && member.isAsync;
}

/**
 * `ticker.every(d);`, `timer.after(d);`: a method that returns its own
 * object configures or arms it for a later await of that object; the
 * statement drops nothing.
 */
function fluent(typer: Typer, call: ts.CallExpression, planned: boolean): boolean {
  if (!ts.isPropertyAccessExpression(call.expression) || planned) return false;
  const recv = typer.typeOf(call.expression.expression);
  const result = typer.typeOf(call);
  return !!recv && !!result && !!recv.decl && recv.decl === result.decl;
}

/** The call is planned as a future (an async call's frame, a dispatcher, a factory), not as formatted text. */
function makesFuture(p: Plan, call: ts.CallExpression): boolean {
  const plan = p.calls.get(call);
  return !!plan && plan.kind !== "format";
}

/** A future type, but not a task (spawn() hands back the task the executor runs). */
function isFutureType(mods: Modules, t: Ty | null): boolean {
  if (!t || futureValue(mods, t) === null) return false;
  return !extendsTask(mods, t);
}

function extendsTask(mods: Modules, t: Ty): boolean {
  if (t.name === "Task" && t.decl && /src\/runtime\/task\.ts$/.test(t.decl.module.path.replace(/\\/g, "/"))) return true;
  // A task's class extends Task; findMember reaches Task's own fields.
  return findMember(mods, t, "heapIndex") !== null && findMember(mods, t, "site") !== null;
}
