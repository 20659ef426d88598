/**
 * `outpost sim <firmware.wasm|entry.ts> [--board NAME] [--for 10s] [--uartN TEXT|@FILE] [--press BTN@TIME:HOLD]`
 *
 * Stdout is the board's console UART, byte for byte as transmitted. Stderr
 * carries pin changes, logs and a panic, each stamped with virtual time.
 * Console bytes are buffered and flushed before every stderr line so a
 * terminal shows both streams in simulation order.
 */
import { Simulator } from "../../../sim/index.ts";
import { DEFAULT_BOARD, loadBoard, resolveUart } from "../boards.ts";
import { formatTime, parseDuration } from "../duration.ts";
import { OutpostError } from "../errors.ts";
import { printHelp } from "./help.ts";
import { onePositional, parseArgs, usageError, valueOf, wantsHelp } from "./args.ts";
import { firmwareBytes, readInput } from "./files.ts";
import { reportPanic } from "./report.ts";

const LOG_LEVELS = ["", "error", "warn", "info", "debug"];
const UART_OPTION = /^--uart(\d+)$/;

export async function simCommand(argv: string[]): Promise<number> {
  const args = parseArgs(
    "sim",
    argv,
    { "--board": "value", "--for": "value", "--press": "value", "--help": "switch", "-h": "switch" },
    UART_OPTION,
  );
  if (wantsHelp(args)) return printHelp("sim");
  const path = onePositional("sim", args, "a firmware (.wasm) or an entry (.ts)");
  const board = loadBoard(valueOf(args, "--board") ?? DEFAULT_BOARD);
  const duration = parseDuration(valueOf(args, "--for") ?? "10s");
  const inputs = args.values
    .filter(([option]) => UART_OPTION.test(option))
    .map(([option, text]) => {
      const uart = `UART${UART_OPTION.exec(option)![1]}`;
      resolveUart(board, uart);
      const bytes = text.startsWith("@")
        ? readInput(text.slice(1), "UART input", `check the path after ${option} @`)
        : new TextEncoder().encode(text);
      return { uart, bytes };
    });
  const presses = args.values.filter(([option]) => option === "--press").map(([, spec]) => parsePress(spec, board.buttons));

  const wasm = await firmwareBytes(path, board);
  const out = new Console();
  const consoleUart = Object.entries(board.uarts).find(([, u]) => u.console)?.[0];
  const sim = await Simulator.load(wasm, {
    board: board.name,
    name: path,
    onUartByte: (uart, byte) => {
      if (uart === consoleUart) out.byte(byte);
    },
    onPinChange: (pin, level, at) => out.line(`[${formatTime(at)}] ${pin} ${level ? "high" : "low"}`),
    onLog: (e) => out.line(`[${formatTime(e.at)}] ${LOG_LEVELS[e.level] ?? `level ${e.level}`}: ${e.text}`),
  });
  for (const { uart, bytes } of inputs) sim.uart(uart).send(bytes, { at: 0 });
  for (const { button, at, hold } of presses) sim.button(button).tap(at, hold);
  sim.runFor(duration);
  out.flush();
  return sim.panic ? reportPanic(sim.panic) : 0;
}

/** `BTN1@1s:50ms`: press BTN1 at 1 s for 50 ms (the hold defaults to 100ms). */
function parsePress(spec: string, buttons: Record<string, unknown>): { button: string; at: number; hold: number } {
  const m = /^([^@]+)@([^:]+)(?::(.+))?$/.exec(spec);
  if (!m) throw usageError("sim", `bad --press "${spec}": write BUTTON@TIME:HOLD, like BTN1@1s:50ms`);
  const button = m[1]!;
  if (!(button in buttons)) {
    const valid = Object.keys(buttons).join(", ") || "none";
    throw new OutpostError("UNKNOWN_PIN", `--press names button "${button}", which the board lacks: valid buttons are ${valid}`);
  }
  return { button, at: parseDuration(m[2]!), hold: parseDuration(m[3] ?? "100ms") };
}

/** Console bytes on stdout, diagnostics on stderr, kept in order. */
class Console {
  private pending: number[] = [];

  byte(b: number): void {
    this.pending.push(b);
    if (this.pending.length >= 4096) this.flush();
  }

  line(text: string): void {
    this.flush();
    process.stderr.write(text + "\n");
  }

  flush(): void {
    if (this.pending.length === 0) return;
    process.stdout.write(new Uint8Array(this.pending));
    this.pending = [];
  }
}
