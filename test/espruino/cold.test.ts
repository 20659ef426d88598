/**
 * Folding cold functions into dispatchers (src/toolchain/espruino/cold.ts):
 * a program computes the same after it, only what the hot roots do not
 * reach is folded, what must stay (a host calls it by name, it is passed
 * as a value, it reads `arguments`, it holds a closure) stays, and no
 * dispatcher prints longer than the longest statement left alone.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { Stmt } from "../../src/toolchain/espruino/ast.ts";
import { checkEspruino } from "../../src/toolchain/espruino/check.ts";
import { foldCold } from "../../src/toolchain/espruino/cold.ts";
import { liftScript } from "../../src/toolchain/espruino/lift.ts";
import { shortenNames } from "../../src/toolchain/espruino/names.ts";
import { printProgram, printStmt } from "../../src/toolchain/espruino/print.ts";

const test = suite("espruino cold functions folded into dispatchers");

const PROGRAM = `
var n = 0;
function hot(a) { n = n + a; if (a > 100) fail(a); return n; }
function fail(x) { var m = 7, i; for (i = 0; i < 3; i++) m = m * 2 + x; try { throw 1 } catch (e) { m += e } report(m, x); return m; }
function report(a, b) { n = a - b; }
function name(k) { var s = "t" + k; if (k < 0) return "none"; return s + named(k, 2); }
function named(k, j) { var m = k * j; return m; }
function kept(k) { return k + "${"y".repeat(600)}".length; }
function passed(k) { return k * 3; }
function args() { return arguments[0]; }
function closure(k) { return function () { return k; }; }
function big() { return "${"x".repeat(300)}"; }
function run() { return [hot(5), hot(200), name(3), name(-1), kept(1), setTimeoutLike(passed), args(9), closure(4)(), big().length].join(); }
function setTimeoutLike(f) { return f(2); }
`;

function fold(source: string, hot: string[], keep: string[] = []): { before: Stmt[]; after: Stmt[]; folded: Map<string, { fn: string; k: number }> } {
  const before = liftScript(source);
  const lengths = shortenNames(before).program.map((s) => printStmt(s).length);
  const { program, folded } = foldCold(before, { hot, coldRoots: new Set(["fail"]), keep: new Set(keep), lengths });
  return { before, after: program, folded };
}

const result = (program: Stmt[]): unknown => new Function(`${printProgram(program)}; return run();`)();

test("a program computes the same once its cold functions are folded, and Espruino can run it", () => {
  const { before, after, folded } = fold(PROGRAM, ["hot", "run"], ["kept"]);
  assert.ok(folded.size >= 2, `folded ${[...folded.keys()].join(", ")}`);
  assert.is(result(after), result(before));
  assert.equal(checkEspruino(printProgram(after)), []);
});

test("only what the hot roots do not reach is folded, and never what must stay as it is", () => {
  const { folded } = fold(PROGRAM, ["hot", "run"], ["kept"]);
  // fail is a cold root: it and what only it calls fold, although hot calls it; run and all it reaches are hot.
  assert.equal([...folded.keys()].sort(), ["fail", "report"]);
  const noRun = fold(PROGRAM, ["hot"], ["kept"]).folded;
  for (const f of ["fail", "report", "name", "named", "run", "big"]) assert.ok(noRun.has(f), `${f} is not folded`);
  for (const f of ["hot", "kept", "passed", "args", "closure"]) assert.ok(!noRun.has(f), `${f} is folded`);
});

test("no dispatcher prints longer than the longest statement left as it was, names shortened as a build shortens them", () => {
  const { after } = fold(PROGRAM, ["hot"], ["kept"]);
  const lengths = shortenNames(after).program.map((s) => printStmt(s).length);
  const dispatchers = after.flatMap((s, i) => (s.k === "func" && s.fn.name!.startsWith("G_cold") ? [lengths[i]!] : []));
  const others = after.flatMap((s, i) => (s.k === "func" && s.fn.name!.startsWith("G_cold") ? [] : [lengths[i]!]));
  assert.ok(dispatchers.length > 0);
  assert.ok(Math.max(...dispatchers) <= Math.max(...others), `${dispatchers} against ${Math.max(...others)}`);
});

test.run();
