/**
 * A future handed back unawaited, `return g(x)` (or an async arrow's body
 * `g(x)`), runs as `return await g(x)`: JavaScript adopts a returned
 * promise, and outside `try` the two are the same. Plan.collect asks
 * `adoptedAwait` for each such return before flattening, so the return
 * gets an await site like any written one; the emitter reads
 * `Plan.adopted`. Inside `try` they differ (JavaScript's catch would not
 * see g's error, and its finally would run before g ends), so there the
 * return stays as written and checkReturnedFuture (checks.ts) asks for
 * `return await`.
 *
 * Only calls known to make a future from their syntax alone (flattening
 * happens before calls are planned) are adopted: a module-level async
 * function, or an async method of `this`. Others are refused by the same
 * check, naming `return await`.
 */
import ts from "typescript";
import type { Plan } from "./plan.ts";
import { asyncNamed, isGenerator } from "./scan.ts";
import { unparen } from "./syntax.ts";
import { findMember } from "./types.ts";

/** A synthetic `await expr` standing where `expr` is returned from `holder` (a return statement, or the arrow), or null. */
export function adoptedAwait(p: Plan, holder: ts.Node, expr: ts.Expression): ts.AwaitExpression | null {
  if (p.fn.kind === "generator" || p.fn.kind === "asyncGenerator") return null;
  const call = unparen(expr);
  if (!ts.isCallExpression(call) || !makesFutureBySyntax(p, call) || insideTry(holder, p.body)) return null;
  const a = ts.setTextRange(ts.factory.createAwaitExpression(expr), expr);
  (a as { parent: ts.Node }).parent = holder;
  return a;
}

function makesFutureBySyntax(p: Plan, call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) {
    const fn = asyncNamed(p.file.mods, p.fn.module, callee.text);
    return fn !== null && fn !== undefined && !isGenerator(fn);
  }
  if (!ts.isPropertyAccessExpression(callee) || callee.expression.kind !== ts.SyntaxKind.ThisKeyword || !p.fn.owner?.name) return false;
  const decl = p.file.mods.named(p.fn.module, p.fn.owner.name.text);
  const member = decl ? findMember(p.file.mods, { name: decl.name, args: [], decl, nullable: false }, callee.name.text) : null;
  return member !== null && member.kind === "method" && member.isAsync && !member.isStatic;
}

function insideTry(n: ts.Node, body: ts.Node): boolean {
  for (let q = n.parent; q && q !== body.parent; q = q.parent) if (ts.isTryStatement(q)) return true;
  return false;
}
