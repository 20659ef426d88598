/**
 * The translation passes on their own: label removal keeps control flow
 * (checked by running both versions in V8), the Math helpers match V8's
 * Math, peephole rewrites keep values, and printed text reads back the same.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { Stmt } from "../../src/toolchain/espruino/ast.ts";
import { checkEspruino } from "../../src/toolchain/espruino/check.ts";
import { helperDecls } from "../../src/toolchain/espruino/helpers.ts";
import { removeLabels } from "../../src/toolchain/espruino/labels.ts";
import { liftScript } from "../../src/toolchain/espruino/lift.ts";
import { shortenNames } from "../../src/toolchain/espruino/names.ts";
import { printProgram, printStmt } from "../../src/toolchain/espruino/print.ts";
import { simplify } from "../../src/toolchain/espruino/simplify.ts";
import { type WasmImports, wasm as wasmApi } from "../../src/contract/wasm-api.ts";

const test = suite("espruino translation passes");

type Fn = (...args: number[]) => unknown;
const compile = (text: string): Fn => new Function(`${text}; return f;`)() as Fn;

/** `f` with its labels removed, as text. */
function unlabelled(source: string): string {
  const [fn] = liftScript(source) as [Extract<Stmt, { k: "func" }>];
  return printStmt({ k: "func", fn: { ...fn.fn, body: removeLabels(fn.fn.body) } });
}

// Shapes wasm2js produces: labelled blocks left from inside loops and
// switches, continue to an outer loop, unlabelled break inside a labelled block.
const LABELLED = [
  `function f(a, b) { var r = 0; x: { if (a) break x; r = 1; y: { if (b) break y; r += 10; break x; } r += 100; } return r; }`,
  `function f(a, b) { var r = 0; o: while (1) { r++; switch (a + r) { case 3: break o; case 5: continue o; default: if (r > b) break o; } r += 10; } return r; }`,
  `function f(a, b) { var r = 0; o: for (var i = 0; i < a; i++) { for (var j = 0; j < b; j++) { if (j == 2) continue o; if (i == 3) break o; r += i * j; } r -= 1; } return r; }`,
  `function f(a, b) { var r = 0; while (r < 50) { blk: { if (a & 1) break blk; r += 3; if (b & 2) continue; } r += 1; if (r > 20) break; } return r; }`,
  `function f(a, b) { var r = 0; l1: { l2: { l3: { switch (a % 4) { case 0: break l1; case 1: break l2; case 2: break l3; default: } r = 1; } r += 2; } r += 4; } return r + b; }`,
  `function f(a, b) { var r = 0; out: do { inner: while (1) { r++; if (r == a) break out; if (r > b) break inner; } r += 100; } while (r < 300); return r; }`,
  // default first, as wasm2js writes br_table; fall-through into and out of it
  `function f(a, b) { var r = 0; o: while (r < 40) { switch ((a + r) % 5) { default: r += 1; case 1: r += 2; break; case 2: r += 1; if (b & 1) continue o; r += 4; case 3: break o; } r += b; } return r; }`,
  `function f(a, b) { var r = a; switch (b % 4) { case 0: r *= 3; default: r += 5; case 3: r -= 1; } return r; }`,
  // br_table chains (jump tables): a guarding if with code after it, a jump to the next case from
  // mid-segment, `default` on a segment that moves last and jumps to the last (repeated), jumps
  // out of a loop inside a segment, several values on one segment, a continue to an outer loop
  `function f(a, b) { var r = 0; o: while (r < 30) { out: { b2: { b1: { b0: { if (a & 1) { switch ((a + r) % 4) { case 0: break b0; case 1: break b1; case 2: break b2; default: break out; } } r += 1; } r += 2; if (b & 1) break b2; r += 3; } r += 5; break out; } r += 7; if (r > 20) break o; } r += 11; } return r; }`,
  `function f(a, b) { var r = 0; x: { w: { v: { u: { switch (a % 5) { case 1: break v; case 2: break w; default: break u; } } if (b == 3) break w; return -1; } r += 2; break x; } r += 3; } return r + b; }`,
  `function f(a, b) { var r = 0; x: { w: { v: { switch (a % 3) { case 0: break v; case 1: break w; default: break x; } } for (var i = 0; i < b; i++) { r += i; if (r > 5) break w; if (i == 4) break x; } r += 100; } r += 1000; } return r; }`,
  `function f(a, b) { var r = 0; o: while (r < 9) { r++; x: { w: { v: { switch (a) { case 0: case 3: break v; case 5: case 1: break w; case 7: break w; default: break x; } } r += b; if (r & 1) continue o; } r += 10; } r += 100; } return r; }`,
];

LABELLED.forEach((source, i) => {
  test(`label removal keeps control flow (shape ${i + 1})`, () => {
    const text = unlabelled(source);
    assert.equal(checkEspruino(text), [], text);
    const before = compile(source);
    const after = compile(text);
    for (let a = 0; a < 8; a++) for (let b = 0; b < 8; b++) assert.is(after(a, b), before(a, b), `f(${a}, ${b}) in ${text}`);
  });
});

test("the Math helpers equal V8's imul, clz32, fround and trunc", () => {
  const text = printProgram(helperDecls(["$imul", "$clz32", "$fround", "$trunc"]));
  const h = new Function(`${text}; return { imul: $imul, clz32: $clz32, fround: $fround, trunc: $trunc };`)() as Record<string, Fn>;
  let seed = 7;
  const rand = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) | 0);
  const edge = [0, 1, -1, 0x7fffffff, -0x80000000, 0xffff, 0x10000, 3, -7];
  const ints = [...edge, ...Array.from({ length: 500 }, rand)];
  for (const a of ints) {
    assert.is(h.clz32!(a), Math.clz32(a), `clz32(${a})`);
    for (const b of edge.concat(ints.slice(0, 40))) assert.is(h.imul!(a, b), Math.imul(a, b), `imul(${a}, ${b})`);
  }
  for (const x of [0.1, -2.5, 1e10, 3.4e38, -1e-8, 123456.789, 2.5, -0.5]) {
    assert.is(h.fround!(x), Math.fround(x), `fround(${x})`);
    assert.is(h.trunc!(x), Math.trunc(x), `trunc(${x})`);
  }
});

test("peephole rewrites drop only coercions that change nothing", () => {
  const source = "function f(a, b) { return [(a + b | 0) >> 2, (a | 0) & (b | 0), 5 | 0, -5 | 0, 7 >>> 0, (a >>> 16) | 0, (a & b) | 0, a >>> 0 | 0, a | 0]; }";
  const [fn] = liftScript(source);
  const text = printStmt(simplify(fn!));
  assert.is(text, "function f(a,b){return[a+b>>2,a&b,5,-5,7,a>>>16,a&b,a>>>0|0,a|0]}");
  const before = compile(source);
  const after = compile(text);
  for (const [a, b] of [[1, 2], [-1, 0x7fffffff], [0x7fffffff, 1], [-0x80000000, -1], [3.7, 2.2], [2 ** 33 + 5, 9]] as const) {
    assert.equal(after(a, b), before(a, b));
  }
});

test("an int32 value loses its |0, and nothing else does", async () => {
  const { int32Facts } = await import("../../src/toolchain/espruino/simplify.ts");
  const views = [{ name: "H32", type: "Int32Array" }, { name: "F64", type: "Float64Array" }];
  // i: int32 local; t: a comparison (boolean); x: assigned a float load; n: sum (may overflow);
  // p: parameter of an export; q: parameter always given int32s; g: int32 module variable; h: one given a float;
  // k() returns int32s; w() may return a float; z() may fall off its end.
  const source = [
    "var g = 0, h = 0;",
    "function f(p) { var i = 0, t = 0, x = 0, n = 0; i = H32[p >> 2]; t = (i | 0) < 3; x = F64[1]; n = i + 1; g = i & 7; h = x;",
    "  return [i | 0, t | 0, x | 0, n | 0, p | 0, (H32[4] | 0) < (F64[2] | 0), k(i) | 0, w(i) | 0, z() | 0, g | 0, h | 0, inner(i, 5) | 0]; }",
    "function k(a) { return a & 255; }",
    "function w(a) { return F64[a]; }",
    "function z() { if (g) return 1; }",
    "function inner(q, r) { return (q | 0) < (r | 0) ? q : r; }",
  ].join("\n");
  const program = liftScript(source);
  const fns = program.filter((s) => s.k === "func").map((s) => (s as Extract<Stmt, { k: "func" }>).fn);
  const facts = int32Facts(fns, views, new Set(["f"]), program.filter((s) => s.k !== "func"));
  const text = program.map((s) => (s.k === "func" ? printStmt(simplify(s, views, facts)) : printStmt(s))).join("\n");
  assert.ok(text.includes("return[i,t|0,x|0,n|0,p|0,H32[4]<(F64[2]|0),k(i),w(i)|0,z()|0,g,h|0,inner(i,5)]"), text);
  assert.ok(text.includes("function inner(q,r){return q<r?q:r}"), text);
  const run = (t: string): unknown => new Function("H32", "F64", `${t}; return f(8);`)(new Int32Array([0, 0, 2 ** 31 - 1, 0, -5]), new Float64Array([0, 2.5, -7.75, 0, 0]));
  assert.equal(run(text), run(source));
});

test("printing is minimal and reads back to the same text", () => {
  const source = [
    "var x = (a, b), y = -(-z), w = a - -b, v = a + +b, u = typeof (a + b), t = !(a && b) || c;",
    "if (a) { if (b) c(); } else d();",
    "while (1) { if (x) { continue; } break; }",
    "do x++; while (x < 3);",
    "(function () { return { 'a b': 1, c: [1, 2] }; })();",
    "var n = new (f())(1), m = new F.G(2), k = (1).toString(), s = 'q\"\\n\\x01';",
  ].join("\n");
  const once = printProgram(liftScript(source));
  assert.is(printProgram(liftScript(once)), once);
  assert.is(
    once,
    [
      "var x=(a,b),y=- -z,w=a- -b,v=a+ +b,u=typeof(a+b),t=!(a&&b)||c;",
      "if(a){if(b)c()}else d();",
      "while(1){if(x)continue;break}",
      "do x++;while(x<3);",
      '(function(){return{"a b":1,c:[1,2]}}());',
      'var n=new(f())(1),m=new F.G(2),k=(1).toString(),s="q\\"\\n\\x01";',
      "",
    ].join("\n"),
  );
});

test("a do … while in a switch case or an else branch prints in braces (Espruino 2v29 runs on from a bare one after a break) and reads back the same", () => {
  const source = [
    "function f(x, c) { switch (x) { case 1: c = 1; break; case 2: do { c += 10; } while (0); c += 100; break; default: { do c--; while (c > 5); } } return c; }",
    "function g(x, c) { switch (x) { case 1: if (x) break; if (c) c = 3; else if (c > 1) c = 4; else do c++; while (0); c += 100; } return c; }",
  ].join("\n");
  const once = printProgram(liftScript(source));
  assert.is(
    once,
    [
      "function f(x,c){switch(x){case 1:c=1;break;case 2:{do c+=10;while(0)}c+=100;break;default:{do c--;while(c>5)}}return c}",
      "function g(x,c){switch(x){case 1:if(x)break;if(c)c=3;else if(c>1)c=4;else{do c++;while(0)}c+=100}return c}",
      "",
    ].join("\n"),
  );
  assert.is(printProgram(liftScript(once)), once);
  assert.equal(checkEspruino(once), []);
  const [f, g] = [compile(source), new Function(`${source}; return g;`)() as Fn];
  const [pf, pg] = [compile(once), new Function(`${once}; return g;`)() as Fn];
  for (let x = 0; x < 4; x++) for (let c = 0; c < 9; c++) assert.equal([pf(x, c), pg(x, c)], [f(x, c), g(x, c)]);
});

test("short names never hide a global a function uses, nor Espruino's own", () => {
  const source = "var total = 0; function add(value) { var tmp = value * 2; total = total + tmp; print(E, value); } add(1);";
  const { program, globals } = shortenNames(liftScript(source));
  const text = printProgram(program);
  assert.is(text, "var a=0;\nfunction b(b){var c=b*2;a=a+c;print(E,b)}\nb(1);\n");
  assert.equal([...globals], [["total", "a"], ["add", "b"]]);
});


test("trap guards leave alone data that reads like an instruction", async () => {
  const { guardTraps } = await import("../../src/toolchain/espruino/traps.ts");
  const { loadBinaryen } = await import("../../src/toolchain/wasm/binaryen.ts");
  const b = await loadBinaryen();
  const m = b.parseText(`(module (memory 1) (data (i32.const 0) "x(i32.div_s y") (func (export "f") (param i32 i32) (result i32) (i32.rem_u (local.get 0) (local.get 1))))`);
  const plain = m.emitBinary();
  m.dispose();
  const data = (bytes: Uint8Array): string => {
    const module = b.readBinary(bytes);
    try {
      return module.emitText().split("\n").filter((l: string) => l.includes("(data")).join("\n");
    } finally {
      module.dispose();
    }
  };
  const guarded = await guardTraps(plain);
  assert.match(data(guarded), /"x\(i32\.div_s y"/);
  assert.is(data(guarded), data(plain));
});

test("trap guards trap exactly where WebAssembly does, and compute the same elsewhere", async () => {
  const { guardTraps } = await import("../../src/toolchain/espruino/traps.ts");
  const { loadBinaryen } = await import("../../src/toolchain/wasm/binaryen.ts");
  const b = await loadBinaryen();
  const ops: [name: string, params: string, result: string][] = [
    ["i32.div_s", "i32 i32", "i32"], ["i32.div_u", "i32 i32", "i32"], ["i32.rem_s", "i32 i32", "i32"], ["i32.rem_u", "i32 i32", "i32"],
    ["i64.div_s", "i64 i64", "i64"], ["i64.rem_u", "i64 i64", "i64"],
    ["i32.trunc_f64_s", "f64", "i32"], ["i32.trunc_f64_u", "f64", "i32"], ["i32.trunc_f32_s", "f32", "i32"], ["i32.trunc_f32_u", "f32", "i32"],
    ["i64.trunc_f64_s", "f64", "i64"], ["i64.trunc_f64_u", "f64", "i64"], ["i64.trunc_f32_s", "f32", "i64"], ["i64.trunc_f32_u", "f32", "i64"],
  ];
  const funcs = ops.map(([op, params, result], i) => {
    const args = params.split(" ").map((_, k) => `(local.get ${k})`).join(" ");
    return `(func (export "f${i}") (param ${params}) (result ${result}) (${op} ${args}))`;
  });
  const m = b.parseText(`(module ${funcs.join(" ")})`);
  const plain = m.emitBinary();
  m.dispose();
  const guarded = await guardTraps(plain);
  const instantiate = async (bytes: Uint8Array, imports: WasmImports = {}): Promise<Record<string, (...a: unknown[]) => unknown>> =>
    (await wasmApi.instantiate(await wasmApi.compile(bytes), imports)).exports as Record<string, (...a: unknown[]) => unknown>;
  const original = await instantiate(plain);
  const trapped: string[] = [];
  const imports = { outpost_trap: new Proxy({}, { get: (_t, name: string) => () => { throw new Error(`trap ${name}`); } }) };
  const checked = await instantiate(guarded, imports);
  const outcome = (f: () => unknown): string => {
    try {
      return `= ${String(f())}`;
    } catch (e) {
      return (e as Error).message;
    }
  };
  const V8_TRAP: Record<string, string> = {
    "divide by zero": "trap divide_by_zero", "remainder by zero": "trap remainder_by_zero",
    "divide result unrepresentable": "trap divide_unrepresentable", "float unrepresentable in integer range": "trap float_unrepresentable",
  };
  const ints = [0, 1, -1, 7, -7, 2147483647, -2147483648];
  const longs = [0n, 1n, -1n, 7n, -9223372036854775808n, 9223372036854775807n];
  const floats = [0, -0.9, -1, -1.5, 2.5, 2147483647.9, 2147483648, -2147483648.9, -2147483649, 4294967295.5, 4294967296, 2 ** 63, -(2 ** 63), 2 ** 64, NaN, Infinity, -Infinity, 1e30];
  ops.forEach(([op, params], i) => {
    const cases: unknown[][] = params === "i32 i32" ? ints.flatMap((a) => ints.map((c) => [a, c])) : params === "i64 i64" ? longs.flatMap((a) => longs.map((c) => [a, c])) : floats.map((x) => [x]);
    for (const args of cases) {
      const want = outcome(() => original[`f${i}`]!(...args));
      const got = outcome(() => checked[`f${i}`]!(...args));
      assert.is(got, V8_TRAP[want] ?? want, `${op}(${args.join(", ")})`);
      if (V8_TRAP[want]) trapped.push(op);
    }
  });
  assert.equal([...new Set(trapped)].sort(), ops.map(([op]) => op).sort(), "every operation met a trapping case");
});

test("a checked build traps on a misaligned or out-of-bounds access, where the plain one reads the wrong word", async () => {
  const { checkMemoryAccesses } = await import("../../src/toolchain/espruino/checked.ts");
  const source = "function f(a){return HEAP32[a+4>>2]+HEAPU8[a>>0]}";
  const { decls, used } = checkMemoryAccesses(liftScript(source), [{ name: "HEAP32", type: "Int32Array" }, { name: "HEAPU8", type: "Uint8Array" }]);
  assert.ok(used);
  const text = printProgram(decls);
  assert.is(text, "function f(a){return HEAP32[$mem(a+4,2)]+HEAPU8[$mem(a,0)]}\n");
  const helper = printProgram(helperDecls(["$mem"]));
  const run = (body: string, a: number): string => {
    const f = new Function(`var HEAPU8=new Uint8Array(16),HEAP32=new Int32Array(HEAPU8.buffer);HEAP32[1]=7;HEAP32[2]=9;${helper}${body}return f;`)() as Fn;
    try {
      return String(f(a));
    } catch (e) {
      return (e as Error).message;
    }
  };
  assert.is(run(text, 4), "16"); // HEAP32[2] (9) + HEAPU8[4] (7, the low byte of HEAP32[1])
  assert.is(run(text, 2), "misaligned 4-byte memory access at 6");
  assert.is(run(text, 12), "memory access out of bounds");
  assert.is(run(source, 2), "7"); // unchecked: the word below the address, silently
});

test.run();
