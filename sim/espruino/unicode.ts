/**
 * Strings as an Espruino build with Unicode support (ESPR_UNICODE_SUPPORT,
 * board.json `espruino.unicode`, e.g. Bangle.js 2) hands them to a script.
 *
 * On such a build a string of bytes stays bytes for `length`,
 * `charCodeAt`, `substr`, E.toUint8Array and writing, but taking one
 * character out of it — `s[i]` or `s.charAt(i)` — at a byte ≥ 0x80 gives
 * that code point as a UTF-8 string: `"\x80"[0]` is the two bytes C2 80,
 * and `out += s[i]` appends both. Node's strings do not do that, so the
 * simulator's Espruino host would hide a script that builds strings that
 * way; with this model it fails the same way as the board.
 *
 * What is modelled: the strings serial devices deliver to `on("data")`
 * (serial.ts) are such strings (a Proxy over the bytes: index access and
 * charAt expand, everything else is the plain string's), and charAt on
 * every string of the script's context (context.ts). Indexing a string the
 * script built itself is not intercepted (a primitive string's index
 * access cannot be), so it stays exact.
 */

/** Espruino's answer for `s[i]` / `s.charAt(i)` on a Unicode build: one byte, or its code point's UTF-8 bytes. */
export function unicodeChar(s: string, i: number): string {
  const c = s.charCodeAt(i);
  if (Number.isNaN(c)) return "";
  if (c < 0x80) return s[i]!;
  return Buffer.from(String.fromCodePoint(c), "utf8").toString("latin1");
}

/** A string of bytes (char codes 0–255) as a Unicode build's `on("data")` handler receives it. */
export function unicodeBuildString(bytes: string): string {
  // A plain target: a String object's index properties are fixed, and a Proxy may not answer differently for them.
  return new Proxy(Object.create(null) as object, {
    get(_target, key) {
      if (typeof key === "string" && /^\d+$/.test(key)) return unicodeChar(bytes, Number(key));
      if (key === "charAt") return (i: number) => unicodeChar(bytes, Math.trunc(Number(i) || 0));
      if (key === Symbol.toPrimitive || key === "toString" || key === "valueOf") return () => bytes;
      if (key === "length") return bytes.length;
      const value = (String.prototype as unknown as Record<string | symbol, unknown>)[key];
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(bytes) : value;
    },
  }) as unknown as string;
}

/** Source run inside a Unicode board's context: String.prototype.charAt as the build has it. */
export const UNICODE_CHAR_AT = `(function (S) {
  var charAt = S.charAt;
  S.charAt = function (i) {
    var s = String(this), c = s.charCodeAt(i);
    if (!(c >= 0x80)) return charAt.call(s, i);
    return c < 0x800 ? String.fromCharCode(0xc0 | c >> 6, 0x80 | c & 63)
      : String.fromCharCode(0xe0 | c >> 12, 0x80 | c >> 6 & 63, 0x80 | c & 63);
  };
})(String.prototype);`;
