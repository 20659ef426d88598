/**
 * The glue's text expansion (boards/espruino/glue.js, G_text) prints what
 * every other host prints (src/contract/deferred-text.ts) for any bytes a
 * firmware can hand over: literals, UTF-16 strings (surrogate pairs, lone
 * surrogates, cut ones), integers up to ±2^63, tags cut by the end of the
 * text. Run in Node with Espruino's E.toString stood in for.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { expandText } from "../../src/contract/deferred-text.ts";
import { liftScript } from "../../src/toolchain/espruino/lift.ts";
import { printStmt } from "../../src/toolchain/espruino/print.ts";
import { literalTable } from "../../src/toolchain/espruino/bundle.ts";

const test = suite("espruino glue text");
const GLUE = fileURLToPath(new URL("../../boards/espruino/glue.js", import.meta.url));
const TABLE = ["cannot spawn task \"", "café", "", "≥ 0x80 🙂"];

/** G_text as the glue defines it, over `memory`, with a literal table in UTF-8 bytes (as the bundler writes it). */
function glueText(memory: Uint8Array): (ptr: number, len: number) => string {
  const fn = liftScript(readFileSync(GLUE, "utf8"), { file: "glue.js" }).find((s) => s.k === "func" && s.fn.name === "G_text")!;
  const E = { toString: (b: Uint8Array) => String.fromCharCode(...b) };
  const G_lit = (k: number): string => (k < TABLE.length ? Buffer.from(TABLE[k]!, "utf8").toString("latin1") : `{#${k}}`);
  return new Function("HEAPU8", "E", "G_lit", `${printStmt(fn)}; return G_text;`)(memory, E, G_lit) as (ptr: number, len: number) => string;
}

/** What the glue prints, as the simulator reads a console line (latin1 bytes, decoded as UTF-8). */
function printed(bytes: number[]): string {
  const memory = new Uint8Array(bytes.length + 8);
  memory.set(bytes, 5);
  return Buffer.from(glueText(memory)(5, bytes.length), "latin1").toString("utf8");
}

const ref = (k: number): number[] => [0xff, k & 0xff, k >> 8];
const str = (s: string): number[] => [0xfe, s.length & 0xff, s.length >> 8, ...Array.from(Buffer.from(s, "utf16le"))];
const int = (v: bigint): number[] => [0xfd, ...Array.from(new Uint8Array(BigInt64Array.of(v).buffer))];
const utf8 = (s: string): number[] => Array.from(Buffer.from(s, "utf8"));

test("plain UTF-8 passes through; literals, strings and integers expand", () => {
  const cases: number[][] = [
    utf8("hello é ≥ 🙂"),
    [...ref(0), ...str("blink"), ...utf8("\": its pool (size "), ...int(2n), ...utf8(") is full")],
    [...ref(1), ...ref(3), ...ref(9), ...ref(2)],
    [...str("a\ud83d\ude42b"), ...str("\ud83d"), ...str("x\ude42"), ...str("")],
    [...int(0n), 32, ...int(-1n), 32, ...int(9007199254740993n), 32, ...int(-9223372036854775808n), 32, ...int(9223372036854775807n)],
  ];
  for (const bytes of cases) assert.is(printed(bytes), expandText(Uint8Array.from(bytes), TABLE), JSON.stringify(bytes));
  assert.is(printed([...ref(0), ...str("blink"), ...utf8("\" x "), ...int(-42n)]), 'cannot spawn task "blink" x -42');
});

test("tags cut by the end of the text: a cut string keeps its whole units, a cut literal or integer is dropped", () => {
  const whole = [...utf8("a"), ...str("xyz\ud83d\ude42"), ...ref(1), ...int(123456789012n)];
  for (let n = 0; n <= whole.length; n++) {
    const bytes = whole.slice(0, n);
    assert.is(printed(bytes), expandText(Uint8Array.from(bytes), TABLE), `first ${n} bytes`);
  }
});

test("random byte strings read the same as on the other hosts (seeded)", () => {
  let seed = 12345;
  const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % n;
  for (let round = 0; round < 500; round++) {
    const bytes: number[] = [];
    while (bytes.length < 40) {
      const pick = rand(6);
      if (pick === 0) bytes.push(...ref(rand(6)));
      else if (pick === 1) bytes.push(...str(String.fromCharCode(...Array.from({ length: rand(4) }, () => (rand(3) ? rand(0x80) : 0xd800 + rand(0x800))))));
      else if (pick === 2) bytes.push(...int(BigInt.asIntN(64, BigInt(rand(1 << 30)) * BigInt(rand(1 << 30)) * BigInt(rand(64) - 32))));
      else bytes.push(rand(0x80));
    }
    const cut = bytes.slice(0, 30 + rand(10));
    assert.is(printed(cut), expandText(Uint8Array.from(cut), TABLE), JSON.stringify(cut));
  }
});

test("a long literal table is cut into pieces G_lit picks from, each literal found where it was", () => {
  const texts = Array.from({ length: 400 }, (_, i) => `message ${i}: ${"é".repeat(i % 23)} ${"x".repeat((i * 7) % 41)}`);
  const stmts = literalTable(texts);
  const printedStmts = stmts.map(printStmt);
  assert.ok(stmts.length > 5, `${stmts.length} statements`);
  for (const text of printedStmts.slice(0, -1)) assert.ok(text.length <= 1700, `a piece of ${text.length} characters`);
  const G_lit = new Function(`${printedStmts.join("\n")}; return G_lit;`)() as (k: number) => string;
  texts.forEach((t, k) => assert.is(G_lit(k), Buffer.from(t, "utf8").toString("latin1"), `literal ${k}`));
  const one = new Function(`${literalTable(["a", "b"]).map(printStmt).join("\n")}; return G_lit;`)() as (k: number) => string;
  assert.is(one(1), "b");
});

test.run();
