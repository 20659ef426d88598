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
 *
 * `textRedirect(dst, room)` … `textRestore()` points the same writers at
 * another buffer for a moment (the panic's file name, hal's ByteBuf), so
 * UTF-8 and decimal are encoded in one place. A redirect is synchronous and
 * never nested; the message being built in scratch is kept.
 *
 * Two kinds of writer: `textString`/`textInt`/`textLiteral` build messages
 * for the host, which on deferred-text boards carry tags the host expands
 * (boards/ABI.md: 0xFF a literal, 0xFE a UTF-16 string, 0xFD an integer);
 * `textUtf8`/`textDecimal`/`textUnsigned` always write finished bytes, for
 * text that leaves the firmware as it is (a UART line).
 */
import { DEFERRED_TEXT } from "./build";
import { panicBadArgument } from "./errors";
import { dtoa_buffered, MAX_DOUBLE_LENGTH } from "~lib/util/number";

// @ts-ignore: decorator
@inline export const SCRATCH_SIZE: i32 = 512;
// @ts-ignore: decorator
@inline const MESSAGE_CAP: i32 = 384;
// @ts-ignore: decorator
@inline const FILE_CAP: i32 = SCRATCH_SIZE - MESSAGE_CAP;

export const scratch: usize = memory.data(SCRATCH_SIZE);

let base: usize = scratch; // where cursor counts from: scratch, or a redirect's buffer
let cursor: i32 = 0;
let limit: i32 = MESSAGE_CAP;
let dropped: bool = false; // a byte did not fit since textRedirect
let savedCursor: i32 = 0; // the message's cursor during a redirect

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
    store<u8>(base + <usize>cursor, <u8>b); // in bounds: cursor < limit, the size of base's region
    cursor++;
  } else {
    dropped = true;
  }
}

/** Sends the writers to `dst[0, room)` (the caller owns it) until `textRestore`. */
export function textRedirect(dst: usize, room: i32): void {
  savedCursor = cursor;
  base = dst;
  cursor = 0;
  limit = room;
  dropped = false;
}

/** Ends a redirect; returns the bytes written to its buffer (`textDropped` says if some did not fit). */
export function textRestore(): i32 {
  const written = cursor;
  base = scratch;
  cursor = savedCursor;
  limit = MESSAGE_CAP;
  return written;
}

/** Whether a byte was dropped since the last `textRedirect`. */
export function textDropped(): bool {
  return dropped;
}

/**
 * Appends `s` to a message for the host. Deferred-text builds send its UTF-16
 * code units behind a 0xFE tag and a u16 count (the host encodes them), so
 * firmware for those boards carries no UTF-8 encoder unless it writes text
 * elsewhere; other builds write UTF-8.
 */
export function textString(s: string): void {
  if (DEFERRED_TEXT) {
    const n = min(s.length, 0xffff);
    textByte(0xfe);
    textByte(n & 0xff);
    textByte(n >> 8);
    const from = changetype<usize>(s);
    for (let p = from, end = from + (<usize>n << 1); p < end; p++) textByte(<i32>load<u8>(p)); // p < end: within s
  } else {
    textUtf8(s);
  }
}

/** Appends `s` encoded as UTF-8 (lone surrogates become U+FFFD): for bytes that leave as they are, like a `ByteBuf`'s. */
export function textUtf8(s: string): void {
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
 * A message literal as the build stores it: `textOf("…")` gives one, `textPut`
 * writes it. What a handle is depends on the board (src/toolchain/text-literals.ts):
 * the address of the literal's UTF-8 bytes, or its index in a table the host
 * keeps (deferred text). Either way no UTF-16 string is stored.
 */
export type Text = usize;

/** The handle of a string literal; `outpost build` replaces every call, so one reaching the compiler had no literal. */
export function textOf(s: string): Text {
  ERROR("textOf() takes one string literal in double quotes: write textOf(\"…\")");
  return 0;
}

/** Appends the literal behind `t` (see `Text`). */
// @ts-ignore: decorator
@inline export function textPut(t: Text): void {
  __outpost_text_put(t);
}

/** `textPut` under the global name the build's rewrite of `textLiteral("…")` calls, so no file has to import it. */
// @ts-ignore: decorator
@global export function __outpost_text_put(t: Text): void {
  if (DEFERRED_TEXT) {
    // A reference the host expands: 0xFF (never part of UTF-8), then the index.
    textByte(0xff);
    textByte(<i32>t & 0xff);
    textByte(<i32>t >> 8);
  } else {
    // The build wrote the length (little-endian u16) before the bytes.
    const end = t + 2 + <usize>load<u16>(t, 0, 1); // align 1: literals are packed, so t may be odd
    for (let p = t + 2; p < end; p++) textByte(load<u8>(p));
  }
}

/**
 * Appends a literal piece of a message: `textLiteral("…")` is `textPut(textOf("…"))`,
 * so a message written from literals stores no UTF-16. Called with
 * anything but a string literal, it writes `s` with `textString`.
 */
export function textLiteral(s: string): void {
  textString(s);
}

/** Appends an integer to a message for the host: decimal, or in deferred-text builds 0xFD and its 8 bytes (little-endian) for the host to print. */
export function textInt(value: i64): void {
  if (DEFERRED_TEXT) {
    textByte(0xfd);
    for (let shift: i64 = 0; shift < 64; shift += 8) textByte(<i32>(value >> shift) & 0xff);
  } else {
    textDecimal(value);
  }
}

/**
 * Appends a float as AssemblyScript's `toString` writes it, which is what
 * `${x}` gives in sync code (`21.5`, `21.0`, `1e+21`, `NaN`; an f32 with the
 * digits an f32 needs), as finished ASCII on every board: deferred text has
 * no tag for floats, and the host prints them as the firmware does.
 */
export function textFloat<T extends number>(value: T): void {
  // dtoa's output, UTF-16, at most MAX_DOUBLE_LENGTH code units: static data only in firmware that writes floats.
  const floatChars = memory.data(MAX_DOUBLE_LENGTH << 1);
  const n = dtoa_buffered<T>(floatChars, value);
  for (let i: u32 = 0; i < n; i++) textByte(<i32>load<u16>(floatChars + (<usize>i << 1))); // i < n ≤ MAX_DOUBLE_LENGTH
}

/** Appends a signed decimal integer: for bytes that leave as they are, like a `ByteBuf`'s. */
export function textDecimal(value: i64): void {
  if (value < 0) {
    textByte(0x2d); // '-'
    // i64.MIN has no positive twin: print its digits from the unsigned value.
    textUnsigned(<u64>(-(value + 1)) + 1);
  } else {
    textUnsigned(<u64>value);
  }
}

/** Appends an unsigned decimal integer with at least `digits` digits (zero-padded). */
export function textUnsigned(value: u64, digits: i32 = 1): void {
  let divisor: u64 = 1;
  let width = 1;
  while (value / divisor >= 10 || width < digits) {
    divisor *= 10;
    width++;
  }
  while (divisor > 0) {
    textByte(0x30 + <i32>((value / divisor) % 10));
    divisor /= 10;
  }
}

/** Panics unless `radix` is one `toString(radix)` takes (2 to 36): checked before the text that writes it begins. */
export function checkRadix(radix: i32): void {
  if (radix < 2 || radix > 36) panicBadArgument(textOf("toString()"), textOf("radix argument must be between 2 and 36"), radix);
}

/**
 * Appends an integer in base `radix` (checkRadix) as `value.toString(radix)` writes it in AssemblyScript:
 * lowercase digits, a '-' before a negative one. Finished bytes on every board (deferred text's integer
 * tag is decimal).
 */
export function textRadix(value: i64, radix: i32): void {
  if (radix == 10) {
    textDecimal(value);
    return;
  }
  let magnitude = <u64>value;
  if (value < 0) {
    textByte(0x2d); // '-'
    magnitude = <u64>0 - magnitude; // i64.MIN's magnitude too, as a u64
  }
  textDigits(magnitude, radix);
}

/**
 * Appends a u64 in base `radix` (checkRadix), as its `toString(radix)` writes it: all 64 bits are the
 * magnitude (a u64 above i64's range is not negative). Finished bytes on every board.
 */
export function textRadixUnsigned(value: u64, radix: i32): void {
  textDigits(value, radix);
}

function textDigits(magnitude: u64, radix: i32): void {
  let divisor: u64 = 1;
  while (magnitude / divisor >= <u64>radix) divisor *= <u64>radix;
  while (divisor > 0) {
    const digit = <i32>((magnitude / divisor) % <u64>radix);
    textByte(digit < 10 ? 0x30 + digit : 0x57 + digit); // 0-9, then a-z
    divisor /= <u64>radix;
  }
}

/** Writes `s` into the file region of the scratch buffer; returns its length. */
export function textFile(s: string | null): i32 {
  if (s === null) return 0;
  textRedirect(textFilePtr(), FILE_CAP);
  textString(s);
  return textRestore();
}

/** Where the file region starts. */
export function textFilePtr(): usize {
  return scratch + <usize>MESSAGE_CAP;
}
