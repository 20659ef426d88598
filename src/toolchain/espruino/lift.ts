/**
 * JavaScript text → the translation's syntax tree (ast.ts), using the
 * `typescript` package's parser (which parses plain JS).
 *
 * Called by the bundler on binaryen's wasm2js output (`module: true` skips
 * its ES `import` lines and `export var` lines) and on the glue. Accepts
 * only the ES5 subset ast.ts describes; anything else throws a
 * `LiftError` naming the construct and its line:column, so an unexpected
 * wasm2js output or a glue edit fails loudly instead of being mistranslated.
 */
import ts from "typescript";
import type { Case, Expr, Func, Stmt } from "./ast.ts";

class LiftError extends Error {
  readonly line: number;
  readonly column: number;
  constructor(
    message: string,
    line: number,
    column: number,
  ) {
    super(message);
    this.line = line;
    this.column = column;
    this.name = "LiftError";
  }
}

export interface LiftOptions {
  /** Skip ES module lines (`import … from`, `export var …`), as in wasm2js output. */
  module?: boolean;
  /** Names the text in errors. */
  file?: string;
}

export function liftScript(text: string, options: LiftOptions = {}): Stmt[] {
  const file = options.file ?? "input.js";
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const diagnostics = (sf as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  if (diagnostics.length > 0) {
    const d = diagnostics[0]!;
    const { line, character } = sf.getLineAndCharacterOfPosition(d.start ?? 0);
    throw new LiftError(`${file}:${line + 1}:${character + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`, line + 1, character + 1);
  }
  const lifter = new Lifter(sf, file);
  const out: Stmt[] = [];
  for (const s of sf.statements) {
    if ((options.module && isModuleLine(s)) || ts.isEmptyStatement(s)) continue;
    out.push(lifter.stmt(s));
  }
  return out;
}

function isModuleLine(s: ts.Statement): boolean {
  if (ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) return true;
  return ts.canHaveModifiers(s) && (ts.getModifiers(s) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

const ASSIGN_OPS = new Set(["=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", ">>>=", "&=", "|=", "^="]);
const BINARY_OPS = new Set([
  ",", "||", "&&", "|", "^", "&", "==", "!=", "===", "!==", "<", ">", "<=", ">=", "instanceof", "in",
  "<<", ">>", ">>>", "+", "-", "*", "/", "%",
]);

class Lifter {
  private readonly sf: ts.SourceFile;
  private readonly file: string;
  constructor(
    sf: ts.SourceFile,
    file: string,
  ) {
    this.sf = sf;
    this.file = file;
  }

  private fail(node: ts.Node, what: string): never {
    const { line, character } = this.sf.getLineAndCharacterOfPosition(node.getStart(this.sf));
    throw new LiftError(`${this.file}:${line + 1}:${character + 1}: ${what} is outside the subset the Espruino translation handles`, line + 1, character + 1);
  }

  /** A statement list; empty statements (`;`) in it carry no meaning and are dropped. */
  stmts(list: readonly ts.Statement[]): Stmt[] {
    return list.filter((s) => !ts.isEmptyStatement(s)).map((s) => this.stmt(s));
  }

  body(s: ts.Statement): Stmt[] {
    return ts.isBlock(s) ? this.stmts(s.statements) : [this.stmt(s)];
  }

  stmt(s: ts.Statement): Stmt {
    if (ts.isVariableStatement(s)) return this.varList(s.declarationList, s);
    if (ts.isFunctionDeclaration(s)) {
      if (!s.name || !s.body) this.fail(s, "a function declaration without a name or body");
      return { k: "func", fn: this.func(s) };
    }
    if (ts.isExpressionStatement(s)) return { k: "expr", expr: this.expr(s.expression) };
    if (ts.isIfStatement(s)) {
      return { k: "if", test: this.expr(s.expression), then: this.stmt(s.thenStatement), else: s.elseStatement ? this.stmt(s.elseStatement) : null };
    }
    if (ts.isWhileStatement(s)) return { k: "while", test: this.expr(s.expression), body: this.stmt(s.statement) };
    if (ts.isDoStatement(s)) return { k: "do", body: this.stmt(s.statement), test: this.expr(s.expression) };
    if (ts.isForStatement(s)) {
      let init: Stmt | null = null;
      if (s.initializer) {
        init = ts.isVariableDeclarationList(s.initializer) ? this.varList(s.initializer, s) : { k: "expr", expr: this.expr(s.initializer) };
      }
      return {
        k: "for",
        init,
        test: s.condition ? this.expr(s.condition) : null,
        update: s.incrementor ? this.expr(s.incrementor) : null,
        body: this.stmt(s.statement),
      };
    }
    if (ts.isBlock(s)) return { k: "block", body: this.stmts(s.statements) };
    if (ts.isReturnStatement(s)) return { k: "return", arg: s.expression ? this.expr(s.expression) : null };
    if (ts.isBreakStatement(s)) return { k: "break", label: s.label ? s.label.text : null };
    if (ts.isContinueStatement(s)) return { k: "continue", label: s.label ? s.label.text : null };
    if (ts.isLabeledStatement(s)) return { k: "label", label: s.label.text, body: this.stmt(s.statement) };
    if (ts.isSwitchStatement(s)) {
      const cases: Case[] = s.caseBlock.clauses.map((c) => ({
        test: ts.isCaseClause(c) ? this.expr(c.expression) : null,
        body: this.stmts(c.statements),
      }));
      return { k: "switch", disc: this.expr(s.expression), cases };
    }
    if (ts.isThrowStatement(s)) return { k: "throw", arg: this.expr(s.expression) };
    if (ts.isTryStatement(s)) {
      const clause = s.catchClause;
      if (clause && !clause.variableDeclaration) this.fail(clause, "a catch clause without a binding");
      const param = clause?.variableDeclaration?.name;
      if (param && !ts.isIdentifier(param)) this.fail(param, "a destructuring catch binding");
      return {
        k: "try",
        block: this.stmts(s.tryBlock.statements),
        param: param ? param.text : null,
        handler: clause ? this.stmts(clause.block.statements) : null,
        finalizer: s.finallyBlock ? this.stmts(s.finallyBlock.statements) : null,
      };
    }
    if (ts.isEmptyStatement(s)) return { k: "empty" };
    return this.fail(s, `a ${ts.SyntaxKind[s.kind]}`);
  }

  private varList(list: ts.VariableDeclarationList, at: ts.Node): Stmt {
    if (list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) this.fail(at, "a let or const declaration (use var)");
    return {
      k: "var",
      decls: list.declarations.map((d) => {
        if (!ts.isIdentifier(d.name)) this.fail(d, "a destructuring declaration");
        return { name: d.name.text, init: d.initializer ? this.expr(d.initializer) : null };
      }),
    };
  }

  private func(f: ts.FunctionDeclaration | ts.FunctionExpression): Func {
    if (f.asteriskToken) this.fail(f, "a generator");
    if ((ts.getModifiers(f) ?? []).some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) this.fail(f, "an async function");
    const params = f.parameters.map((p) => {
      if (!ts.isIdentifier(p.name) || p.initializer || p.dotDotDotToken) this.fail(p, "a default, rest or destructuring parameter");
      return p.name.text;
    });
    return { name: f.name ? f.name.text : null, params, body: this.stmts(f.body!.statements) };
  }

  expr(e: ts.Expression): Expr {
    if (ts.isParenthesizedExpression(e)) return this.expr(e.expression);
    if (ts.isIdentifier(e)) return { k: "id", name: e.text };
    if (ts.isNumericLiteral(e)) return { k: "num", value: Number(e.text) };
    if (ts.isStringLiteral(e)) return { k: "str", value: e.text };
    switch (e.kind) {
      case ts.SyntaxKind.TrueKeyword:
        return { k: "lit", text: "true" };
      case ts.SyntaxKind.FalseKeyword:
        return { k: "lit", text: "false" };
      case ts.SyntaxKind.NullKeyword:
        return { k: "lit", text: "null" };
      case ts.SyntaxKind.ThisKeyword:
        return { k: "lit", text: "this" };
    }
    if (ts.isArrayLiteralExpression(e)) {
      return {
        k: "arr",
        items: e.elements.map((x) => (ts.isSpreadElement(x) || ts.isOmittedExpression(x) ? this.fail(x, "a spread or hole in an array") : this.expr(x))),
      };
    }
    if (ts.isObjectLiteralExpression(e)) {
      return {
        k: "obj",
        props: e.properties.map((p) => {
          if (!ts.isPropertyAssignment(p)) return this.fail(p, "an object member other than key: value");
          const n = p.name;
          if (!(ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isNumericLiteral(n))) return this.fail(n, "a computed key");
          return { key: n.text, value: this.expr(p.initializer) };
        }),
      };
    }
    if (ts.isFunctionExpression(e)) return { k: "fn", fn: this.func(e) };
    if (ts.isPrefixUnaryExpression(e)) return { k: "un", op: ts.tokenToString(e.operator)!, arg: this.expr(e.operand) };
    if (ts.isPostfixUnaryExpression(e)) return { k: "post", op: e.operator === ts.SyntaxKind.PlusPlusToken ? "++" : "--", arg: this.expr(e.operand) };
    if (ts.isTypeOfExpression(e)) return { k: "un", op: "typeof", arg: this.expr(e.expression) };
    if (ts.isVoidExpression(e)) return { k: "un", op: "void", arg: this.expr(e.expression) };
    if (ts.isDeleteExpression(e)) return { k: "un", op: "delete", arg: this.expr(e.expression) };
    if (ts.isBinaryExpression(e)) {
      const op = ts.tokenToString(e.operatorToken.kind) ?? "";
      if (ASSIGN_OPS.has(op)) return { k: "assign", op, target: this.expr(e.left), value: this.expr(e.right) };
      if (BINARY_OPS.has(op)) return { k: "bin", op, left: this.expr(e.left), right: this.expr(e.right) };
      return this.fail(e.operatorToken, `the operator ${op}`);
    }
    if (ts.isConditionalExpression(e)) {
      return { k: "cond", test: this.expr(e.condition), then: this.expr(e.whenTrue), else: this.expr(e.whenFalse) };
    }
    if (ts.isCallExpression(e)) {
      if (e.questionDotToken) this.fail(e, "optional chaining");
      return { k: "call", callee: this.expr(e.expression), args: this.args(e.arguments) };
    }
    if (ts.isNewExpression(e)) return { k: "new", callee: this.expr(e.expression), args: this.args(e.arguments ?? ts.factory.createNodeArray()) };
    if (ts.isPropertyAccessExpression(e)) {
      if (e.questionDotToken) this.fail(e, "optional chaining");
      if (!ts.isIdentifier(e.name)) this.fail(e.name, "a private name");
      return { k: "dot", obj: this.expr(e.expression), name: e.name.text };
    }
    if (ts.isElementAccessExpression(e)) {
      if (e.questionDotToken) this.fail(e, "optional chaining");
      return { k: "index", obj: this.expr(e.expression), index: this.expr(e.argumentExpression) };
    }
    return this.fail(e, `a ${ts.SyntaxKind[e.kind]}`);
  }

  private args(list: readonly ts.Expression[]): Expr[] {
    return list.map((a) => (ts.isSpreadElement(a) ? this.fail(a, "a spread argument") : this.expr(a)));
  }
}
