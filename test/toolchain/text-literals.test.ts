/**
 * packTextLiterals (src/toolchain/text-literals.ts): `textLiteral("…")` in
 * firmware sources becomes a packed UTF-8 byte string, on the same line;
 * anything else is left alone.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { packTextLiterals } from "../../src/toolchain/text-literals.ts";

test("a literal becomes its UTF-8 bytes after a two-byte length, escapes and non-ASCII included", () => {
  assert.is(packTextLiterals(`  textLiteral("a\\"µ");`), `  __outpost_text_utf8(memory.data<u8>([4,0,97,34,194,181]));`);
});

test("every call on the line is packed and the line count stays the same", () => {
  const source = `textBegin();\ntextLiteral("ab"); textString(name); textLiteral("c");\npanicNow(1);\n`;
  const packed = packTextLiterals(source);
  assert.is(packed.split("\n").length, source.split("\n").length);
  assert.is(packed.split("\n")[1], `__outpost_text_utf8(memory.data<u8>([2,0,97,98])); textString(name); __outpost_text_utf8(memory.data<u8>([1,0,99]));`);
});

test("calls on something other than one string literal, and empty literals, are left for textString at run time", () => {
  for (const call of [`textLiteral(name)`, `textLiteral("")`, `textLiteral("a" + b)`, `textLiteral('single')`]) {
    assert.is(packTextLiterals(call), call);
  }
  assert.is(packTextLiterals(`const s = "textLiteral";`), `const s = "textLiteral";`);
});

test.run();
