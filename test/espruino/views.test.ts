/**
 * Fewer typed-array views over an Espruino build's memory
 * (src/toolchain/espruino/views.ts): signed twins and the 16-bit view
 * fold into the views that remain, and code through them reads and
 * writes the same bytes (run in V8 on the same memory before and after);
 * the 16-bit view stays when an access has side effects or a store's
 * value is used.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { Stmt } from "../../src/toolchain/espruino/ast.ts";
import { liftScript } from "../../src/toolchain/espruino/lift.ts";
import { printProgram } from "../../src/toolchain/espruino/print.ts";
import { foldViews } from "../../src/toolchain/espruino/views.ts";

const test = suite("espruino memory views folded");

const VIEWS = [
  { name: "HEAP8", type: "Int8Array" },
  { name: "HEAPU8", type: "Uint8Array" },
  { name: "HEAP16", type: "Int16Array" },
  { name: "HEAPU16", type: "Uint16Array" },
  { name: "HEAP32", type: "Int32Array" },
];

// Half-words written as numbers become text (as the runtime's integer-to-UTF-16 code does), read back signed and unsigned.
const TEXT = `function f(a, b) {
  var i = 0, k = a, r = 0;
  while (1) { i = i + 2 | 0; HEAPU16[i + 64 >> 1] = (k >>> 0) % 10 + 48 | 0; k = (k >>> 0) / 10 | 0; if (!k) break; }
  HEAPU16[70 >> 1] = b, HEAP8[3] = b;
  r = HEAPU16[66 >> 1] + HEAP16[70 >> 1] + HEAP8[3] | 0;
  HEAP32[4] = r;
  return r;
}`;

function run(decls: Stmt[], views: { name: string; type: string }[], a: number, b: number): { r: unknown; bytes: number[] } {
  const memory = new ArrayBuffer(128);
  const args = views.map((v) => v.name);
  const make = new Function(...args, `${printProgram(decls)}; return f;`) as (...v: unknown[]) => (a: number, b: number) => unknown;
  const ctor = (t: string): new (b: ArrayBuffer) => unknown => (globalThis as unknown as Record<string, new (b: ArrayBuffer) => unknown>)[t]!;
  const f = make(...views.map((v) => new (ctor(v.type))(memory)));
  const r = f(a, b);
  return { r, bytes: Array.from(new Uint8Array(memory)) };
}

test("folded views read and write the same bytes, and the 16-bit and signed views are gone", () => {
  const decls = liftScript(TEXT);
  const folded = foldViews(decls, VIEWS);
  assert.equal(folded.views.map((v) => v.type).sort(), ["Int32Array", "Uint8Array"]);
  for (const [a, b] of [[0, 0], [7, 65535], [123456789, 40000], [-1, 32768], [4294967295, 1]] as const) {
    assert.equal(run(folded.decls, folded.views, a, b), run(decls, VIEWS, a, b), `f(${a}, ${b})`);
  }
});

test("the 16-bit view stays when an index has side effects, a stored value is used, or a stored value reads memory", () => {
  for (const text of [
    "function f(a, b) { var i = 0; HEAPU16[(i = i + 2 | 0) >> 1] = a; return i; }",
    "function f(a, b) { var x = 0; x = HEAPU16[a >> 1] = b; return x; }",
    "function f(a, b) { return HEAPU16[g() >> 1] | 0; } function g() { return 2; }",
    // A u16 field incremented: split, the high byte would be computed from the low byte just written (255 + 1 gave 0).
    "function f(a, b) { HEAPU16[a >> 1] = HEAPU16[a >> 1] + 1 | 0; return HEAPU16[a >> 1] | 0; }",
  ]) {
    const folded = foldViews(liftScript(text), VIEWS);
    assert.ok(folded.views.some((v) => v.type === "Uint16Array"), text);
  }
  const carry = liftScript("function f(a, b) { HEAPU16[a >> 1] = HEAPU16[a >> 1] + b | 0; return HEAPU16[a >> 1] | 0; }");
  const folded = foldViews(carry, VIEWS);
  assert.equal(run(folded.decls, folded.views, 0, 1).r, 1);
  const memory = run(folded.decls, folded.views, 8, 256);
  assert.equal([memory.r, memory.bytes[8], memory.bytes[9]], [256, 0, 1]);
});

test.run();
