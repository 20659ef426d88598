/**
 * Packs the literal pieces of firmware messages as UTF-8.
 *
 * asc stores every string literal as UTF-16 behind a 20-byte object header,
 * so the text of a panic message costs more than twice its length in flash.
 * The runtime and the HAL write their messages through `textLiteral("…")`
 * (src/runtime/text.ts); before asc reads a file, `packTextLiterals` turns
 * each such call with a plain string literal into a call of the global
 * `__outpost_text_utf8` on a static byte string, the literal's UTF-8 after
 * a 2-byte little-endian length:
 *
 *   textLiteral("cannot spawn task \"")
 *     → __outpost_text_utf8(memory.data<u8>([19,0,99,97,110,…,34]))
 *
 * The host receives the same bytes either way (`textString` writes UTF-8
 * too). The rewrite stays on the call's line, so asc's diagnostics keep
 * their line numbers. A call whose argument is not a lone string literal
 * in double quotes (or whose escapes this file does not decode) is left as
 * it is, and writes its string with `textString` at run time.
 */

const CALL = /\btextLiteral\(("(?:[^"\\\n]|\\.)*")\)/g;

/** `source` with every `textLiteral("…")` call on a literal rewritten as above. */
export function packTextLiterals(source: string): string {
  if (!source.includes("textLiteral(")) return source;
  return source.replace(CALL, (call, literal: string) => {
    let text: string;
    try {
      text = JSON.parse(literal) as string; // the escapes firmware messages use (\" \\ \n \uXXXX) are JSON's
    } catch {
      return call;
    }
    const bytes = new TextEncoder().encode(text);
    if (bytes.length === 0 || bytes.length > 0xffff) return call;
    return `__outpost_text_utf8(memory.data<u8>([${[bytes.length & 0xff, bytes.length >> 8, ...bytes].join(",")}]))`;
  });
}
