/**
 * `ByteBuf`: a fixed-capacity byte buffer for building text to write (a
 * UART line, a shell reply) without allocating: the firmware's answer to
 * string concatenation, which allocates and so panics after init.
 *
 *   const out = new ByteBuf(64);                         // at init
 *   out.clear().str("LED1 ").str(on ? "on" : "off").crlf();
 *   writeAll.arm(uart, out.data, 0, out.length)
 *
 * Text past the capacity is dropped and sets `truncated`; nothing panics.
 * Strings are written as UTF-8. Every method returns `this` for chaining,
 * costs O(bytes written) and never allocates. Text and numbers are encoded
 * by outpost/text's writers (redirected here), the ones panics and logs use.
 */
import { checkRadix, textDropped, textFloat, textRadix, textRadixUnsigned, textRedirect, textRestore, textUnsigned, textUtf8 } from "outpost/text";
import { newStaticArray } from "outpost/arrays";

export class ByteBuf {
  readonly data: StaticArray<u8>;
  length: i32 = 0;
  /** Set when something did not fit since the last `clear`. */
  truncated: bool = false;

  /** A buffer of `capacity` bytes. Init only. */
  constructor(capacity: i32) {
    this.data = newStaticArray<u8>(capacity); // a negative capacity gives an empty buffer
  }

  get capacity(): i32 {
    return this.data.length;
  }

  clear(): ByteBuf {
    this.length = 0;
    this.truncated = false;
    return this;
  }

  /** Appends one byte. */
  byte(b: i32): ByteBuf {
    if (this.length < this.data.length) {
      unchecked((this.data[this.length] = <u8>b)); // length < capacity
      this.length++;
    } else {
      this.truncated = true;
    }
    return this;
  }

  /** Appends `s` as UTF-8 (lone surrogates become U+FFFD). */
  str(s: string): ByteBuf {
    this.redirect();
    textUtf8(s);
    return this.settle();
  }

  /** Appends `s` as `str` does, or `null` when it is null (as a template literal writes it). */
  strOrNull(s: string | null): ByteBuf {
    return s === null ? this.str("null") : this.str(s);
  }

  /** Appends `src[start, end)`. */
  bytes(src: StaticArray<u8>, start: i32, end: i32): ByteBuf {
    for (let i = start; i < end; i++) this.byte(src[i]);
    return this;
  }

  /** Appends a signed integer, in decimal or in base `radix` (2 to 36) as `value.toString(radix)` writes it (`ff`, `-101`). */
  int(value: i64, radix: i32 = 10): ByteBuf {
    checkRadix(radix);
    this.redirect();
    textRadix(value, radix);
    return this.settle();
  }

  /** Appends a float (f64 or f32) as `${value}` writes it in AssemblyScript (`21.5`, `21.0`, `1e+21`). */
  float<T extends number>(value: T): ByteBuf {
    this.redirect();
    textFloat<T>(value);
    return this.settle();
  }

  /** Appends an unsigned decimal integer with at least `digits` digits (zero-padded). */
  uint(value: u64, digits: i32 = 1): ByteBuf {
    this.redirect();
    textUnsigned(value, digits);
    return this.settle();
  }

  /** Appends a u64 in base `radix` (2–36), as `value.toString(radix)` writes it: every bit is magnitude. */
  uintBase(value: u64, radix: i32): ByteBuf {
    checkRadix(radix);
    this.redirect();
    textRadixUnsigned(value, radix);
    return this.settle();
  }

  /**
   * Appends a fixed-point number: `value / 10^decimals` with exactly
   * `decimals` digits after the point (`fixed(481173000, 7)` → `48.1173000`).
   */
  fixed(value: i64, decimals: i32): ByteBuf {
    let scale: u64 = 1;
    for (let i = 0; i < decimals; i++) scale *= 10;
    let magnitude: u64;
    if (value < 0) {
      this.byte(0x2d); // '-'
      magnitude = <u64>(-(value + 1)) + 1;
    } else {
      magnitude = <u64>value;
    }
    this.uint(magnitude / scale, 1);
    if (decimals > 0) this.byte(0x2e).uint(magnitude % scale, decimals); // '.'
    return this;
  }

  /** Appends CR LF, the line ending serial terminals expect. */
  crlf(): ByteBuf {
    return this.byte(0x0d).byte(0x0a);
  }

  /** Points outpost/text's writers at the free part of `data`. */
  private redirect(): void {
    textRedirect(changetype<usize>(this.data) + <usize>this.length, this.data.length - this.length); // StaticArray<u8> data starts at the object pointer
  }

  /** Takes back what the writers appended since `redirect`. */
  private settle(): ByteBuf {
    this.length += textRestore();
    if (textDropped()) this.truncated = true;
    return this;
  }
}

/** True when `buf[start, end)` holds exactly the ASCII text `s`. */
export function bytesEqual(buf: StaticArray<u8>, start: i32, end: i32, s: string): bool {
  if (end - start != s.length) return false;
  for (let i = 0; i < s.length; i++) {
    if (<i32>buf[start + i] != <i32>s.charCodeAt(i)) return false;
  }
  return true;
}
