/**
 * `Shell`: a small command shell over a serial line. Portable: it uses only
 * the `BufRead` and `Write` traits (through `LineReader` and `WriteAll`).
 *
 *   class Led implements Command { run(args: Args, out: ByteBuf): void { … } }
 *   const shell = new Shell(uart, uart);                 // at init
 *   shell.register("led", "led on|off|toggle: switch LED1", new Led());
 *   shell.run()                                          // in a task's poll, forever
 *
 * The session: the shell writes the prompt, reads a line, splits it into
 * words at spaces and tabs, runs the command named by the first word, and
 * writes what the command put in `out` followed by the prompt again:
 *
 *   > status⏎
 *   LED1 off, up 1200 ms
 *   > frob⏎
 *   unknown command "frob": type help to list commands
 *   >
 *
 * `help` is built in and lists every command with its help text, in the
 * order registered. An empty line just gets a new prompt. A line longer
 * than `maxLine` gets `line too long: at most N characters`; input lost to
 * an overrun gets `input lost (overrun): type the command again`. Lines end
 * with CR, LF or CRLF; replies end with CRLF. The shell does not echo what
 * it reads (scripted input and terminals with local echo need none).
 *
 * Commands are objects registered at init (`register` allocates); they run
 * synchronously inside the shell's poll and write their reply into `out`
 * (a ByteBuf: no allocation, text past its capacity is cut). A command that
 * needs to wait should hand the work to a task (e.g. through a Signal).
 *
 * `run()` never completes. Cancel-safe: cancelling it cancels the pending
 * line read or write; a line being read is kept (LineReader), a reply being
 * written is dropped. The reader's receive and the writer's transmit
 * directions are busy while `run()` is pending.
 */
import { cancelHeld, ValueFuture, textOf } from "outpost";
import { BufRead, Write } from "outpost/hal/io";
import { ErrorKind } from "outpost/hal/error";
import { Op } from "outpost/hal/op";
import { ByteBuf, bytesEqual } from "outpost/hal/bytes";
import { WriteAll } from "outpost/hal/io_helpers";
import { LineReader } from "outpost/drivers/line_reader";
import { newStaticArray } from "outpost/arrays";

/** A shell command: writes its reply for `args` into `out`. */
export interface Command {
  run(args: Args, out: ByteBuf): void;
}

/** The words of a command line; word 0 is the command's name. */
export class Args {
  /** How many words the line has. */
  count: i32 = 0;
  line: StaticArray<u8>;
  private starts: StaticArray<i32>;
  private ends: StaticArray<i32>;

  /** Room for `maxWords` words of `line`. Init only. */
  constructor(line: StaticArray<u8>, maxWords: i32) {
    this.line = line;
    this.starts = newStaticArray<i32>(maxWords);
    this.ends = newStaticArray<i32>(maxWords);
  }

  /** Splits `line[0, length)` at spaces and tabs; words past `maxWords` are ignored. */
  split(length: i32): void {
    this.count = 0;
    let i = 0;
    while (i < length && this.count < this.starts.length) {
      while (i < length && isSpace(this.line[i])) i++;
      if (i == length) break;
      const start = i;
      while (i < length && !isSpace(this.line[i])) i++;
      unchecked((this.starts[this.count] = start)); // count < maxWords, checked by the loop
      unchecked((this.ends[this.count] = i)); // same index as above
      this.count++;
    }
  }

  /** True when word `i` exists and is exactly `s`. */
  is(i: i32, s: string): bool {
    if (<u32>i >= <u32>this.count) return false;
    return bytesEqual(this.line, this.starts[i], this.ends[i], s);
  }

  /** Appends word `i` (nothing if it does not exist) to `out`. */
  appendTo(i: i32, out: ByteBuf): void {
    if (<u32>i < <u32>this.count) out.bytes(this.line, this.starts[i], this.ends[i]);
  }

  /** Word `i` as a decimal integer, or `fallback` when it is missing or not a number. */
  int(i: i32, fallback: i64 = 0): i64 {
    if (<u32>i >= <u32>this.count) return fallback;
    let p = this.starts[i];
    const end = this.ends[i];
    const negative = this.line[p] == 0x2d; // '-'
    if (negative) p++;
    if (p == end) return fallback;
    let value: i64 = 0;
    for (; p < end; p++) {
      const d = <i32>this.line[p] - 0x30;
      if (d < 0 || d > 9) return fallback;
      value = value * 10 + d;
    }
    return negative ? -value : value;
  }
}

function isSpace(b: u8): bool {
  return b == 0x20 || b == 0x09;
}

class Entry {
  constructor(public name: string, public help: string, public handler: Command) {}
}

// @ts-ignore: decorator
@inline const WRITE: i32 = 0;
// @ts-ignore: decorator
@inline const READ: i32 = 1;

export class ShellRun extends Op<i32> {
  shell!: Shell;
  private state: i32 = WRITE;
  private inner: ValueFuture<i32> | null = null;

  arm(): ShellRun {
    this.begin();
    this.inner = null;
    return this;
  }

  poll(): bool {
    const shell = this.shell;
    while (true) {
      let inner = this.inner;
      if (inner === null) {
        if (this.state == WRITE) inner = shell.writing.arm(shell.writer, shell.out.data, 0, shell.out.length);
        else inner = shell.lines.readLine();
        this.inner = inner;
      }
      if (!inner.poll()) return this.park();
      this.inner = null;
      if (this.state == WRITE) {
        this.state = READ;
      } else {
        shell.answer(inner.value);
        this.state = WRITE;
      }
    }
  }

  protected release(): void {
    this.inner = cancelHeld(this.inner);
    if (this.state == WRITE) {
      // The reply is dropped; the next run() starts with a fresh prompt.
      this.shell.out.clear().str(this.shell.prompt);
    }
  }
}

export class Shell {
  readonly writer: Write;
  readonly lines: LineReader;
  readonly prompt: string;
  /** The reply being built or written. */
  readonly out: ByteBuf;
  readonly args: Args;
  writing: WriteAll = new WriteAll();
  /** Lines that named no registered command. */
  unknown: u32 = 0;
  private commands: Array<Entry> = new Array<Entry>();
  private op: ShellRun = new ShellRun();

  /**
   * A shell reading lines of up to `maxLine` bytes from `reader` and
   * replying on `writer` through a reply buffer of `outCapacity` bytes.
   * Init only.
   */
  constructor(reader: BufRead, writer: Write, prompt: string = "> ", maxLine: i32 = 80, outCapacity: i32 = 512) {
    const lines = new LineReader(reader, maxLine);
    const out = new ByteBuf(outCapacity);
    this.writer = writer;
    this.lines = lines;
    this.prompt = prompt;
    this.out = out;
    this.args = new Args(lines.line, 8);
    out.str(prompt);
    this.op.named("shell", textOf("run"));
    this.op.shell = this;
  }

  /** Adds a command named `name`, listed by help with `help`. Init only (allocates). */
  register(name: string, help: string, handler: Command): void {
    this.commands.push(new Entry(name, help, handler));
  }

  /** Runs the session; never completes (see the file comment). */
  run(): ShellRun {
    return this.op.arm();
  }

  /** Builds the reply to a readLine result into `out`, prompt included. */
  answer(result: i32): void {
    const out = this.out.clear();
    if (result == ErrorKind.OVERFLOW) {
      out.str("line too long: at most ").int(this.lines.maxLength).str(" characters").crlf();
    } else if (result == ErrorKind.OVERRUN) {
      out.str("input lost (overrun): type the command again").crlf();
    } else if (result < 0) {
      out.str("input error: type the command again").crlf();
    } else {
      this.args.split(result);
      if (this.args.count > 0) this.dispatch(out);
    }
    out.str(this.prompt);
  }

  private dispatch(out: ByteBuf): void {
    const args = this.args;
    if (args.is(0, "help")) {
      this.help(out);
      return;
    }
    for (let i = 0, n = this.commands.length; i < n; i++) {
      const entry = unchecked(this.commands[i]); // i < length
      if (args.is(0, entry.name)) {
        entry.handler.run(args, out);
        return;
      }
    }
    this.unknown++;
    out.str("unknown command \"");
    args.appendTo(0, out);
    out.str("\": type help to list commands").crlf();
  }

  private help(out: ByteBuf): void {
    let width = 4; // "help"
    for (let i = 0, n = this.commands.length; i < n; i++) width = max(width, unchecked(this.commands[i]).name.length); // i < length
    out.str("commands:").crlf();
    this.helpLine(out, "help", "list commands", width);
    for (let i = 0, n = this.commands.length; i < n; i++) {
      const entry = unchecked(this.commands[i]); // i < length
      this.helpLine(out, entry.name, entry.help, width);
    }
  }

  private helpLine(out: ByteBuf, name: string, help: string, width: i32): void {
    out.str("  ").str(name);
    for (let pad = name.length; pad < width + 2; pad++) out.byte(0x20);
    out.str(help).crlf();
  }
}
