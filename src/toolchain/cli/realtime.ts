/**
 * stdin as the console UART's other end, for `outpost sim --realtime`.
 *
 * Bytes read from stdin are queued until the run loop hands them to the
 * simulated UART at the virtual time that matches their wall-clock arrival.
 * On a terminal, stdin is put in raw mode (keys arrive one by one, as a
 * serial terminal sends them) and what is typed is echoed on stderr, since
 * raw mode turns the terminal's own echo off; Ctrl-C (byte 0x03) then stops
 * the run instead of reaching the firmware. Piped stdin is read as is and
 * its end changes nothing: the run goes on until --for or Ctrl-C.
 */
const CTRL_C = 0x03;

export class TerminalInput {
  private readonly stdin: NodeJS.ReadStream;
  interrupted = false;
  private queue: number[] = [];
  private wake: (() => void) | null = null;
  private readonly raw: boolean;
  private readonly onData = (chunk: Buffer): void => this.receive(chunk);

  constructor(stdin: NodeJS.ReadStream = process.stdin) {
    this.stdin = stdin;
    this.raw = stdin.isTTY === true;
  }

  start(): void {
    if (this.raw) this.stdin.setRawMode(true);
    this.stdin.on("data", this.onData);
    this.stdin.resume();
  }

  stop(): void {
    this.stdin.off("data", this.onData);
    if (this.raw) this.stdin.setRawMode(false);
    this.stdin.pause();
    this.wake?.();
  }

  /** Every byte received since the last call; null when none. */
  take(): Uint8Array | null {
    if (this.queue.length === 0) return null;
    const bytes = Uint8Array.from(this.queue);
    this.queue = [];
    return bytes;
  }

  /** Resolves after `ms`, or sooner when input arrives or the user interrupts. */
  waitFor(ms: number): Promise<void> {
    if (this.queue.length > 0 || this.interrupted) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done(): void {
        clearTimeout(timer);
        self.wake = null;
        resolve();
      }
      this.wake = done;
    });
  }

  /** Stops the run from outside (SIGINT). */
  interrupt(): void {
    this.interrupted = true;
    this.wake?.();
  }

  private receive(chunk: Buffer): void {
    for (const byte of chunk) {
      if (this.raw && byte === CTRL_C) {
        this.interrupt();
        return;
      }
      this.queue.push(byte);
    }
    if (this.raw) process.stderr.write(chunk.toString("utf8").replace(/\r(?!\n)/g, "\r\n"));
    this.wake?.();
  }
}
