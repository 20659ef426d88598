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
  const n = s.length;
  for (let i = 0; i < n; i++) {
    let c = <i32>s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < n) {
      const d = <i32>s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c >= 0xd800 && c < 0xe000) c = 0xfffd;
    if (c < 0x80) {
      textByte(c);
    } else if (c < 0x800) {
      textByte(0xc0 | (c >> 6));
      textByte(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
      textByte(0xe0 | (c >> 12));
      textByte(0x80 | ((c >> 6) & 0x3f));
      textByte(0x80 | (c & 0x3f));
    } else {
      textByte(0xf0 | (c >> 18));
      textByte(0x80 | ((c >> 12) & 0x3f));
      textByte(0x80 | ((c >> 6) & 0x3f));
      textByte(0x80 | (c & 0x3f));
    }
  }
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
