/**
 * `outpost sim`'s two output streams, kept in simulation order: console
 * UART bytes go to stdout (buffered, flushed before every stderr line and
 * whenever the run pauses), diagnostics go to stderr one line at a time.
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

export class Console {
  private pending: number[] = [];
  private status: string | null = null;
  private readonly terminal: boolean;

  constructor(private readonly io: Io = processIo) {
    this.terminal = io.terminal;
  }

  byte(b: number): void {
    this.pending.push(b);
    if (this.pending.length >= 4096) this.flush();
  }

  /** One diagnostic line on stderr, after the console bytes that came before it. */
  line(text: string): void {
    this.flush();
    this.clearStatus();
    this.io.stderr(text + "\n");
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

  flush(): void {
    if (this.pending.length === 0) return;
    this.io.stdout(new Uint8Array(this.pending));
    this.pending = [];
  }

  /** Draws `text` as the progress line; only on a terminal. */
  showStatus(text: string): void {
    if (!this.terminal) return;
    this.flush();
    this.io.stderr(`\r\x1b[2K${text}`);
    this.status = text;
  }

  clearStatus(): void {
    if (this.status === null) return;
    this.io.stderr("\r\x1b[2K");
    this.status = null;
  }

  get isTerminal(): boolean {
    return this.terminal;
  }
}
