/**
 * Mistakes in code the lowering leaves as written, refused at
 * file:line:col with what to write instead, where asc would say only
 * "Expression expected", "Type expected" or "Cannot find name", or say it
 * in a generated file:
 *   - JavaScript asc does not parse, outside async functions and generators
 *     (whose own rewriting takes logical assignments and refuses optional
 *     chaining): `x ||= v`, `x &&= v`, `x ??= v`, `p?.read()`;
 *   - `await` outside an async function, JavaScript's timers
 *     (`setTimeout`, `setInterval`, …), and the calls asc would import
 *     from the host (`Date.now()`, `Math.random()`, `console.log`), anywhere;
 *   - a function kept in a variable without its types (`const f = (x: i32) => x`);
 *   - `try` in sync code (AssemblyScript has no exceptions: only async code catches);
 *   - a build's entry without a sync `export function main()` (checkEntryMain).
 * Called by the session for every user and hal/ file; a file that contains
 * none of the tokens these need is not walked.
 */
import ts from "typescript";
import { HOST_APIS, JS_TIMERS, messages } from "./errors.ts";
import type { FileCtx } from "./file.ts";
import { hasModifier } from "./modules.ts";
import { excerpt, promiseApi } from "./syntax.ts";
import { arrowReturnType } from "./typer.ts";
import { initializerType } from "./types.ts";

const LOGICAL: Partial<Record<ts.SyntaxKind, (target: string) => string>> = {
  [ts.SyntaxKind.BarBarEqualsToken]: (t) => `!${t}`,
  [ts.SyntaxKind.AmpersandAmpersandEqualsToken]: (t) => t,
  [ts.SyntaxKind.QuestionQuestionEqualsToken]: (t) => `${t} == null`,
};

export function checkSyncSyntax(file: FileCtx): void {
  const sf = file.module.sf;
  if (!/&&=|\|\|=|\?\?|\?\.|=>|function\s*\(|\bawait\b|\btry\b|\bPromise\b|\bclass\b|\bset(Timeout|Interval|Immediate)\b|\bqueueMicrotask\b|\bclear(Timeout|Interval)\b|\bDate\.now\b|\bMath\.random\b|\bconsole\.|\btrace\s*\(/.test(sf.text)) return;
  const visit = (n: ts.Node, inAsync: boolean): void => {
    // Async functions and generators are the lowering's: it rewrites or refuses these there itself.
    const isAsync = ts.isFunctionLike(n) && (hasModifier(n, ts.SyntaxKind.AsyncKeyword) || ("asteriskToken" in n && !!n.asteriskToken));
    if (!inAsync && !isAsync && ts.isBinaryExpression(n)) {
      const condition = LOGICAL[n.operatorToken.kind];
      if (condition) {
        const target = excerpt(n.left);
        file.error(n.operatorToken, "ASYNC_SYNTAX", messages.logicalAssignment(excerpt(n), `if (${condition(target)}) ${target} = ${excerpt(n.right)}`));
      }
    }
    if (!inAsync && !isAsync && isChained(n) && startsChain(n)) file.error(n.questionDotToken!, "ASYNC_SYNTAX", optionalChainMessage(n));
    if (!inAsync && !isAsync && ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) {
      file.error(n.operatorToken, "ASYNC_SYNTAX", messages.nullish(excerpt(n.left), excerpt(n.right)));
    }
    if (!inAsync && ts.isAwaitExpression(n)) file.error(n, "ASYNC_SYNTAX", messages.awaitOutsideAsync(enclosingName(n)));
    // JavaScript's Promise API in sync code (`new Promise((r) => setTimeout(r, ms))`, a sleep helper): asc knows no Promise.
    const api = !inAsync && !isAsync ? promiseApi(n) : null;
    if (api) {
      file.error(n, "ASYNC_SYNTAX", messages.promiseApi(api));
      return; // its arguments (`r => setTimeout(r, ms)`) are the API's
    }
    if (ts.isTryStatement(n) && inSyncCode(n)) file.error(n.getFirstToken(sf)!, "ASYNC_SYNTAX", messages.syncTry(enclosingName(n)));
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && JS_TIMERS[n.expression.text] && file.mods.named(file.module, n.expression.text) === null && !inPromise(n)) {
      file.error(n.expression, "ASYNC_SYNTAX", messages.jsTimer(n.expression.text));
    }
    if (ts.isCallExpression(n)) {
      const api = hostApi(file, n.expression);
      if (api) file.error(n.expression, "ASYNC_SYNTAX", messages.hostApi(api));
    }
    if ((ts.isVariableDeclaration(n) || ts.isPropertyDeclaration(n)) && !n.type && n.initializer) checkKeptFunction(file, n.initializer);
    if (ts.isPropertyDeclaration(n) && !n.type && n.initializer && ts.isClassLike(n.parent)) checkUntypedField(file, n);
    ts.forEachChild(n, (c) => visit(c, inAsync || isAsync));
  };
  visit(sf, false);
}

/**
 * A sync arrow or function expression kept in a variable or field without a declared type must say what
 * it returns (and take typed parameters): AssemblyScript infers neither, and says only "Type expected".
 * The message writes the annotation when the lowering can tell the type (`(x: i32): i32 => …`).
 */
function checkKeptFunction(file: FileCtx, init: ts.Expression): void {
  while (ts.isParenthesizedExpression(init)) init = init.expression;
  if (!(ts.isArrowFunction(init) || ts.isFunctionExpression(init)) || hasModifier(init, ts.SyntaxKind.AsyncKeyword) || init.asteriskToken) return;
  const untyped = init.parameters.filter((p) => !p.type).map((p) => p.name.getText());
  if (init.type && untyped.length === 0) return;
  const returns = init.type ? null : arrowReturnType(file.mods, file.module, init);
  const rendered = returns && file.render(returns);
  const params = `(${init.parameters.map((p) => p.getText()).join(", ")})`;
  const written = untyped.length ? null : ts.isArrowFunction(init) ? `${params}: ${rendered ?? "T"} => …` : `function ${params}: ${rendered ?? "T"} { … }`;
  file.error(init, "ASYNC_SYNTAX", messages.keptFunctionTypes(excerpt(init), untyped, written, rendered !== null));
}

/**
 * `count = 7` in a class: AssemblyScript needs a field's type (it says only "Type expected"). The message
 * writes the type for a literal, a cast, a `new` or a typed sync arrow (an untyped one is checkKeptFunction's).
 */
function checkUntypedField(file: FileCtx, field: ts.PropertyDeclaration): void {
  const init = field.initializer!;
  let inner: ts.Expression = init;
  while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
  const name = field.name.getText();
  let rendered: string | null;
  if (ts.isArrowFunction(inner) || ts.isFunctionExpression(inner)) {
    // An async one is the lowering's (a closure class); a sync one without its types is checkKeptFunction's.
    if (hasModifier(inner, ts.SyntaxKind.AsyncKeyword) || inner.asteriskToken || !inner.type || inner.parameters.some((p) => !p.type)) return;
    rendered = `(${inner.parameters.map((p) => p.getText()).join(", ")}) => ${inner.type.getText()}`;
  } else {
    const t = initializerType(file.mods, init, file.module, new Map());
    rendered = t && file.render(t);
  }
  const head = field.getText().slice(0, field.name.getEnd() - field.getStart());
  file.error(field.name, "ASYNC_SYNTAX", messages.untypedField(name, rendered ? `${head}: ${rendered} = ${excerpt(init)}` : null));
}

/** The host API a callee names (`Date.now`, `Math.random`, `console.log`, `trace`) when the firmware does not declare it itself. */
function hostApi(file: FileCtx, callee: ts.Expression): (typeof HOST_APIS)[number] | null {
  const root = ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) ? callee.expression : ts.isIdentifier(callee) ? callee : null;
  if (!root || file.mods.named(file.module, root.text) !== null) return null;
  const written = ts.isPropertyAccessExpression(callee) ? `${root.text}.${callee.name.text}` : root.text;
  return HOST_APIS.find((a) => a.callee === written || (a.callee === root.text && ts.isPropertyAccessExpression(callee))) ?? null;
}

/** `n` is inside `new Promise(…)`, which is refused as a whole (checks.ts): `new Promise((r) => setTimeout(r, 100))` is one error. */
function inPromise(n: ts.Node): boolean {
  for (let a = n.parent; a; a = a.parent) if (ts.isNewExpression(a) && ts.isIdentifier(a.expression) && a.expression.text === "Promise") return true;
  return false;
}

/** `n` is in sync code: module level, or a function (arrow, method) that is neither async nor a generator. */
function inSyncCode(n: ts.Node): boolean {
  let f: ts.Node | undefined = n.parent;
  while (f && !ts.isFunctionLike(f)) f = f.parent;
  return !f || !(hasModifier(f, ts.SyntaxKind.AsyncKeyword) || ("asteriskToken" in f && !!f.asteriskToken));
}

/** The function `n` is in, named as the user wrote it (`wait`, `Sensor.read`), with its async form; null at module level. */
function enclosingName(n: ts.Node): { name: string; asyncForm: string } | null {
  let f: ts.Node | undefined = n.parent;
  while (f && !ts.isFunctionLike(f)) f = f.parent;
  if (!f) return null;
  const own = "name" in f && f.name && ts.isIdentifier(f.name as ts.Node) ? (f.name as ts.Identifier).text : null;
  const held = ts.isVariableDeclaration(f.parent) && ts.isIdentifier(f.parent.name) ? f.parent.name.text : null;
  if (ts.isMethodDeclaration(f) && own) {
    const cls = ts.isClassLike(f.parent) && f.parent.name ? `${f.parent.name.text}.` : "";
    return { name: `${cls}${own}`, asyncForm: `async ${own}(…): Promise<void>` };
  }
  if (ts.isFunctionDeclaration(f) && own) return { name: own, asyncForm: `async function ${own}(…): Promise<void>` };
  return { name: held ?? own ?? "this function", asyncForm: "async (…): Promise<void> => …" };
}

/**
 * A build's entry file's `main`: the firmware runs it once at init (compile.ts's generated entry imports it),
 * so it must be there, exported, and sync; said at 1:1 or at main, where asc would name the generated file.
 * `outpost check` says the same from the type checker (check/entry-main.ts).
 */
export function checkEntryMain(file: FileCtx): void {
  const sf = file.module.sf;
  for (const st of sf.statements) {
    if (ts.isExportDeclaration(st) && (!st.exportClause || (ts.isNamedExports(st.exportClause) && st.exportClause.elements.some((e) => e.name.text === "main")))) return;
    const exported = hasModifier(st, ts.SyntaxKind.ExportKeyword);
    if (ts.isFunctionDeclaration(st) && st.name?.text === "main" && exported) {
      if (hasModifier(st, ts.SyntaxKind.AsyncKeyword)) file.error(st.name, "ASYNC_SYNTAX", messages.mainAsync());
      return;
    }
    if (ts.isVariableStatement(st) && exported && st.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === "main")) return;
  }
  file.fileError("ASYNC_SYNTAX", messages.mainMissing());
}

type Chained = ts.PropertyAccessExpression | ts.ElementAccessExpression | ts.CallExpression;

function isChained(n: ts.Node): n is Chained {
  return ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n) || ts.isCallExpression(n);
}

/** `n` is the first `?.` of its chain (`q?.next?.id` is refused once, at `q?.`). */
export function startsChain(n: ts.Node): n is Chained {
  if (!isChained(n) || !n.questionDotToken) return false;
  for (let e: ts.Node = n.expression; isChained(e); e = e.expression) if (e.questionDotToken) return false;
  return true;
}

/**
 * The refusal of the `?.` of `n`, naming the chain it starts (`p?.read()`, not `p?.read`) and the null
 * test to write instead, made from the user's own code: `p != null ? p!.read() : …` (`!`, because
 * AssemblyScript narrows locals only, and `p` may be a field or a global). Shared by sync code (here)
 * and async code (checks.ts).
 */
export function optionalChainMessage(n: Chained): string {
  let whole: ts.Node = n;
  while (isChained(whole.parent) && whole.parent.expression === whole) whole = whole.parent;
  const sf = n.getSourceFile();
  const text = whole.getText(sf);
  const at = n.questionDotToken!.getStart(sf) - whole.getStart(sf);
  const asserted = text.slice(0, at) + (ts.isPropertyAccessExpression(n) ? "!." : "!") + text.slice(at + 2);
  let outer: ts.Node = whole.parent;
  while (ts.isParenthesizedExpression(outer)) outer = outer.parent;
  const short = (t: string): string => (t.length > 48 ? t.slice(0, 45) + "…" : t);
  const test = excerpt(n.expression);
  if (evaluates(n.expression)) {
    // `(await find(k))?.id`: the test must not call (or await) it a second time: keep its value first.
    const rest = text.slice(at + 2).replace(/\s+/g, " ");
    const use = `v${ts.isPropertyAccessExpression(n) ? "!." : "!"}${rest}`;
    return messages.optionalChaining(excerpt(whole), `const v = ${short(test)}; … v != null ? ${short(use)} : …`, `if (v != null) …`);
  }
  const then = `${ts.isAwaitExpression(outer) ? "await " : ""}${asserted}`.replace(/\s+/g, " ");
  return messages.optionalChaining(excerpt(whole), `${test} != null ? ${short(then)} : …`, `if (${test} != null) …`);
}

/** `e` calls or awaits something, so writing it twice would do that twice. */
function evaluates(e: ts.Node): boolean {
  if (ts.isCallExpression(e) || ts.isAwaitExpression(e) || ts.isNewExpression(e)) return true;
  return ts.forEachChild(e, (c) => (evaluates(c) ? true : undefined)) ?? false;
}
