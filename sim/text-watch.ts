/**
 * Looking for text in what a UART has transmitted, as it grows.
 *
 * A `TextWatch` decodes a UART's transmitted bytes as UTF-8 incrementally
 * (a character split across two reads is kept whole) and keeps the text so
 * far. A `Needle` searches it for one string without rescanning what it has
 * already ruled out, so checking after every simulated instant stays cheap
 * however long the run.
 *
 * Who calls: the scenario runner (scenario-run.ts), after each instant.
 */

/** The part of a UART handle a watch reads. */
export interface ByteSource {
  readonly bytes: readonly number[];
}

export class TextWatch {
  private seen = 0;
  private decoded = "";
  private readonly decoder = new TextDecoder();

  constructor(private readonly source: ByteSource) {}

  /** Everything transmitted so far, decoded. */
  get text(): string {
    const bytes = this.source.bytes;
    if (bytes.length > this.seen) {
      this.decoded += this.decoder.decode(Uint8Array.from(bytes.slice(this.seen)), { stream: true });
      this.seen = bytes.length;
    }
    return this.decoded;
  }
}

/** One string looked for in a watch's text from `from` (a character index) on. */
export class Needle {
  /** Where the next search starts. */
  private from: number;
  /** Index just past the match, once found; -1 until then. */
  end = -1;

  constructor(
    private readonly watch: TextWatch,
    readonly text: string,
    from = 0,
  ) {
    this.from = from;
  }

  /** True once the text has appeared (at or after `from`). */
  found(): boolean {
    if (this.end >= 0) return true;
    const haystack = this.watch.text;
    if (haystack.length - this.from < this.text.length) return false;
    const at = haystack.indexOf(this.text, this.from);
    if (at >= 0) {
      this.end = at + this.text.length;
      return true;
    }
    this.from = Math.max(this.from, haystack.length - this.text.length + 1);
    return false;
  }
}
