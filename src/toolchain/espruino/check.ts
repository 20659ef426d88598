/**
 * The Espruino checker: parses JavaScript (with the `typescript` package's
 * parser) and lists every construct Espruino 2v29 cannot run, each with
 * its line:column. `outpost build` runs it on every .js it writes for an
 * Espruino board and refuses to write one with findings; tests run it on
 * snippets. It knows nothing about how the text was made.
 *
 * What Espruino 2v29 lacks (measured on the interpreter): labels and labelled
 * jumps; destructuring; default, rest and spread; generators; async and
 * await; optional chaining; `**`, `??` and logical assignment; computed
 * keys; class fields and private names; BigInt; tagged templates; ES module
 * syntax; Math functions beyond its own set (imul, clz32, fround, trunc,
 * sign, …); Map, Set, WeakMap, WeakSet, Symbol, Proxy, Reflect;
 * `copyWithin`; `Object.create` with property descriptors; a `default`
 * clause before other cases (Espruino's parser takes it only last); a
 * `do … while` directly in a switch case or as an `else` branch (after a
 * `break` or `continue`, Espruino reads on without running until it meets
 * one, which it then runs as if nothing had broken out: inside braces it
 * skips the code unread); and hoisting: a
 * function or variable used before its declaration, at top level (directly
 * or through the functions a top-level statement calls) or in a function.
 */
import ts from "typescript";

export interface Finding {
  line: number;
  column: number;
  /** What is not supported, e.g. "a label (label$1:)". */
  what: string;
}

/** Math members Espruino 2v29 provides. */
const MATH = new Set([
  "abs", "acos", "asin", "atan", "atan2", "ceil", "clip", "cos", "exp", "floor", "log", "max", "min", "pow", "random",
  "round", "sin", "sqrt", "tan", "wrap", "E", "PI", "LN2", "LN10", "LOG2E", "LOG10E", "SQRT2", "SQRT1_2",
]);
const MISSING_GLOBALS = new Set(["Map", "Set", "WeakMap", "WeakSet", "Symbol", "Proxy", "Reflect", "BigInt", "setImmediate", "queueMicrotask"]);

export function checkEspruino(text: string, file = "firmware.js"): Finding[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const findings: Finding[] = [];
  const add = (node: ts.Node, what: string): void => {
    const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    findings.push({ line: line + 1, column: character + 1, what });
  };
  const parseErrors = (sf as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  for (const d of parseErrors) {
    const { line, character } = sf.getLineAndCharacterOfPosition(d.start ?? 0);
    findings.push({ line: line + 1, column: character + 1, what: `a syntax error (${ts.flattenDiagnosticMessageText(d.messageText, " ")})` });
  }
  const visit = (node: ts.Node): void => {
    constructs(node, add);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  hoisting(sf, add);
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** One line per finding: `file:line:column: what is not supported by Espruino`. */
export function formatFindings(findings: Finding[], file: string): string {
  return findings.map((f) => `${file}:${f.line}:${f.column}: ${f.what} is not supported by Espruino`).join("\n");
}

function constructs(node: ts.Node, add: (node: ts.Node, what: string) => void): void {
  const k = ts.SyntaxKind;
  if (ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === k.ExportKeyword)) {
    add(node, "an ES module import or export (Espruino runs scripts)");
  }
  switch (node.kind) {
    case k.LabeledStatement:
      return add(node, `a label (${(node as ts.LabeledStatement).label.text}:)`);
    case k.BreakStatement:
    case k.ContinueStatement: {
      const label = (node as ts.BreakOrContinueStatement).label;
      if (label) add(node, `a labelled ${node.kind === k.BreakStatement ? "break" : "continue"} (${label.text})`);
      return;
    }
    case k.ObjectBindingPattern:
    case k.ArrayBindingPattern:
      return add(node, "destructuring");
    case k.Parameter: {
      const p = node as ts.ParameterDeclaration;
      if (p.initializer) add(node, "a default parameter");
      if (p.dotDotDotToken) add(node, "a rest parameter");
      return;
    }
    case k.SpreadElement:
    case k.SpreadAssignment:
      return add(node, "spread (...)");
    case k.YieldExpression:
      return add(node, "yield");
    case k.AwaitExpression:
      return add(node, "await");
    case k.ComputedPropertyName:
      return add(node, "a computed key");
    case k.PrivateIdentifier:
      return add(node, "a private name (#)");
    case k.PropertyDeclaration:
      return add(node, "a class field");
    case k.ClassStaticBlockDeclaration:
      return add(node, "a static block");
    case k.BigIntLiteral:
      return add(node, "a BigInt literal");
    case k.TaggedTemplateExpression:
      return add(node, "a tagged template");
    case k.MetaProperty:
      return add(node, "new.target or import.meta");
    case k.WithStatement:
      return add(node, "with");
    case k.ImportDeclaration:
    case k.ExportDeclaration:
    case k.ExportAssignment:
    case k.ImportEqualsDeclaration:
      return add(node, "an ES module import or export (Espruino runs scripts)");
    case k.CaseBlock: {
      const clauses = (node as ts.CaseBlock).clauses;
      const d = clauses.findIndex((c) => ts.isDefaultClause(c));
      if (d >= 0 && d < clauses.length - 1) add(clauses[d]!, "a default clause before other cases (Espruino takes default only last)");
      return;
    }
    case k.DoStatement: {
      // Espruino 2v29 parses the statements after a `break` or `continue` to skip them, except inside
      // braces; a do…while met there clears the break and runs on from it (measured on 2v29, jsparse.c).
      const p = node.parent;
      if (ts.isCaseClause(p) || ts.isDefaultClause(p) || (ts.isIfStatement(p) && p.elseStatement === node)) {
        add(node, `a do…while directly ${ts.isIfStatement(p) ? "as an else branch" : "in a switch case"} (Espruino 2v29 runs on from it after a break or continue: wrap it in braces)`);
      }
      return;
    }
    case k.CatchClause:
      if (!(node as ts.CatchClause).variableDeclaration) add(node, "a catch clause without a binding");
      return;
    case k.NumericLiteral:
      if (node.getText().includes("_")) add(node, "a numeric separator");
      return;
    case k.BinaryExpression: {
      const b = node as ts.BinaryExpression;
      const op = b.operatorToken.kind;
      if (op === k.AsteriskAsteriskToken || op === k.AsteriskAsteriskEqualsToken) add(b.operatorToken, "the ** operator");
      if (op === k.QuestionQuestionToken || op === k.QuestionQuestionEqualsToken) add(b.operatorToken, "the ?? operator");
      if (op === k.AmpersandAmpersandEqualsToken || op === k.BarBarEqualsToken) add(b.operatorToken, "logical assignment");
      if (op === k.EqualsToken && (ts.isObjectLiteralExpression(b.left) || ts.isArrayLiteralExpression(b.left))) add(b.left, "destructuring assignment");
      return;
    }
    case k.PropertyAccessExpression: {
      const p = node as ts.PropertyAccessExpression;
      if (p.questionDotToken) add(node, "optional chaining (?.)");
      if (ts.isIdentifier(p.expression) && p.expression.text === "Math" && !MATH.has(p.name.text)) add(node, `Math.${p.name.text}`);
      if (p.name.text === "copyWithin") add(p.name, "copyWithin");
      return;
    }
    case k.ElementAccessExpression:
      if ((node as ts.ElementAccessExpression).questionDotToken) add(node, "optional chaining (?.)");
      return;
    case k.CallExpression: {
      const c = node as ts.CallExpression;
      if (c.questionDotToken) add(node, "optional chaining (?.)");
      const callee = c.expression;
      if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === "Object" && callee.name.text === "create" && c.arguments.length > 1) {
        add(node, "Object.create with property descriptors");
      }
      return;
    }
    case k.FunctionDeclaration:
    case k.FunctionExpression:
    case k.MethodDeclaration:
    case k.ArrowFunction: {
      const f = node as ts.FunctionLikeDeclaration;
      if (f.asteriskToken) add(node, "a generator");
      if ((ts.canHaveModifiers(f) ? ts.getModifiers(f) ?? [] : []).some((m) => m.kind === k.AsyncKeyword)) add(node, "an async function");
      return;
    }
    case k.Identifier: {
      const id = node as ts.Identifier;
      if (MISSING_GLOBALS.has(id.text) && isFreeReference(id)) add(node, id.text);
      return;
    }
  }
}

/** An identifier that reads a variable (not a property name, key or declaration). */
function isFreeReference(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  if ((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p)) && p.name === id) return false;
  if ((ts.isVariableDeclaration(p) || ts.isFunctionDeclaration(p) || ts.isParameter(p) || ts.isClassDeclaration(p)) && p.name === id) return false;
  return true;
}

// ── Hoisting ────────────────────────────────────────────────────────────

interface Use {
  name: string;
  node: ts.Identifier;
}

/** Names a function binds itself: parameters, `var`s and function declarations in its body, catch bindings. */
function localsOf(f: ts.SignatureDeclaration): Set<string> {
  const names = new Set<string>();
  for (const p of f.parameters) if (ts.isIdentifier(p.name)) names.add(p.name.text);
  const collect = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name)) names.add(n.name.text);
    if (ts.isFunctionDeclaration(n) && n.name) names.add(n.name.text);
    if (ts.isCatchClause(n) && n.variableDeclaration && ts.isIdentifier(n.variableDeclaration.name)) names.add(n.variableDeclaration.name.text);
    if (ts.isFunctionLike(n)) return; // a nested function's own names
    ts.forEachChild(n, collect);
  };
  const body = (f as ts.FunctionLikeDeclaration).body;
  if (body) ts.forEachChild(body, collect);
  return names;
}

/**
 * Reads of names in `node` that are not bound inside it: property names,
 * declarations and names local to a nested function are skipped. With
 * `nested` false, uses inside nested functions are skipped altogether.
 */
function uses(node: ts.Node, nested = true): Use[] {
  const out: Use[] = [];
  const visit = (n: ts.Node, bound: Set<string>): void => {
    if (ts.isIdentifier(n) && isFreeReference(n) && !bound.has(n.text)) out.push({ name: n.text, node: n });
    if (ts.isFunctionLike(n) && n !== node) {
      if (!nested) return;
      const inner = new Set([...bound, ...localsOf(n)]);
      ts.forEachChild(n, (c) => visit(c, inner));
      return;
    }
    ts.forEachChild(n, (c) => visit(c, bound));
  };
  visit(node, ts.isFunctionLike(node) ? localsOf(node) : new Set());
  return out;
}

function declaredNames(s: ts.Statement): string[] {
  if (ts.isFunctionDeclaration(s) && s.name) return [s.name.text];
  if (ts.isClassDeclaration(s) && s.name) return [s.name.text];
  if (ts.isVariableStatement(s)) return s.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
  return [];
}

function hoisting(sf: ts.SourceFile, add: (node: ts.Node, what: string) => void): void {
  // Top level: where each name is declared, and what each function reaches.
  const declaredAt = new Map<string, number>();
  sf.statements.forEach((s, i) => declaredNames(s).forEach((n) => declaredAt.has(n) || declaredAt.set(n, i)));
  const functions = new Map<string, ts.FunctionDeclaration>();
  for (const s of sf.statements) if (ts.isFunctionDeclaration(s) && s.name) functions.set(s.name.text, s);
  const reported = new Set<ts.Node>();
  sf.statements.forEach((s, i) => {
    if (ts.isFunctionDeclaration(s)) return; // runs only when called
    // Everything this statement can touch: its own uses, then the bodies of the functions it reaches.
    const seen = new Set<string>();
    const work: Use[] = uses(s);
    while (work.length > 0) {
      const u = work.pop()!;
      const at = declaredAt.get(u.name);
      if (at !== undefined && at > i && !reported.has(u.node)) {
        reported.add(u.node);
        add(u.node, `${u.name} used before its declaration (no hoisting)`);
      }
      // A function only listed in an array (the function table) does not run here: its body is not reached.
      if (ts.isArrayLiteralExpression(u.node.parent)) continue;
      if (seen.has(u.name)) continue;
      seen.add(u.name);
      const f = functions.get(u.name);
      if (f) work.push(...uses(f));
    }
  });
  // Inside each function: locals are declared before they are used.
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionLike(n) && "body" in n && n.body && ts.isBlock(n.body)) localOrder(n as ts.FunctionLikeDeclaration, add, reported);
    ts.forEachChild(n, visit);
  };
  sf.statements.forEach(visit);
}

function localOrder(f: ts.FunctionLikeDeclaration, add: (node: ts.Node, what: string) => void, reported: Set<ts.Node>): void {
  const declPos = new Map<string, number>();
  const collect = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name)) declPos.has(n.name.text) || declPos.set(n.name.text, n.getStart());
    if (ts.isFunctionDeclaration(n) && n.name) declPos.has(n.name.text) || declPos.set(n.name.text, n.getStart());
    if (ts.isFunctionLike(n)) return; // nested functions keep their own locals
    ts.forEachChild(n, collect);
  };
  ts.forEachChild(f.body!, collect);
  // Direct uses only: a nested function runs later, when its caller decides.
  const direct: Use[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && isFreeReference(n)) direct.push({ name: n.text, node: n });
    if (ts.isFunctionLike(n)) return;
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(f.body!, visit);
  for (const u of direct) {
    const at = declPos.get(u.name);
    if (at !== undefined && u.node.getStart() < at && !reported.has(u.node)) {
      reported.add(u.node);
      add(u.node, `${u.name} used before its declaration (no hoisting)`);
    }
  }
}
