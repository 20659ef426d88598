/**
 * Backslash escapes in the text options of `outpost sim` (`--uart0 'led on\n'`,
 * `--expect-text`, `--fail-text`), so a line ending or a control byte can be
 * typed on one shell line:
 *
 *   \n  line feed (0x0A)    \r  carriage return (0x0D)    \t  tab (0x09)
 *   \xNN  the byte 0xNN     \\  one backslash
 *
 * Any other backslash is a USAGE error naming the option and the escape, so
 * a typo never sends something else than what was meant. The result is
 * bytes: `\xFF` is the byte 0xFF, not the UTF-8 of U+00FF, and the rest of
 * the text is UTF-8.
 */
import { usageError } from "./args.ts";

const SIMPLE: Record<string, number> = { n: 0x0a, r: 0x0d, t: 0x09, "\\": 0x5c };

/** `text` with its escapes replaced, as bytes; `option` names the option in errors. */
export function unescapeText(text: string, option: string): Uint8Array {
  const bytes: number[] = [];
  const utf8 = new TextEncoder();
  let plain = 0; // start of the text not yet copied
  const flush = (end: number): void => {
    bytes.push(...utf8.encode(text.slice(plain, end)));
  };
  for (let i = text.indexOf("\\"); i >= 0; i = text.indexOf("\\", plain)) {
    flush(i);
    const kind = text[i + 1];
    if (kind !== undefined && kind in SIMPLE) {
      bytes.push(SIMPLE[kind]!);
      plain = i + 2;
    } else if (kind === "x" && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 2, i + 4))) {
      bytes.push(parseInt(text.slice(i + 2, i + 4), 16));
      plain = i + 4;
    } else {
      const shown = kind === undefined ? "a \\ at the end" : kind === "x" ? `\\x${text.slice(i + 2, i + 4)}` : `\\${kind}`;
      throw usageError("sim", `${option} '${text}': ${shown} is not an escape: write \\n, \\r, \\t, \\xNN (two hex digits) or \\\\ for a backslash`);
    }
  }
  flush(text.length);
  return new Uint8Array(bytes);
}

/** `unescapeText` for options compared as text (--expect-text): the bytes read as UTF-8. */
export function unescapeString(text: string, option: string): string {
  return new TextDecoder().decode(unescapeText(text, option));
}
