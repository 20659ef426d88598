/**
 * Turns firmware text (UTF-8 from a `log` or `panic`) back into words when
 * the build deferred its message literals (src/toolchain/text-literals.ts):
 * each 0xFF byte is followed by a literal's index, little-endian u16, into
 * the table `outpost build` wrote next to the .wasm (build/blinky.text.json).
 *
 * Without the table a reference reads `{#12}`, which `outpost decode` can
 * expand later: the form the reference C host prints too.
 */

const REF = 0xff;
const utf8 = new TextDecoder();

/** `bytes` as text, each reference replaced by its literal (or `{#id}` when `table` lacks it). */
export function expandText(bytes: Uint8Array, table: readonly string[] | undefined): string {
  if (!bytes.includes(REF)) return utf8.decode(bytes);
  let out = "";
  let start = 0;
  for (let i = bytes.indexOf(REF); i >= 0; i = bytes.indexOf(REF, start)) {
    out += utf8.decode(bytes.subarray(start, i));
    if (i + 2 >= bytes.length) {
      start = bytes.length; // the firmware's buffer ended inside the reference: drop the stump
      break;
    }
    const id = bytes[i + 1]! | (bytes[i + 2]! << 8);
    out += table?.[id] ?? `{#${id}}`;
    start = i + 3;
  }
  return out + utf8.decode(bytes.subarray(start));
}

/** `{#id}` references in printed text (a board's log) replaced by their literals; unknown ids stay as they are. */
export function decodeReferences(text: string, table: readonly string[]): string {
  return text.replace(/\{#(\d+)\}/g, (ref, id: string) => table[Number(id)] ?? ref);
}
