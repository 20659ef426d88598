/**
 * Looking for text in what a UART has transmitted, as it grows.
 *
 * A `TextWatch` decodes a UART's transmitted bytes as UTF-8 incrementally
 * (a character split across two reads is kept whole) and keeps the newest
 * TEXT_WINDOW to 2 × TEXT_WINDOW characters of it, so memory stays bounded
 * however much the firmware prints: a text is looked for in the last
 * million characters at least. A `Needle` searches it for one string
 * without rescanning what it has already ruled out, so checking after every
 * simulated instant stays cheap however long the run. Positions are
 * absolute: characters since the first byte, dropped ones included.
 *
 * Who calls: the scenario runner (scenario-run.ts), after each instant.
 */

/** The part of a UART handle a watch reads. */
export interface ByteSource {
  /** Bytes transmitted so far. */
  readonly sent: number;
  /** The kept bytes from the `index`-th on. */
  bytesSince(index: number): number[];
}

/** Characters a watch keeps at least (it trims to this once it holds twice as many). */
export const TEXT_WINDOW = 1_000_000;

export class TextWatch {
  private readonly source: ByteSource;
  private seen = 0;
  private decoded = "";
  /** Characters dropped from the front of `decoded`. */
  private base = 0;
  private readonly decoder = new TextDecoder();

  constructor(source: ByteSource) {
    this.source = source;
  }

  /** The text so far, from absolute position `start` on (or from the oldest kept character). */
  textFrom(start: number): { text: string; at: number } {
    const sent = this.source.sent;
    if (sent > this.seen) {
      this.decoded += this.decoder.decode(Uint8Array.from(this.source.bytesSince(this.seen)), { stream: true });
      this.seen = sent;
      if (this.decoded.length > 2 * TEXT_WINDOW) {
        const drop = this.decoded.length - TEXT_WINDOW;
        this.decoded = this.decoded.slice(drop);
        this.base += drop;
      }
    }
    const at = Math.max(start, this.base);
    return { text: at === this.base ? this.decoded : this.decoded.slice(at - this.base), at };
  }

  /** Characters decoded so far, dropped ones included. */
  get length(): number {
    this.textFrom(Infinity);
    return this.base + this.decoded.length;
  }
}

/** One string looked for in a watch's text from `from` (a character index) on. */
export class Needle {
  private readonly watch: TextWatch;
  readonly text: string;
  /** Where the next search starts. */
  private from: number;
  /** Index just past the match, once found; -1 until then. */
  end = -1;

  constructor(
    watch: TextWatch,
    text: string,
    from = 0,
  ) {
    this.watch = watch;
    this.text = text;
    this.from = from;
  }

  /** True once the text has appeared (at or after `from`). */
  found(): boolean {
    if (this.end >= 0) return true;
    const { text: haystack, at: offset } = this.watch.textFrom(this.from);
    if (haystack.length < this.text.length) return false;
    const at = haystack.indexOf(this.text);
    if (at >= 0) {
      this.end = offset + at + this.text.length;
      return true;
    }
    this.from = offset + haystack.length - this.text.length + 1;
    return false;
  }
}
