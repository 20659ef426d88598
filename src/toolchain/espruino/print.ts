/**
 * The translation's syntax tree (ast.ts) → minified JavaScript text:
 * no whitespace but what separates tokens, parentheses only where
 * precedence needs them, no `;` before a `}`.
 *
 * Called by the bundler for the final program and by tests. `printProgram`
 * puts one top-level statement per line, so a checker error's line number
 * points at one function or declaration, and the size of each top-level
 * function (what Espruino stores in RAM) can be read per line.
 *
 * Invariants: the printed text means what the tree means (parentheses and
 * `else` bindings are never lost), and printing what `liftScript` reads
 * back from it gives the same text again. Blocks of one statement print as
 * the statement, so the tree read back may have fewer blocks; except that a
 * `do … while` directly in a switch case or as an `else` branch always
 * prints in braces, which Espruino 2v29 needs (`printBraced`).
 */
import type { Expr, Func, Stmt } from "./ast.ts";

/** Binding power of each binary operator (higher binds tighter). */
const BINARY: Record<string, number> = {
  ",": 0,
  "||": 3, "&&": 4, "|": 5, "^": 6, "&": 7,
  "==": 8, "!=": 8, "===": 8, "!==": 8,
  "<": 9, ">": 9, "<=": 9, ">=": 9, instanceof: 9, in: 9,
  "<<": 10, ">>": 10, ">>>": 10,
  "+": 11, "-": 11,
  "*": 12, "/": 12, "%": 12,
};
const ASSIGN = 1;
const COND = 2;
const UNARY = 13;
const POSTFIX = 14;
const CALL = 15;
const PRIMARY = 16;

function precedence(e: Expr): number {
  switch (e.k) {
    case "bin":
      return BINARY[e.op]!;
    case "assign":
      return ASSIGN;
    case "cond":
      return COND;
    case "un":
      return UNARY;
    case "post":
      return POSTFIX;
    case "call":
    case "new":
    case "dot":
    case "index":
      return CALL;
    case "fn":
    case "obj":
      return PRIMARY; // statement position is handled by printStmt
    default:
      return PRIMARY;
  }
}

const WORD = /[A-Za-z0-9_$]/;

/** Concatenates two token runs, with a space only where they would merge. */
function join(a: string, b: string): string {
  if (a === "" || b === "") return a + b;
  const x = a[a.length - 1]!;
  const y = b[0]!;
  if ((WORD.test(x) && WORD.test(y)) || (x === "+" && y === "+") || (x === "-" && y === "-")) return a + " " + b;
  return a + b;
}

function printNumber(value: number): string {
  if (Object.is(value, -0)) return "-0";
  return String(value);
}

function printString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const ch = value[i]!;
    if (ch === '"' || ch === "\\") out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || (c >= 0x7f && c < 0x100)) out += "\\x" + c.toString(16).padStart(2, "0");
    else if (c >= 0x100) out += "\\u" + c.toString(16).padStart(4, "0");
    else out += ch;
  }
  return out + '"';
}

function printExpr(e: Expr, min = 0): string {
  const text = exprText(e);
  return precedence(e) < min ? "(" + text + ")" : text;
}

function exprText(e: Expr): string {
  switch (e.k) {
    case "id":
      return e.name;
    case "num":
      return printNumber(e.value);
    case "str":
      return printString(e.value);
    case "lit":
      return e.text;
    case "arr":
      return "[" + e.items.map((x) => printExpr(x, ASSIGN)).join(",") + "]";
    case "obj":
      return "{" + e.props.map((p) => propertyKey(p.key) + ":" + printExpr(p.value, ASSIGN)).join(",") + "}";
    case "fn":
      return printFunc(e.fn);
    case "un": {
      const arg = printExpr(e.arg, UNARY);
      return join(e.op, arg);
    }
    case "post":
      return printExpr(e.arg, POSTFIX) + e.op;
    case "bin": {
      const p = BINARY[e.op]!;
      return join(join(printExpr(e.left, p), e.op), printExpr(e.right, p + 1));
    }
    case "assign":
      return join(join(printExpr(e.target, CALL), e.op), printExpr(e.value, ASSIGN));
    case "cond":
      return printExpr(e.test, COND + 1) + "?" + printExpr(e.then, ASSIGN) + ":" + printExpr(e.else, ASSIGN);
    case "call":
      return printExpr(e.callee, CALL) + "(" + e.args.map((a) => printExpr(a, ASSIGN)).join(",") + ")";
    case "new": {
      // `new f()(x)` differs from `new (f())(x)`: a call inside the callee needs parentheses.
      const callee = containsCall(e.callee) ? "(" + printExpr(e.callee) + ")" : printExpr(e.callee, CALL);
      return join("new", callee) + "(" + e.args.map((a) => printExpr(a, ASSIGN)).join(",") + ")";
    }
    case "dot": {
      let obj = printExpr(e.obj, CALL);
      if (e.obj.k === "num" && /^\d+$/.test(obj)) obj = "(" + obj + ")";
      return obj + "." + e.name;
    }
    case "index":
      return printExpr(e.obj, CALL) + "[" + printExpr(e.index) + "]";
  }
}

function containsCall(e: Expr): boolean {
  if (e.k === "call") return true;
  if (e.k === "dot" || e.k === "index") return containsCall(e.obj);
  return false;
}

function propertyKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : printString(key);
}

export function printFunc(f: Func): string {
  return join("function", f.name ?? "") + "(" + f.params.join(",") + ")" + printBlock(f.body);
}

function printBlock(body: Stmt[]): string {
  return "{" + printList(body) + "}";
}

/**
 * Statements in sequence; the `;` that would stand before `}` is dropped
 * unless `keepLast`. A switch case's statements (`inCase`) put each
 * `do … while` in braces (`printBraced`).
 */
function printList(body: Stmt[], keepLast = false, inCase = false): string {
  let out = "";
  for (const s of body) out = join(out, inCase ? printBraced(s) : printStmt(s));
  const last = body[body.length - 1];
  return !keepLast && last && !(inCase && printsAsDo(last)) && endsWithSemicolon(last) ? out.slice(0, -1) : out;
}

/**
 * A statement in a place where Espruino 2v29 must not meet a bare
 * `do … while` (a switch case's statements, an `else` branch): there it
 * reads the statements after a `break` or `continue` one by one to skip
 * them, and a `do … while` it reads clears the break, so what follows runs.
 * Inside braces it skips the code unread. check.ts refuses the bare form.
 */
function printBraced(s: Stmt): string {
  return printsAsDo(s) ? "{" + printStmt(s).slice(0, -1) + "}" : printStmt(s);
}

/** Whether `s` prints as a `do … while`. */
function printsAsDo(s: Stmt): boolean {
  const shown = printsAs(s);
  return shown === s ? s.k === "do" : printsAsDo(shown);
}

/** The statement a block of one simple statement prints as (`if(a)b;` rather than `if(a){b}`); otherwise `s`. */
function printsAs(s: Stmt): Stmt {
  return s.k === "block" && s.body.length === 1 && s.body[0]!.k !== "var" && s.body[0]!.k !== "func" ? s.body[0]! : s;
}

/** Whether the printed statement ends with its own `;` (rather than a `}`). */
function endsWithSemicolon(s: Stmt): boolean {
  switch (s.k) {
    case "block":
      return printsAs(s) !== s && endsWithSemicolon(printsAs(s));
    case "func":
    case "switch":
    case "try":
      return false;
    case "if":
      return s.else ? !printsAsDo(s.else) && endsWithSemicolon(s.else) : endsWithSemicolon(s.then);
    case "while":
    case "for":
    case "label":
      return endsWithSemicolon(s.body);
    default:
      return true;
  }
}

export function printStmt(s: Stmt): string {
  switch (s.k) {
    case "var":
      return join("var", s.decls.map((d) => (d.init ? d.name + "=" + printExpr(d.init, ASSIGN) : d.name)).join(",")) + ";";
    case "func":
      return printFunc(s.fn);
    case "expr": {
      const text = printExpr(s.expr);
      return (/^(function|\{)/.test(text) ? "(" + text + ")" : text) + ";";
    }
    case "if": {
      // A dangling else would bind to an inner if that has none.
      const then = s.else && danglingIf(s.then) ? printBlock([s.then]) : printStmt(s.then);
      const head = "if(" + printExpr(s.test) + ")" + then;
      return s.else ? join(head + "else", printBraced(s.else)) : head;
    }
    case "while":
      return "while(" + printExpr(s.test) + ")" + printStmt(s.body);
    case "do":
      return join("do", printStmt(s.body)) + "while(" + printExpr(s.test) + ");";
    case "for": {
      const init = s.init ? printStmt(s.init).replace(/;$/, "") : "";
      return "for(" + init + ";" + (s.test ? printExpr(s.test) : "") + ";" + (s.update ? printExpr(s.update) : "") + ")" + printStmt(s.body);
    }
    case "block":
      // A block of one simple statement prints as the statement (`if(a)b;` rather than `if(a){b}`).
      return printsAs(s) !== s ? printStmt(printsAs(s)) : printBlock(s.body);
    case "return":
      return (s.arg ? join("return", printExpr(s.arg)) : "return") + ";";
    case "throw":
      return join("throw", printExpr(s.arg)) + ";";
    case "break":
      return (s.label ? "break " + s.label : "break") + ";";
    case "continue":
      return (s.label ? "continue " + s.label : "continue") + ";";
    case "label":
      return s.label + ":" + printStmt(s.body);
    case "switch":
      return (
        "switch(" + printExpr(s.disc) + "){" +
        s.cases
          .map((c, i) => join(c.test ? join("case", printExpr(c.test)) + ":" : "default:", printList(c.body, i < s.cases.length - 1, true)))
          .reduce(join, "") +
        "}"
      );
    case "try": {
      let out = "try" + printBlock(s.block);
      if (s.handler) out += "catch(" + (s.param ?? "e") + ")" + printBlock(s.handler);
      if (s.finalizer) out += "finally" + printBlock(s.finalizer);
      return out;
    }
    case "empty":
      return ";";
  }
}

function danglingIf(s: Stmt): boolean {
  if (s.k === "block" && s.body.length === 1) return danglingIf(s.body[0]!);
  if (s.k === "if") return s.else === null || danglingIf(s.else);
  if (s.k === "while" || s.k === "for" || s.k === "label") return danglingIf(s.body);
  return false;
}

/** One top-level statement per line. */
export function printProgram(body: Stmt[]): string {
  return body.map((s) => printStmt(s)).join("\n") + "\n";
}
