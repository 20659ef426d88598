/**
 * A UTF-8 writer over a static buffer: how the firmware hands text (logs,
 * panic messages, task names) to the host without allocating.
 *
 *   scratch  [0 ................ 384)[384 ........ 512)
 *            message / log / name    file (panics only)
 *
 * The buffer is static data (`memory.data`), shared by everything that talks
 * to the host; a message is built and handed over before the next one starts,
 * so there is never more than one user. Text past the region is cut off.
 */

// @ts-ignore: decorator
@inline export const SCRATCH_SIZE: i32 = 512;
// @ts-ignore: decorator
@inline const MESSAGE_CAP: i32 = 384;
// @ts-ignore: decorator
@inline const FILE_CAP: i32 = SCRATCH_SIZE - MESSAGE_CAP;

export const scratch: usize = memory.data(SCRATCH_SIZE);

let cursor: i32 = 0;
let limit: i32 = MESSAGE_CAP;

/** Starts a new message at the beginning of the scratch buffer. */
export function textBegin(): void {
  cursor = 0;
  limit = MESSAGE_CAP;
}

/** Bytes written since `textBegin`. */
export function textLength(): i32 {
  return cursor;
}

/** Appends one byte (callers pass ASCII or ready-made UTF-8). */
export function textByte(b: i32): void {
  if (cursor < limit) {
    store<u8>(scratch + <usize>cursor, <u8>b); // in bounds: cursor < limit <= SCRATCH_SIZE
    cursor++;
  }
}

/** Appends `s` encoded as UTF-8 (lone surrogates become U+FFFD). */
export function textString(s: string): void {
  const base = changetype<usize>(s);
  const n = s.length;
  for (let i = 0; i < n; i++) {
    let c = <i32>load<u16>(base + (<usize>i << 1)); // i < n: a code unit of s
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < n) {
      const d = <i32>load<u16>(base + (<usize>(i + 1) << 1)); // i + 1 < n
      if (d >= 0xdc00 && d < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c >= 0xd800 && c < 0xe000) c = 0xfffd;
    if (c < 0x80) {
      textByte(c);
      continue;
    }
    // k continuation bytes of 6 bits each; the lead byte is k+1 one-bits, a zero, then the top bits.
    const k = c < 0x800 ? 1 : c < 0x10000 ? 2 : 3;
    textByte(((0xf80 >> k) & 0xff) | (c >> (6 * k)));
    for (let shift = 6 * (k - 1); shift >= 0; shift -= 6) textByte(0x80 | ((c >> shift) & 0x3f));
  }
}

/**
 * Appends a literal piece of a message: `textLiteral("…")`. It writes what
 * `textString` would, but `outpost build` stores the literal as UTF-8 bytes
 * (src/toolchain/text-literals.ts): half the flash of asc's UTF-16 string,
 * and no object header. Use it for every literal in a message.
 */
export function textLiteral(s: string): void {
  textString(s);
}

/**
 * What a `textLiteral("…")` call becomes in a build: appends the UTF-8 bytes
 * at `packed + 2`, as many as the little-endian u16 at `packed` says.
 */
// @ts-ignore: decorator
@global export function __outpost_text_utf8(packed: usize): void {
  const end = packed + 2 + <usize>load<u16>(packed); // the build wrote the length before the bytes
  for (let p = packed + 2; p < end; p++) textByte(load<u8>(p));
}

/** Appends a signed decimal integer. */
export function textInt(value: i64): void {
  if (value < 0) {
    textByte(0x2d); // '-'
    // i64.MIN has no positive twin: print its digits from the unsigned value.
    textUnsigned(<u64>(-(value + 1)) + 1);
  } else {
    textUnsigned(<u64>value);
  }
}

function textUnsigned(value: u64): void {
  let divisor: u64 = 1;
  while (value / divisor >= 10) divisor *= 10;
  while (divisor > 0) {
    textByte(0x30 + <i32>((value / divisor) % 10));
    divisor /= 10;
  }
}

/** Writes `s` into the file region of the scratch buffer; returns its length. */
export function textFile(s: string | null): i32 {
  if (s === null) return 0;
  const savedCursor = cursor;
  cursor = MESSAGE_CAP;
  limit = SCRATCH_SIZE;
  textString(s);
  const length = cursor - MESSAGE_CAP;
  cursor = savedCursor;
  limit = MESSAGE_CAP;
  return length <= FILE_CAP ? length : FILE_CAP;
}

/** Where the file region starts. */
export function textFilePtr(): usize {
  return scratch + <usize>MESSAGE_CAP;
}
