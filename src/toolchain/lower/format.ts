/**
 * Strings built in async code, without allocating. A template literal or a
 * string concatenation allocates a new string, which after init is an
 * ALLOC_AFTER_INIT panic: async bodies always run after init, so the
 * lowering rewrites the two places text is built for, and refuses the rest
 * at build time (errors.ts: `stringBuilt`):
 *
 *   log.info(`count ${n} of ${total}`)    → $log0(n, total)
 *       function $log0(a0: i32, a1: i32): void {
 *         $textBegin(); textLiteral("count "); $textInt(a0); textLiteral(" of "); $textInt(a1); $logBuilt(3);
 *       }
 *   out.str("LED " + name + "\r\n")      → out.str("LED ").str(name).str("\r\n")   (a ByteBuf)
 *
 * Pieces: string literals (stored once, as every message literal is),
 * strings, integers (decimal, or `n.toString(radix)`'s digits), bool (`true`/`false`), floats (as
 * AssemblyScript's toString writes them, so as the sync code beside it
 * would: `21.5`, `21.0`). The pieces are evaluated left to right, as the
 * concatenation would have been.
 */
import ts from "typescript";
import { messages } from "./errors.ts";
import type { Plan } from "./plan.ts";
import { excerpt, unparen } from "./syntax.ts";
import { isVoid, VOID, type Ty } from "./types.ts";

const LEVELS: Record<string, number> = { error: 1, warn: 2, info: 3, debug: 4 }; // LogLevel in src/runtime/log.ts
const INTEGERS = new Set(["i8", "u8", "i16", "u16", "i32", "u32", "i64", "isize", "usize"]);

/** A piece of text: a literal, or a value; an integer's `radix` is the argument of its `toString(radix)`. */
type Piece = { literal: string } | { expr: ts.Expression; kind: Kind; radix?: ts.Expression };
/** How a value is written: `nstring` is a `string | null` (JavaScript writes null as "null"), `uint` a u64. */
type Kind = "string" | "nstring" | "int" | "uint" | "bool" | "float";

/** A template literal with substitutions, or a `+` whose left or right side is a string. */
export function isStringBuild(p: Plan, e: ts.Expression): boolean {
  e = unparen(e);
  if (ts.isTemplateExpression(e)) return true;
  if (!ts.isBinaryExpression(e)) return false;
  const op = e.operatorToken.kind;
  if (op !== ts.SyntaxKind.PlusToken && op !== ts.SyntaxKind.PlusEqualsToken) return false;
  return isString(p, e.left) || isString(p, e.right);
}

function isString(p: Plan, e: ts.Expression): boolean {
  e = unparen(e);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) || ts.isTemplateExpression(e)) return true;
  if (isStringBuild(p, e)) return true;
  const t = p.typer.typeOf(e);
  return !!t && t.name === "string" && !t.decl;
}

/** The pieces of a string being built, left to right; null (after an error) if one cannot be formatted. */
function pieces(p: Plan, e: ts.Expression): Piece[] | null {
  e = unparen(e);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [{ literal: e.text }];
  if (ts.isTemplateExpression(e)) {
    const out: Piece[] = [{ literal: e.head.text }];
    for (const span of e.templateSpans) {
      // A string built inside (`${`inner ${n}`}`, `${"a" + b}`) is written piece by piece too.
      const inner = isStringBuild(p, span.expression) ? pieces(p, span.expression) : asList(value(p, span.expression));
      if (!inner) return null;
      out.push(...inner, { literal: span.literal.text });
    }
    return out.filter((x) => !("literal" in x) || x.literal !== "");
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken && (isString(p, e.left) || isString(p, e.right))) {
    // Left-associative: `1 + 2 + "a"` adds the numbers first, so only a string-valued left side is split.
    const left = isString(p, e.left) ? pieces(p, e.left) : asList(value(p, e.left));
    const right = isString(p, e.right) && !ts.isBinaryExpression(e.right) ? pieces(p, e.right) : asList(value(p, e.right));
    return left && right ? [...left, ...right] : null;
  }
  return asList(value(p, e));
}

function asList(piece: Piece | null): Piece[] | null {
  return piece ? [piece] : null;
}

/** One value inside the string: its kind decides how it is written. */
function value(p: Plan, e: ts.Expression): Piece | null {
  let inner = e;
  inner = unparen(inner);
  if (ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner)) return { literal: inner.text };
  // `n.toString()` / `String(n)` of an integer or a float: the number itself (the conversion would allocate).
  const converted = ts.isCallExpression(inner) && inner.arguments.length === 0 && ts.isPropertyAccessExpression(inner.expression) && inner.expression.name.text === "toString"
    ? inner.expression.expression
    : ts.isCallExpression(inner) && ts.isIdentifier(inner.expression) && inner.expression.text === "String" && inner.arguments.length === 1 ? inner.arguments[0]! : null;
  const convertedKind = converted ? kindOf(p.typer.typeOf(converted)) : null;
  if (converted && (convertedKind === "int" || convertedKind === "uint" || convertedKind === "float")) return { expr: converted, kind: convertedKind };
  // `n.toString(16)` of an integer: its digits in that base, as AssemblyScript writes them.
  if (ts.isCallExpression(inner) && inner.arguments.length === 1 && ts.isPropertyAccessExpression(inner.expression) && inner.expression.name.text === "toString") {
    const receiver = inner.expression.expression;
    const kind = kindOf(p.typer.typeOf(receiver));
    if ((kind === "int" || kind === "uint") && kindOf(p.typer.typeOf(inner.arguments[0]!)) === "int") return { expr: receiver, kind, radix: inner.arguments[0]! };
    if (kind === "float") {
      p.error(inner, "ASYNC_TYPE", messages.floatRadix(excerpt(inner), excerpt(receiver)));
      return null;
    }
  }
  // A string built deeper inside (`${on ? `at ${n}` : "off"}`) would allocate when it runs.
  const built = stringBuildIn(p, inner);
  if (built) {
    p.error(built, "ASYNC_SYNTAX", messages.stringBuilt(excerpt(built)));
    return null;
  }
  const t = p.typer.typeOf(e);
  const kind = kindOf(t);
  if (kind === null) {
    p.error(e, "ASYNC_TYPE", t === null ? messages.stringPieceUnknown(excerpt(e)) : messages.stringPieceType(excerpt(e), p.file.render(t) ?? t.name));
    return null;
  }
  return { expr: e, kind };
}

/** The first string build inside `e` (not in a nested function), if any. */
function stringBuildIn(p: Plan, e: ts.Node): ts.Node | null {
  let found: ts.Node | null = null;
  const visit = (n: ts.Node): void => {
    if (found || ts.isFunctionLike(n)) return;
    if (ts.isExpression(n) && isStringBuild(p, n)) found = n;
    else ts.forEachChild(n, visit);
  };
  ts.forEachChild(e, visit);
  return found;
}

function kindOf(t: Ty | null): Kind | null {
  if (!t || t.decl) return null;
  if (t.name === "string") return t.nullable ? "nstring" : "string";
  if (t.nullable) return null;
  if (t.name === "u64") return "uint";
  if (t.name === "bool" || t.name === "boolean") return "bool";
  if (t.name === "f64" || t.name === "f32" || t.name === "number") return "float";
  return INTEGERS.has(t.name) ? "int" : null;
}

/**
 * `log.<level>(x)` where x builds a string: a formatter function for this
 * call site (returned with the expressions it takes, left to right), or
 * null if the call is something else.
 */
export function logFormat(p: Plan, call: ts.CallExpression): { fn: string; parts: ts.Expression[]; ty: Ty } | null {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression) || call.arguments.length !== 1) return null;
  const level = LEVELS[callee.name.text];
  if (level === undefined || !isRuntimeLog(p, callee.expression) || !isStringBuild(p, call.arguments[0]!)) return null;
  const list = pieces(p, call.arguments[0]!);
  if (!list) {
    p.consumedStrings.add(call.arguments[0]!); // its piece was reported: not also as a string build
    return null;
  }
  const file = p.file;
  const params: string[] = [];
  const checks: string[] = [];
  const body: string[] = [`${file.textName("textBegin")}();`];
  const parts: ts.Expression[] = [];
  for (const piece of list) {
    if ("literal" in piece) {
      body.push(`textLiteral(${JSON.stringify(piece.literal)});`);
      continue;
    }
    const a = `a${parts.length}`;
    parts.push(piece.expr);
    const t = p.typer.typeOf(piece.expr)!;
    params.push(`${a}: ${t.name}${t.nullable ? " | null" : ""}`);
    if (piece.radix) {
      // The radix is evaluated after its integer, as the call would; checked before the message begins.
      const r = `a${parts.length}`;
      parts.push(piece.radix);
      params.push(`${r}: i32`);
      checks.push(`${file.textName("checkRadix")}(${r});`);
      body.push(piece.kind === "uint" ? `${file.textName("textRadixUnsigned")}(${a}, ${r});` : `${file.textName("textRadix")}(<i64>${a}, ${r});`);
    } else if (piece.kind === "string") body.push(`${file.textName("textString")}(${a});`);
    else if (piece.kind === "nstring") body.push(`if (${a} === null) textLiteral("null"); else ${file.textName("textString")}(${a}!);`);
    else if (piece.kind === "int") body.push(`${file.textName("textInt")}(<i64>${a});`);
    else if (piece.kind === "uint") body.push(`${file.textName("textUnsigned")}(${a});`);
    else if (piece.kind === "float") body.push(`${file.textName("textFloat")}<${t.name === "f32" ? "f32" : "f64"}>(${a});`);
    else body.push(`if (${a}) textLiteral("true"); else textLiteral("false");`);
  }
  body.push(`${file.logBuiltName()}(${level});`);
  const fn = file.moduleFunction("$log", `(${params.join(", ")}): void { ${[...checks, ...body].join(" ")} }`);
  return { fn, parts, ty: VOID };
}

/** `buf.str(x)` on a ByteBuf, where x builds a string: the appends it becomes (see the file comment). */
export function bufFormat(p: Plan, call: ts.CallExpression): { parts: ts.Expression[]; render: (receiver: string, values: string[]) => string; ty: Ty } | null {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== "str" || call.arguments.length !== 1) return null;
  const recv = p.typer.typeOf(callee.expression);
  if (!recv || recv.name !== "ByteBuf" || !isStringBuild(p, call.arguments[0]!)) return null;
  const list = pieces(p, call.arguments[0]!);
  if (!list) {
    p.consumedStrings.add(call.arguments[0]!); // its piece was reported: not also as a string build
    return null;
  }
  const parts = list.flatMap((x) => ("expr" in x ? (x.radix ? [x.expr, x.radix] : [x.expr]) : []));
  const render = (receiver: string, values: string[]) => {
    let k = 0;
    return receiver + list.map((piece) => {
      if ("literal" in piece) return `.str(${JSON.stringify(piece.literal)})`;
      const v = values[k++]!;
      if (piece.radix) return piece.kind === "uint" ? `.uintBase(${v}, ${values[k++]!})` : `.int(<i64>${v}, ${values[k++]!})`;
      switch (piece.kind) {
        case "string": return `.str(${v})`;
        case "nstring": return `.strOrNull(${v})`;
        case "int": return `.int(<i64>${v})`;
        case "uint": return `.uint(${v})`;
        case "float": return `.float(${v})`;
        default: return `.str(${v} ? "true" : "false")`;
      }
    }).join("");
  };
  return { parts, render, ty: recv };
}

/** `log` names the runtime's log namespace (imported from "outpost"). */
function isRuntimeLog(p: Plan, id: ts.Identifier): boolean {
  const d = p.typer.declOf(id);
  return !!d && d.kind === "namespace" && /src\/runtime\/log\.ts$/.test(d.module.path.replace(/\\/g, "/"));
}

/** String building anywhere else in an async body: refused, with the alternatives. */
export function checkStringBuilds(p: Plan, consumed: Set<ts.Node>): void {
  const visit = (n: ts.Node) => {
    if ((n !== p.body && ts.isFunctionLike(n)) || consumed.has(n)) return;
    if (ts.isThrowStatement(n) && ts.isNewExpression(unparen(n.expression))) return; // planThrow refuses its run-time arguments
    if (ts.isExpression(n) && isStringBuild(p, n as ts.Expression)) {
      p.error(n, "ASYNC_SYNTAX", messages.stringBuilt(excerpt(n)));
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(p.body);
}

export { isVoid };
