/**
 * AssemblyScript has no closures (asc: `AS100: Not implemented:
 * Closures`): a sync function nested in another (an arrow, a function
 * expression, a nested function declaration) may not use the other's
 * locals or parameters, nor an arrow its method's `this`. TypeScript
 * accepts both, so `outpost check` finds them, at the place asc names:
 *
 *   function twice(base: i32): i32 { return apply((x: i32): i32 => x + base, 4); }
 *                                                                      ^ AS100 at `base`
 *   class Led { n: i32 = 0; m(): void { run((): void => { this.n++; }); } }
 *                                                               ^ AS100 at `n` (asc: TS2339 there)
 *
 * Async arrows and generators are not sync functions: the async lowering
 * turns them into objects whose fields hold what they capture (it reports
 * what it cannot capture itself). A `const` with a constant initializer is
 * not a capture either: asc inlines it.
 *
 * Called by restrictions.ts for each user file.
 */
import ts from "typescript";
import { atNode, type CheckDiagnostic } from "./diagnostic.ts";
import { isReference } from "../lower/index.ts";

type FunctionWithBody = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration
  | ts.ConstructorDeclaration | ts.GetAccessorDeclaration | ts.SetAccessorDeclaration;

function isFunctionWithBody(n: ts.Node): n is FunctionWithBody {
  return (ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n) || ts.isMethodDeclaration(n)
    || ts.isConstructorDeclaration(n) || ts.isGetAccessorDeclaration(n) || ts.isSetAccessorDeclaration(n)) && n.body !== undefined;
}

/** Lowered into an object by the async lowering (async functions and arrows, generators): it may capture. */
export function isLowered(fn: ts.Node): boolean {
  const async = ts.canHaveModifiers(fn) && (ts.getModifiers(fn) ?? []).some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
  return async || ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isMethodDeclaration(fn)) && fn.asteriskToken !== undefined);
}

/** The nearest function with a body around `n` (not `n` itself). */
export function enclosingFunction(n: ts.Node): FunctionWithBody | undefined {
  for (let p = n.parent; p; p = p.parent) if (isFunctionWithBody(p)) return p;
  return undefined;
}

/** An expression asc computes at compile time (literals and operators on them, other such consts). */
function isConstant(e: ts.Expression, checker: ts.TypeChecker, depth = 0): boolean {
  if (depth > 16) return false;
  if (ts.isNumericLiteral(e) || ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return true;
  if (e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword) return true;
  if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isTypeAssertionExpression(e)) return isConstant(e.expression, checker, depth + 1);
  if (ts.isPrefixUnaryExpression(e)) return isConstant(e.operand, checker, depth + 1);
  if (ts.isBinaryExpression(e)) return isConstant(e.left, checker, depth + 1) && isConstant(e.right, checker, depth + 1);
  if (ts.isIdentifier(e)) {
    const decl = checker.getSymbolAtLocation(e)?.valueDeclaration;
    return !!decl && ts.isVariableDeclaration(decl) && isInlinedConst(decl, checker, depth + 1);
  }
  return false;
}

function isInlinedConst(decl: ts.VariableDeclaration, checker: ts.TypeChecker, depth = 0): boolean {
  const list = decl.parent;
  return ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0
    && decl.initializer !== undefined && isConstant(decl.initializer, checker, depth);
}

/** True when the path from `from` up to (not including) `owner` crosses a sync function. */
function crossesSyncFunction(from: ts.Node, owner: ts.Node): boolean {
  for (let p = from.parent; p && p !== owner; p = p.parent) {
    if (isFunctionWithBody(p) && !isLowered(p)) return true;
  }
  return false;
}

const CAPTURE = (name: string) =>
  `"${name}" belongs to an enclosing function, and AssemblyScript has no closures (AS100): a nested sync function cannot use it; pass it as a parameter, or keep it in a module-level variable or a field`;
const CAPTURE_THIS = () =>
  "`this` of the enclosing method, used in an arrow function: AssemblyScript has no closures (AS100); pass the object as a parameter, or make the arrow a method";

/** A sync function using a local of a function around it. */
function captureOf(id: ts.Identifier, checker: ts.TypeChecker): boolean {
  if (!isReference(id)) return false;
  const decl = checker.getSymbolAtLocation(id)?.valueDeclaration;
  if (!decl || decl.getSourceFile() !== id.getSourceFile()) return false;
  if (!ts.isVariableDeclaration(decl) && !ts.isParameter(decl) && !ts.isBindingElement(decl)) return false;
  if (decl.name === id || (ts.isVariableDeclaration(decl) && isInlinedConst(decl, checker))) return false;
  const owner = ts.isParameter(decl) ? decl.parent : enclosingFunction(decl);
  if (!owner || !isFunctionWithBody(owner)) return false;
  return crossesSyncFunction(id, owner);
}

/** `this` in a sync arrow (any arrows between it and the method that owns `this`). */
function thisInArrow(node: ts.Node): boolean {
  let sync = false;
  for (let p = node.parent; p; p = p.parent) {
    if (ts.isArrowFunction(p)) {
      sync ||= !isLowered(p);
      continue;
    }
    if (isFunctionWithBody(p) || ts.isPropertyDeclaration(p) || ts.isClassLike(p) || ts.isSourceFile(p)) return sync && !ts.isSourceFile(p);
  }
  return false;
}

export function captures(sf: ts.SourceFile, checker: ts.TypeChecker): CheckDiagnostic[] {
  const out: CheckDiagnostic[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && captureOf(n, checker)) out.push(atNode(sf, n, "AS100", CAPTURE(n.text)));
    if (n.kind === ts.SyntaxKind.ThisKeyword && thisInArrow(n)) {
      // asc names the member read through `this` (TS2339), or `this` itself when it is used alone.
      const at = ts.isPropertyAccessExpression(n.parent) && n.parent.expression === n ? n.parent.name : n;
      out.push(atNode(sf, at, "AS100", CAPTURE_THIS()));
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}
