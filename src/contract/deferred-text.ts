/**
 * Turns firmware text (UTF-8 from a `log` or `panic`) back into words when
 * the build deferred its message literals (src/toolchain/text-literals.ts).
 * Three bytes UTF-8 never uses start a tag (boards/ABI.md):
 *
 *   0xFF id:u16          a literal's index into the table `outpost build`
 *                        wrote next to the .wasm (build/blinky.text.json)
 *   0xFE n:u16 units     a string as n UTF-16 code units, for the host to
 *                        encode (the firmware then needs no UTF-8 encoder)
 *   0xFD value:i64       an integer for the host to print in decimal
 *
 * all little-endian. Without the table a reference reads `{#12}`, which
 * `outpost decode` can expand later: the form the reference C host prints
 * too. The firmware cuts a message at its buffer's end, maybe inside a tag:
 * a cut string keeps its whole code units, a cut reference or integer is
 * dropped.
 */

const INT = 0xfd;
const STR = 0xfe;
const REF = 0xff;
const utf8 = new TextDecoder();
// Lone surrogates (and a high one dangling at the end) decode to U+FFFD; the caller drops an odd last byte.
const utf16 = new TextDecoder("utf-16le");

/** Index of the next tag byte (0xFD–0xFF) at or after `from`, or -1. */
function nextTag(bytes: Uint8Array, from: number): number {
  for (let i = from; i < bytes.length; i++) if (bytes[i]! >= INT) return i;
  return -1;
}

/** `bytes` as text, each tag expanded: a reference to its literal (or `{#id}` when `table` lacks it), a string, an integer. */
export function expandText(bytes: Uint8Array, table: readonly string[] | undefined): string {
  let i = nextTag(bytes, 0);
  if (i < 0) return utf8.decode(bytes);
  let out = "";
  let start = 0;
  for (; i >= 0; i = nextTag(bytes, start)) {
    out += utf8.decode(bytes.subarray(start, i));
    const size = bytes[i] === INT ? 9 : 3; // a string's units follow its 3 bytes
    if (i + size > bytes.length) {
      start = bytes.length; // the firmware's buffer ended inside the tag: drop the stump
      break;
    }
    const u16 = bytes[i + 1]! | (bytes[i + 2]! << 8);
    if (bytes[i] === REF) {
      out += table?.[u16] ?? `{#${u16}}`;
      start = i + 3;
    } else if (bytes[i] === STR) {
      start = Math.min(i + 3 + 2 * u16, bytes.length);
      out += utf16.decode(bytes.subarray(i + 3, start - ((start - i - 3) & 1))); // a cut string keeps its whole units
    } else {
      out += new DataView(bytes.buffer, bytes.byteOffset + i + 1, 8).getBigInt64(0, true).toString();
      start = i + 9;
    }
  }
  return out + utf8.decode(bytes.subarray(start));
}

/**
 * `{#id}` references in printed text (a board's log) replaced by their literals; an id the table
 * lacks becomes `unknown(id)` (by default it stays as it is).
 */
export function decodeReferences(text: string, table: readonly string[], unknown = (id: number): string => `{#${id}}`): string {
  return text.replace(/\{#(\d+)\}/g, (_, id: string) => table[Number(id)] ?? unknown(Number(id)));
}
