/**
 * `outpost sim`'s two output streams, kept in simulation order: console
 * UART bytes go to stdout (buffered, flushed before every stderr line and
 * whenever the run pauses), diagnostics go to stderr one line at a time.
 *
 * On a terminal, stderr may also carry one progress line (progress.ts),
 * which is erased before any other stderr line and redrawn later.
 */
import { formatTime } from "../../contract/duration.ts";

export class Console {
  private pending: number[] = [];
  private status: string | null = null;

  constructor(private readonly terminal: boolean = process.stderr.isTTY === true) {}

  byte(b: number): void {
    this.pending.push(b);
    if (this.pending.length >= 4096) this.flush();
  }

  /** One diagnostic line on stderr, after the console bytes that came before it. */
  line(text: string): void {
    this.flush();
    this.clearStatus();
    process.stderr.write(text + "\n");
  }

  /** `[   1.500000] <text>` */
  stamped(at: number, text: string): void {
    this.line(`[${formatTime(at)}] ${text}`);
  }

  /** Several lines at once (a table). */
  block(text: string): void {
    this.flush();
    this.clearStatus();
    process.stderr.write(text);
  }

  flush(): void {
    if (this.pending.length === 0) return;
    process.stdout.write(new Uint8Array(this.pending));
    this.pending = [];
  }

  /** Draws `text` as the progress line; only on a terminal. */
  showStatus(text: string): void {
    if (!this.terminal) return;
    this.flush();
    process.stderr.write(`\r\x1b[2K${text}`);
    this.status = text;
  }

  clearStatus(): void {
    if (this.status === null) return;
    process.stderr.write("\r\x1b[2K");
    this.status = null;
  }

  get isTerminal(): boolean {
    return this.terminal;
  }
}
