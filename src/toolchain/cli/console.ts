/**
 * `outpost sim`'s two output streams, kept in simulation order: console
 * UART bytes go to stdout, diagnostics to stderr, both buffered in the
 * order they were made and written out in that order whenever 64 KiB have
 * gathered and whenever the run pauses (every ~100 ms of wall time), so a
 * long run costs one write per 64 KiB, not one per pin change.
 *
 * On a terminal, stderr may also carry one progress line (progress.ts),
 * which is erased before any other stderr line and redrawn later.
 *
 * The streams are an `Io`: the process's own for the command line, or a
 * capture for tests that run a command in-process and compare transcripts.
 */
import { formatTime } from "../../contract/duration.ts";

export interface Io {
  stdout(bytes: Uint8Array): void;
  stderr(text: string): void;
  /** stderr is a terminal (progress lines are drawn). */
  terminal: boolean;
}

export const processIo: Io = {
  stdout: (bytes) => void process.stdout.write(bytes),
  stderr: (text) => void process.stderr.write(text),
  get terminal() {
    return process.stderr.isTTY === true;
  },
};

/** An Io that keeps what a command writes: its console bytes and its diagnostics. */
export function captureIo(): Io & { out: number[]; err: string } {
  const io = {
    out: [] as number[],
    err: "",
    terminal: false,
    stdout: (bytes: Uint8Array) => void io.out.push(...bytes),
    stderr: (text: string) => void (io.err += text),
  };
  return io;
}

const FLUSH_AT = 65536;

export class Console {
  private readonly io: Io;
  /** Console bytes not yet in `segments`. */
  private bytes: number[] = [];
  /** Diagnostics not yet in `segments`. */
  private lines = "";
  /** What is ready to write, in order: bytes for stdout, text for stderr. */
  private segments: (Uint8Array | string)[] = [];
  private buffered = 0;
  private status: string | null = null;
  private readonly terminal: boolean;

  constructor(io: Io = processIo) {
    this.io = io;
    this.terminal = io.terminal;
  }

  byte(b: number): void {
    if (this.lines) this.seal();
    this.bytes.push(b);
    if (++this.buffered >= FLUSH_AT) this.flush();
  }

  /** One diagnostic line on stderr, after the console bytes that came before it. */
  line(text: string): void {
    if (this.bytes.length > 0) this.seal();
    if (this.status !== null) this.clearStatus();
    this.lines += text + "\n";
    this.buffered += text.length + 1;
    if (this.buffered >= FLUSH_AT) this.flush();
  }

  /** Closes the segment being gathered. */
  private seal(): void {
    if (this.bytes.length > 0) this.segments.push(new Uint8Array(this.bytes));
    if (this.lines) this.segments.push(this.lines);
    this.bytes = [];
    this.lines = "";
  }

  /** `[   1.500000] <text>` */
  stamped(at: number, text: string): void {
    this.line(`[${formatTime(at)}] ${text}`);
  }

  /** Several lines at once (a table). */
  block(text: string): void {
    this.flush();
    this.clearStatus();
    this.io.stderr(text);
  }

  /** Writes everything gathered, in order. */
  flush(): void {
    this.seal();
    for (const segment of this.segments) {
      if (typeof segment === "string") this.io.stderr(segment);
      else this.io.stdout(segment);
    }
    this.segments = [];
    this.buffered = 0;
  }

  /** Draws `text` as the progress line; only on a terminal. */
  showStatus(text: string): void {
    if (!this.terminal) return;
    this.flush();
    this.io.stderr(`\r\x1b[2K${text}`);
    this.status = text;
  }

  /** Erases the progress line (drawn after a flush, so nothing gathered since belongs before it). */
  clearStatus(): void {
    if (this.status === null) return;
    this.io.stderr("\r\x1b[2K");
    this.status = null;
  }

  get isTerminal(): boolean {
    return this.terminal;
  }
}
