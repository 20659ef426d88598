/**
 * Syntax helpers shared by the planning and emitting steps.
 */
import ts from "typescript";

export function containsAwait(n: ts.Node): boolean {
  let found = false;
  const visit = (c: ts.Node) => {
    if (found || ts.isFunctionLike(c)) return;
    // A suspension point: an await, a for await, or a generator's yield.
    if (ts.isAwaitExpression(c) || ts.isYieldExpression(c) || (ts.isForOfStatement(c) && c.awaitModifier)) found = true;
    else ts.forEachChild(c, visit);
  };
  visit(n);
  return found;
}

export function isStatementLike(n: ts.Node): boolean {
  return ts.isStatement(n) || ts.isBlock(n) || ts.isCaseClause(n) || ts.isDefaultClause(n);
}

export function isInside(inner: ts.Node, outer: ts.Node): boolean {
  for (let p: ts.Node | undefined = inner; p; p = p.parent) if (p === outer) return true;
  return false;
}

/** The loop or switch a break/continue leaves (labels are rejected elsewhere). */
export function jumpTarget(n: ts.BreakStatement | ts.ContinueStatement): ts.Node | null {
  for (let p = n.parent; p; p = p.parent) {
    if (ts.isFunctionLike(p)) return null;
    if (ts.isIterationStatement(p, false)) return p;
    if (ts.isBreakStatement(n) && ts.isSwitchStatement(p)) return p;
  }
  return null;
}

/** The identifier is written: the target of an assignment or of ++/--. */
export function isWritten(id: ts.Identifier): boolean {
  let n: ts.Node = id;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (ts.isBinaryExpression(p) && p.left === n) {
    return isAssignmentOperator(p.operatorToken.kind);
  }
  if (ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) {
    return p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken;
  }
  return false;
}

/** Identifier in a position that reads a variable (not a property name, type, or declaration name). */
export function isReference(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  if (ts.isQualifiedName(p)) return false;
  if ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p) || ts.isPropertySignature(p)
    || ts.isMethodSignature(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p) || ts.isEnumMember(p)) && p.name === id) return false;
  if ((ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isFunctionDeclaration(p) || ts.isClassDeclaration(p)
    || ts.isFunctionExpression(p) || ts.isTypeParameterDeclaration(p)) && p.name === id) return false;
  if (ts.isBreakOrContinueStatement(p) || ts.isLabeledStatement(p)) return false;
  if (ts.isImportSpecifier(p) || ts.isExportSpecifier(p) || ts.isNamespaceImport(p)) return false;
  return true;
}

/** `e` is assigned to or incremented (`e = …`, `e += …`, `e++`), not only read. */
export function isWrittenTo(e: ts.Expression): boolean {
  const p = e.parent;
  if (ts.isBinaryExpression(p)) {
    return p.left === e && isAssignmentOperator(p.operatorToken.kind);
  }
  if (ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) {
    return p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken;
  }
  return false;
}

export function excerpt(n: ts.Node): string {
  const t = n.getText().replace(/\s+/g, " ");
  return t.length > 48 ? t.slice(0, 45) + "…" : t;
}

/** `e` without the parentheses around it. */
export function unparen(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  return e;
}

/** `new Promise(…)`, `Promise.all(…)` and the like: the name of the Promise API `e` uses, or null. */
export function promiseApi(e: ts.Node): string | null {
  if (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === "Promise") return "new Promise";
  const callee = ts.isCallExpression(e) ? e.expression : null;
  return callee && ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === "Promise"
    ? `Promise.${callee.name.text}` : null;
}

/** `=`, `+=`, `&&=` and the other assignments. */
export function isAssignmentOperator(op: ts.SyntaxKind): boolean {
  return op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment;
}
