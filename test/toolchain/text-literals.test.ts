/**
 * packTextLiterals (src/toolchain/text-literals.ts): `textLiteral("…")` and
 * `textOf("…")` in firmware sources become packed UTF-8 or, for boards that
 * defer text, indices into the build's table, on the same line; anything
 * else is left alone. expandText / decodeReferences
 * (src/contract/deferred-text.ts) turn the references back into words;
 * expandText also formats the strings (0xFE) and integers (0xFD) such
 * builds send unformatted.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { packTextLiterals, TextTable } from "../../src/toolchain/text-literals.ts";
import { decodeReferences, expandText } from "../../src/contract/deferred-text.ts";

test("a literal becomes its UTF-8 bytes after a two-byte length, escapes and non-ASCII included", () => {
  assert.is(packTextLiterals(`  textLiteral("a\\"µ");`), `  __outpost_text_put(memory.data<u8>([4,0,97,34,194,181]));`);
  assert.is(packTextLiterals(`f(textOf("ab"), x);`), `f(memory.data<u8>([2,0,97,98]), x);`);
});

test("every call on the line is packed and the line count stays the same", () => {
  const source = `textBegin();\ntextLiteral("ab"); textString(name); textLiteral("c");\npanicNow(1);\n`;
  const packed = packTextLiterals(source);
  assert.is(packed.split("\n").length, source.split("\n").length);
  assert.is(packed.split("\n")[1], `__outpost_text_put(memory.data<u8>([2,0,97,98])); textString(name); __outpost_text_put(memory.data<u8>([1,0,99]));`);
});

test("calls on something other than one string literal, member calls and longer names are left alone", () => {
  for (const call of [`textLiteral(name)`, `textLiteral("a" + b)`, `textLiteral('single')`, `textOf(s)`, `line.textOf("a")`, `mytextOf("a")`, `text("a")`]) {
    assert.is(packTextLiterals(call), call);
  }
  assert.is(packTextLiterals(`const s = "textLiteral";`), `const s = "textLiteral";`);
});

test("deferred: each distinct literal gets the next index, repeats share one", () => {
  const table = new TextTable();
  const source = `textLiteral("pool full"); f(textOf("of"));\ntextLiteral("pool full");`;
  assert.is(packTextLiterals(source, table), `__outpost_text_put(0); f(1);\n__outpost_text_put(0);`);
  assert.equal(table.texts, ["pool full", "of"]);
});

test("log.info(\"…\") and its siblings on a literal become Text lines in files that import log from outpost; others are left alone", () => {
  const source = `import { log, task } from "outpost";\nlog.info("up"); log.error("bad \\"x\\""); log.debug(name); log.warn("a" + b);\nlog.infoInt("n", 1); other.log.info("x");`;
  const table = new TextTable();
  assert.is(
    packTextLiterals(source, table),
    `import { log, task } from "outpost";\n__outpost_log_text(3, 0); __outpost_log_text(1, 1); log.debug(name); log.warn("a" + b);\nlog.infoInt("n", 1); other.log.info("x");`,
  );
  assert.equal(table.texts, ["up", 'bad "x"']);
  assert.is(packTextLiterals(`import { log } from "outpost";\nlog.warn("hi");`), `import { log } from "outpost";\n__outpost_log_text(2, memory.data<u8>([2,0,104,105]));`);
  const ownLog = `import { log } from "./my-log";\nlog.info("mine");`;
  assert.is(packTextLiterals(ownLog, new TextTable()), ownLog);
});

test("a host expands 0xFF references from the table, keeps unknown ones as {#id} and drops one cut off", () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  const bytes = Uint8Array.from([...utf8("µ "), 0xff, 1, 0, 0x20, 0xff, 0x0c, 0x01, 0xff, 0]);
  assert.is(expandText(bytes, ["a", "pool full"]), "µ pool full {#268}");
  assert.is(expandText(bytes, undefined), "µ {#1} {#268}");
  assert.is(expandText(utf8("plain"), ["x"]), "plain");
});

/** A 0xFE tag: `units` (UTF-16 code units, lone surrogates allowed) after their u16 count. */
const str = (units: number[]) => [0xfe, units.length & 0xff, units.length >> 8, ...units.flatMap((u) => [u & 0xff, u >> 8])];
/** A 0xFD tag: `value` as 8 bytes, little-endian two's complement. */
function int(value: bigint): number[] {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigInt64(0, value, true);
  return [0xfd, ...new Uint8Array(view.buffer)];
}
const units = (s: string) => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));
const bytesOf = (...parts: (string | number[])[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : p)));

test("a host encodes 0xFE strings (UTF-16 code units) as UTF-8: a surrogate pair is one code point, a lone surrogate U+FFFD", () => {
  assert.is(expandText(bytesOf(str(units("pool 7"))), undefined), "pool 7");
  assert.is(expandText(bytesOf(str([0xb5, 0xd83d, 0xde00])), undefined), "µ😀");
  assert.is(expandText(bytesOf(str([0xd83d, 0x41]), str([0xde00]), str([0x42, 0xd83d])), undefined), "\ufffdA\ufffdB\ufffd");
  assert.is(expandText(bytesOf("[", str([]), "]"), undefined), "[]");
});

test("a host prints 0xFD integers in decimal, the most negative one included", () => {
  const print = (value: bigint) => expandText(bytesOf(int(value)), undefined);
  assert.is(print(0n), "0");
  assert.is(print(-1n), "-1");
  assert.is(print(1234567890123n), "1234567890123");
  assert.is(print(-(2n ** 63n)), "-9223372036854775808");
  assert.is(print(2n ** 63n - 1n), "9223372036854775807");
});

test("strings and integers mix with 0xFF references and plain UTF-8, also in a view into a larger buffer", () => {
  const bytes = bytesOf("µ ", [0xff, 1, 0], " “", str(units("x😀")), "” took ", int(-42n), " µs");
  assert.is(expandText(bytes, ["a", "pool full"]), "µ pool full “x😀” took -42 µs");
  assert.is(expandText(bytes, undefined), "µ {#1} “x😀” took -42 µs");
  const inside = new Uint8Array(bytes.length + 3);
  inside.set(bytes, 1);
  assert.is(expandText(inside.subarray(1, bytes.length + 1), ["a", "pool full"]), "µ pool full “x😀” took -42 µs");
});

test("a message cut inside a tag: a string keeps its whole code units (a dangling high surrogate is U+FFFD), an integer or reference is dropped", () => {
  const cut = (bytes: Uint8Array, drop: number) => expandText(bytes.subarray(0, bytes.length - drop), undefined);
  const abc = bytesOf("a", str(units("bcd")));
  assert.is(cut(abc, 1), "abc"); // the odd byte of 'd' is ignored
  assert.is(cut(abc, 2), "abc");
  assert.is(cut(abc, 6), "a"); // just the tag and its count
  assert.is(cut(abc, 7), "a"); // cut inside the count
  assert.is(cut(abc, 8), "a");
  const pair = bytesOf("a", str([0x62, 0xd83d, 0xde00]));
  assert.is(cut(pair, 0), "ab😀");
  assert.is(cut(pair, 1), "ab\ufffd");
  assert.is(cut(pair, 2), "ab\ufffd");
  const minus = bytesOf("a", int(-1n));
  assert.is(cut(minus, 1), "a");
  assert.is(cut(minus, 8), "a");
  assert.is(cut(bytesOf("a", [0xff, 1, 0]), 1), "a");
});

test("outpost decode's substitution: {#id} in a board's log becomes the literal; ids the table lacks stay", () => {
  assert.is(decodeReferences("[   0.000000] panic BUSY in task 1: {#0} of {#7}", ["pool full"]), "[   0.000000] panic BUSY in task 1: pool full of {#7}");
});

test.run();
