/** src/toolchain/espruino/check.ts: every construct Espruino lacks is found, with its line:column. */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkEspruino, formatFindings } from "../../src/toolchain/espruino/check.ts";

const test = suite("espruino checker");

/** Each case: a snippet with the construct on line 2, and where and what the checker must report. */
const FORBIDDEN: [name: string, code: string, column: number, what: string][] = [
  ["a label", "a: while (1) { break; }", 1, "a label (a:)"],
  ["a labelled break", "while (1) { b: { break b; } }", 13, "a label (b:)"],
  ["object destructuring", "var { x } = o;", 5, "destructuring"],
  ["array destructuring", "var [x, y] = o;", 5, "destructuring"],
  ["destructuring assignment", "[x, y] = o;", 1, "destructuring assignment"],
  ["a default parameter", "function f(x = 1) {}", 12, "a default parameter"],
  ["a rest parameter", "function f(...xs) {}", 12, "a rest parameter"],
  ["spread in a call", "f(...xs);", 3, "spread (...)"],
  ["spread in an object", "var o = { ...p };", 11, "spread (...)"],
  ["a generator", "function* g() {}", 1, "a generator"],
  ["yield", "function* g() { yield 1; }", 1, "a generator"],
  ["an async function", "async function f() {}", 1, "an async function"],
  ["await", "async function f() { await p; }", 1, "an async function"],
  ["optional chaining", "var x = o?.p;", 9, "optional chaining (?.)"],
  ["an optional call", "f?.();", 1, "optional chaining (?.)"],
  ["**", "var x = 2 ** 3;", 11, "the ** operator"],
  ["??", "var x = a ?? b;", 11, "the ?? operator"],
  ["logical assignment", "a ||= b;", 3, "logical assignment"],
  ["Math.imul", "var x = Math.imul(a, b);", 9, "Math.imul"],
  ["Math.clz32", "var x = Math.clz32(a);", 9, "Math.clz32"],
  ["Math.fround", "var x = Math.fround(a);", 9, "Math.fround"],
  ["Math.trunc", "var x = Math.trunc(a);", 9, "Math.trunc"],
  ["Map", "var m = new Map();", 13, "Map"],
  ["Set", "var s = new Set();", 13, "Set"],
  ["Symbol", "var s = Symbol();", 9, "Symbol"],
  ["Proxy", "var p = new Proxy(o, h);", 13, "Proxy"],
  ["a computed key", "var o = { [k]: 1 };", 11, "a computed key"],
  ["copyWithin", "a.copyWithin(0, 1);", 3, "copyWithin"],
  ["Object.create with descriptors", "var o = Object.create(p, { x: { value: 1 } });", 9, "Object.create with property descriptors"],
  ["an import", 'import x from "y";', 1, "an ES module import or export (Espruino runs scripts)"],
  ["an export", "export var x = 1;", 1, "an ES module import or export (Espruino runs scripts)"],
  ["a BigInt", "var x = 1n;", 9, "a BigInt literal"],
  ["a class field", "class A { x = 1; }", 11, "a class field"],
  ["a default clause before cases", "switch (x) { default: f(); case 1: g(); }", 14, "a default clause before other cases (Espruino takes default only last)"],
  ["a do … while directly in a case", "switch (x) { case 1: break; case 2: do f(); while (0); }", 37, "a do…while directly in a switch case (Espruino 2v29 runs on from it after a break or continue: wrap it in braces)"],
  ["a do … while as an else branch", "if (x) f(); else do f(); while (0);", 18, "a do…while directly as an else branch (Espruino 2v29 runs on from it after a break or continue: wrap it in braces)"],
  ["a call before the declaration", "f();\nfunction f() {}", 1, "f used before its declaration (no hoisting)"],
  ["a var before its declaration", "x = 1;\nvar x;", 1, "x used before its declaration (no hoisting)"],
];

for (const [name, code, column, what] of FORBIDDEN) {
  test(`rejects ${name}, naming it and its line:column`, () => {
    const findings = checkEspruino(`var ok = 1;\n${code}\n`);
    assert.ok(findings.length > 0, "nothing found");
    assert.equal(findings[0], { line: 2, column, what });
  });
}

test("finds a use before declaration through the functions a statement calls", () => {
  const findings = checkEspruino("function f() { return g(); }\nf();\nfunction g() { return 1; }\n");
  assert.equal(findings, [{ line: 1, column: 23, what: "g used before its declaration (no hoisting)" }]);
});

test("finds a local used before its declaration inside a function", () => {
  const findings = checkEspruino("function f() { x = 1; var x; }\n");
  assert.equal(findings, [{ line: 1, column: 16, what: "x used before its declaration (no hoisting)" }]);
});

test("accepts what Espruino runs: closures, calls of earlier declarations, late uses inside functions", () => {
  const code = [
    "var n = 0;",
    "function tick() { n = n + 1; later(); }",
    "function later() { setTimeout(function (e) { var x = e; tick(); }, 10); }",
    "var o = { a: 1, 'b c': [1, 2] };",
    "for (var i = 0; i < 3; i++) { if (i) continue; else break; }",
    "switch (n) { case 0: n++; break; default: }",
    "try { tick(); } catch (e) { console.log(e.message); }",
    "var s = `t${n}`, f = (a) => a * 2, m = Math.max(1, Math.floor(2.5));",
    "class A { constructor() { this.x = 1; } get y() { return 2; } }",
    "do { n--; } while (n > 0);",
    "switch (n) { case 1: break; case 2: { do n--; while (n > 0); } break; default: if (n) n++; else { do n--; while (0); } }",
    "if (n) do n--; while (n > 0); else n++;",
    "tick();",
  ].join("\n");
  assert.equal(checkEspruino(code), []);
});

test("a local name that shadows a later global is not a use of the global", () => {
  assert.equal(checkEspruino("function f(a) { return a; }\nf(1);\nvar a = 2;\n"), []);
});

test("formats findings one per line as file:line:column", () => {
  const text = formatFindings(checkEspruino("var x = 2 ** 3;\na: for (;;) break a;\n"), "out.js");
  assert.is(
    text,
    [
      "out.js:1:11: the ** operator is not supported by Espruino",
      "out.js:2:1: a label (a:) is not supported by Espruino",
      "out.js:2:13: a labelled break (a) is not supported by Espruino",
    ].join("\n"),
  );
});

test.run();
