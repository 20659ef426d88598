/**
 * What TypeScript accepts and asc refuses, found by `outpost check` on the
 * TypeScript tree at the file:line:col asc reports (measured against asc
 * 0.28; test/check/agreement.test.ts builds them and compares):
 *
 *   AS100   a sync closure capturing a local or `this` (captures.ts);
 *           a union of two types (try in sync code: the lowering's, sync-syntax.ts)
 *   AS204   a nullable basic type (`i32 | null`)
 *   AS215   an optional parameter without a default
 *   AS219   an optional property
 *   TS1110  a function or method without a return type; `let x;`;
 *           an object type (`{ a: i32 }`)
 *   TS1003  destructuring            TS1109  a label
 *   TS1155  for…in                   TS2304  any, unknown, object, never, undefined
 *   TS2322  an enum member that is not a number
 *   TS2391  overload signatures
 *
 * asc stops at its parse errors (TS1xxx) before it reports the others; a
 * check reports them all at once. Async functions and generators are the
 * lowering's: constructs it implements there (try) or refuses with its own
 * error (labels, destructuring) are left to it.
 *
 * Called by check/typecheck.ts and the editor plugin, per user file.
 */
import ts from "typescript";
import { atNode, type CheckDiagnostic } from "./diagnostic.ts";
import { captures, enclosingFunction, isLowered } from "./captures.ts";
import { isReference } from "../lower/index.ts";

const say = {
  union: () => "a union of two types: AssemblyScript has none (AS100); use a base class or an interface both implement",
  nullable: (t: string) => `\`${t}\` is a basic type and cannot be null in AssemblyScript (AS204): use a sentinel value (-1) or a separate bool`,
  optionalParameter: (n: string) => `parameter "${n}" is optional without a default, which AssemblyScript refuses (AS215): give it one (\`${n}: i32 = 0\`)`,
  optionalProperty: (n: string) => `optional property "${n}": AssemblyScript has none (AS219); make it nullable (\`${n}: Foo | null = null\`) or give it a default`,
  returnType: () => "AssemblyScript needs the return type written here (TS1110 Type expected): add `: void`, `: i32`, …",
  untyped: (n: string) => `"${n}" has neither a type nor an initializer, which AssemblyScript refuses (TS1110 Type expected): write \`${n}: i32\``,
  objectType: () => "an object type: AssemblyScript has none (TS1110 Type expected); declare a class with these fields",
  destructuring: () => "destructuring is not supported by AssemblyScript (TS1003): declare one variable per value",
  label: () => "labeled statements are not supported (AssemblyScript has no labels; TS1109): use a flag, or move the loop into a function and return",
  forIn: () => "for…in is not supported by AssemblyScript (TS1155): loop by index, or over a Map's keys()",
  keywordType: (t: string) => `AssemblyScript has no \`${t}\` (TS2304 Cannot find name): write the type (i32, bool, a class, …)`,
  undefinedValue: () => "AssemblyScript has no `undefined` (TS2304 Cannot find name): use null for a reference, or a sentinel value for a number",
  enumValue: () => "an enum member of AssemblyScript is an integer (TS2322): use a number, or module-level string constants",
  overload: () => "AssemblyScript has no overloads (TS2391): write one signature (with defaults), or functions with different names",
};

const KEYWORD_TYPES = new Map<ts.SyntaxKind, string>([
  [ts.SyntaxKind.AnyKeyword, "any"], [ts.SyntaxKind.UnknownKeyword, "unknown"], [ts.SyntaxKind.ObjectKeyword, "object"],
  [ts.SyntaxKind.NeverKeyword, "never"], [ts.SyntaxKind.UndefinedKeyword, "undefined"],
]);

/** Inside an async function or generator: the lowering's part of the tree. */
function inLowered(n: ts.Node): boolean {
  for (let fn = enclosingFunction(n); fn; fn = enclosingFunction(fn)) if (isLowered(fn)) return true;
  return false;
}

function isNullType(t: ts.TypeNode): boolean {
  return ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword;
}

/** A diagnostic at offset `pos` (a zero-width place, as asc's "expected" errors are). */
function atOffset(sf: ts.SourceFile, pos: number, code: string, message: string): CheckDiagnostic {
  const { line, character } = sf.getLineAndCharacterOfPosition(pos);
  return { severity: "error", code, message, file: sf.fileName, line: line + 1, column: character + 1, length: 1 };
}

function closeParenEnd(fn: ts.SignatureDeclaration, sf: ts.SourceFile): number {
  const paren = fn.getChildren(sf).find((c) => c.kind === ts.SyntaxKind.CloseParenToken);
  return paren ? paren.getEnd() : fn.parameters.end;
}

function unionProblem(u: ts.UnionTypeNode, sf: ts.SourceFile, checker: ts.TypeChecker): CheckDiagnostic | null {
  const members = u.types.filter((t) => !isNullType(t));
  if (members.length > 1) return atNode(sf, members[1]!, "AS100", say.union());
  if (members.length === 1 && members.length < u.types.length) {
    const t = checker.getTypeFromTypeNode(members[0]!);
    if (t.flags & (ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike | ts.TypeFlags.BigIntLike)) {
      return atNode(sf, u, "AS204", say.nullable(members[0]!.getText(sf)));
    }
  }
  return null;
}

/** A signature without a body followed by another of the same function: an overload. */
function isOverload(n: ts.FunctionDeclaration | ts.MethodDeclaration): boolean {
  if (n.body || (ts.getCombinedModifierFlags(n) & (ts.ModifierFlags.Ambient | ts.ModifierFlags.Abstract))) return false;
  if (ts.isMethodDeclaration(n) && !ts.isClassLike(n.parent)) return false;
  const siblings: readonly ts.Node[] = ts.isClassLike(n.parent) ? n.parent.members : ts.isSourceFile(n.parent) || ts.isModuleBlock(n.parent) || ts.isBlock(n.parent) ? n.parent.statements : [];
  const next = siblings[siblings.indexOf(n) + 1];
  return !!next && next.kind === n.kind && (next as ts.FunctionDeclaration).name?.getText() === n.name?.getText();
}

/** A function expression a variable or field without a type holds: the lowering refuses it, with the annotation to write (lower/sync-syntax.ts). */
function keptInVariable(n: ts.Node): boolean {
  let p = n.parent;
  while (ts.isParenthesizedExpression(p)) p = p.parent;
  return (ts.isVariableDeclaration(p) || ts.isPropertyDeclaration(p)) && !p.type && p.initializer !== undefined;
}

function nodeProblems(n: ts.Node, sf: ts.SourceFile, checker: ts.TypeChecker, out: CheckDiagnostic[]): void {
  if (ts.isUnionTypeNode(n)) {
    const p = unionProblem(n, sf, checker);
    if (p) out.push(p);
  } else if (ts.isParameter(n) && n.questionToken && !n.initializer && ts.isIdentifier(n.name)) {
    const fn = n.parent;
    if ((ts.isFunctionLike(fn) && "body" in fn && fn.body) || ts.isConstructorDeclaration(fn)) out.push(atNode(sf, n.name, "AS215", say.optionalParameter(n.name.text)));
  } else if ((ts.isPropertySignature(n) || ts.isPropertyDeclaration(n)) && n.questionToken) {
    out.push(atNode(sf, n.name, "AS219", say.optionalProperty(n.name.getText(sf))));
  } else if ((ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isMethodDeclaration(n) || ts.isGetAccessorDeclaration(n))
    && n.body && !n.type && !isLowered(n) && !keptInVariable(n)) {
    out.push(atOffset(sf, closeParenEnd(n, sf), "TS1110", say.returnType()));
  } else if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && !n.type && !n.initializer
    && !ts.isForInStatement(n.parent.parent) && !ts.isForOfStatement(n.parent.parent) && !ts.isCatchClause(n.parent) && !(ts.getCombinedModifierFlags(n) & ts.ModifierFlags.Ambient)) {
    out.push(atOffset(sf, n.name.getEnd(), "TS1110", say.untyped(n.name.text)));
  } else if (ts.isTypeLiteralNode(n)) out.push(atNode(sf, n, "TS1110", say.objectType()));
  else if ((ts.isArrayBindingPattern(n) || ts.isObjectBindingPattern(n)) && !inLowered(n)) {
    // asc names the declaration's `const`/`let`, where it gives up.
    const list = ts.isVariableDeclaration(n.parent) ? n.parent.parent : n;
    out.push(atNode(sf, list, "TS1003", say.destructuring()));
  }
  // `a?.b` is the lowering's to refuse, in every file (lower/sync-syntax.ts): the check shows its error.
  else if (ts.isLabeledStatement(n) && !inLowered(n)) out.push(atOffset(sf, n.label.getEnd(), "TS1109", say.label()));
  else if (ts.isForInStatement(n)) {
    const init = n.initializer;
    const at = ts.isVariableDeclarationList(init) && init.declarations[0] ? init.declarations[0].name : init;
    out.push(atNode(sf, at, "TS1155", say.forIn()));
  } else if (KEYWORD_TYPES.has(n.kind)) out.push(atNode(sf, n, "TS2304", say.keywordType(KEYWORD_TYPES.get(n.kind)!)));
  else if (ts.isIdentifier(n) && n.text === "undefined" && isReference(n) && !checker.getSymbolAtLocation(n)?.declarations?.length) {
    out.push(atNode(sf, n, "TS2304", say.undefinedValue()));
  } else if (ts.isEnumMember(n) && n.initializer && checker.getTypeAtLocation(n.initializer).flags & ts.TypeFlags.StringLike) {
    out.push(atNode(sf, n.initializer, "TS2322", say.enumValue()));
  } else if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) && isOverload(n)) {
    const end = n.getEnd();
    out.push(atOffset(sf, sf.text[end - 1] === ";" ? end - 1 : end, "TS2391", say.overload()));
  }
}

/** Every restriction in one user file. */
export function restrictions(sf: ts.SourceFile, checker: ts.TypeChecker): CheckDiagnostic[] {
  const out: CheckDiagnostic[] = captures(sf, checker);
  const visit = (n: ts.Node): void => {
    nodeProblems(n, sf, checker, out);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}
