/**
 * packTextLiterals (src/toolchain/text-literals.ts): `textLiteral("…")` and
 * `textOf("…")` in firmware sources become packed UTF-8 or, for boards that
 * defer text, indices into the build's table, on the same line; anything
 * else is left alone. expandText / decodeReferences
 * (src/toolchain/deferred-text.ts) turn the references back into words.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { packTextLiterals, TextTable } from "../../src/toolchain/text-literals.ts";
import { decodeReferences, expandText } from "../../src/toolchain/deferred-text.ts";

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

test("deferred: each distinct literal gets the next index, repeats share one, and text.ts switches to references", () => {
  const table = new TextTable();
  const source = `textLiteral("pool full"); f(textOf("of"));\ntextLiteral("pool full");\nconst DEFERRED_TEXT: bool = false;`;
  assert.is(
    packTextLiterals(source, table),
    `__outpost_text_put(0); f(1);\n__outpost_text_put(0);\nconst DEFERRED_TEXT: bool = true;`,
  );
  assert.equal(table.texts, ["pool full", "of"]);
  assert.is(packTextLiterals(`const DEFERRED_TEXT: bool = false;`), `const DEFERRED_TEXT: bool = false;`);
});

test("a host expands 0xFF references from the table, keeps unknown ones as {#id} and drops one cut off", () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  const bytes = Uint8Array.from([...utf8("µ "), 0xff, 1, 0, 0x20, 0xff, 0x0c, 0x01, 0xff, 0]);
  assert.is(expandText(bytes, ["a", "pool full"]), "µ pool full {#268}");
  assert.is(expandText(bytes, undefined), "µ {#1} {#268}");
  assert.is(expandText(utf8("plain"), ["x"]), "plain");
});

test("outpost decode's substitution: {#id} in a board's log becomes the literal; ids the table lacks stay", () => {
  assert.is(decodeReferences("[   0.000000] panic BUSY in task 1: {#0} of {#7}", ["pool full"]), "[   0.000000] panic BUSY in task 1: pool full of {#7}");
});

test.run();
