/**
 * Board descriptions: load, validate and list `boards/<name>/board.json`
 * (read through board-files.ts, which the browser page swaps for its own).
 *
 * A board names its pins (number per name), aliases (LED1 → P13), LEDs,
 * buttons and UARTs, and its flash/RAM budget. The format is documented in
 * boards/README.md. Both the toolchain (pin names → numbers at build time)
 * and the simulator (what exists on the bench) read boards through here.
 */
import { boardNames, readBoardFile } from "./board-files.ts";
import type { EspruinoSpec } from "./espruino-board.ts";
import { checkBoard } from "./board-schema.ts";
import { OutpostError } from "./errors.ts";

export { boardNames };

export const DEFAULT_BOARD = "sim";

export interface LedSpec {
  activeLow: boolean;
}
export interface ButtonSpec {
  activeLow: boolean;
  /** How long the contacts bounce after each press or release (ms). */
  bounceMs: number;
}
export interface UartSpec {
  port: number;
  tx: string;
  rx: string;
  rxFifo: number;
  txFifo: number;
  /** The console UART: what `outpost sim` prints on stdout. */
  console?: boolean;
}
/**
 * How `outpost build` compiles for a board. Interpreter boards (family
 * "wasm") set `mvp` and `small`; their builds are also validated as MVP Wasm
 * and checked against `flash` and `ram` (see boards/wasm/README.md).
 */
export interface BuildSpec {
  /** MVP-only Wasm (what wasm3 v0.5.0 and WAMR both run). */
  mvp?: boolean;
  /** Optimise for size (-O3z) rather than speed. */
  small?: boolean;
  /**
   * Optimise for build time (asc -O0, then a few of binaryen's cheapest passes) rather than speed (-O3): the simulator, where a build is part of
   * every edit–run cycle. A third less build time; the firmware runs as written either way. `small` wins.
   */
  quick?: boolean;
  /** Interpreter stack the host gives the firmware (bytes); counted against `ram`. */
  stack?: number;
  /** Message literals stay on the host: the firmware sends their index (src/toolchain/text-literals.ts). */
  deferText?: boolean;
  /** Always a release build (no task introspection exports): native boards. */
  release?: boolean;
}
/**
 * Native boards (family "native"): the firmware translated to C and linked
 * with the host loop into one image (boards/native/README.md).
 */
export interface NativeSpec {
  /** The platform layer under boards/native/ ("mps2"). */
  platform: string;
  /** -mcpu for arm-none-eabi-gcc. */
  cpu: string;
  /** QEMU's machine (-machine) for outpost run. */
  qemu: string;
  /** Characters of one diagnostic line (OUTPOST_TEXT_CHARS); default 256. */
  textChars?: number;
  /** A real chip's OpenOCD scripts (`interface/stlink.cfg`, `target/stm32f4x.cfg`), for outpost flash --dry-run; none for an emulated board. */
  openocd?: string[];
}
export interface Board {
  name: string;
  description: string;
  family: string;
  clockHz: number;
  /** Bytes of flash for the firmware (for family "wasm": the .wasm file). */
  flash: number;
  /** Bytes of RAM for the firmware (for family "wasm": linear memory in use after init plus `build.stack`). */
  ram: number;
  build?: BuildSpec;
  /** Interpreter boards: the WebAssembly engine their host runs, e.g. "wasm3 v0.5.0". */
  engine?: string;
  pins: Record<string, number>;
  aliases: Record<string, string>;
  leds: Record<string, LedSpec>;
  buttons: Record<string, ButtonSpec>;
  uarts: Record<string, UartSpec>;
  /** Native boards (family "native"): how the image is built and run. */
  native?: NativeSpec;
  /** Espruino boards (family "espruino"): read it through `espruinoSpec`, which checks it. */
  espruino?: EspruinoSpec;
}

export function loadBoard(name: string): Board {
  const names = boardNames();
  if (!names.includes(name)) {
    throw new OutpostError(
      "UNKNOWN_BOARD",
      `unknown board "${name}": choose one of ${names.join(", ")} (outpost boards lists them)`,
    );
  }
  let text: string;
  try {
    text = readBoardFile(name);
  } catch (e) {
    throw new OutpostError("BAD_BOARD", `boards/${name}/board.json cannot be read (${(e as Error).message}): check the file`);
  }
  return parseBoard(text, name);
}

/** JSON.parse's complaint on one line, with "at position N" as a line and column. */
function jsonError(text: string, message: string): string {
  const line = message.replace(/\s+/g, " ");
  const at = /at position (\d+)/.exec(line);
  if (!at) return line;
  const before = text.slice(0, Number(at[1])).split("\n");
  return line.replace(/ in JSON at position \d+.*$| at position \d+.*$/, "") + ` at line ${before.length}, column ${before.at(-1)!.length + 1}`;
}

/** A board from the text of its board.json (the folder's name is `name`); BAD_BOARD naming the first problem. */
export function parseBoard(text: string, name: string): Board {
  const file = `boards/${name}/board.json`;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new OutpostError("BAD_BOARD", `${file} is not JSON (${jsonError(text, (e as Error).message)}): fix the file`);
  }
  const problem = checkBoard(json, name);
  if (problem !== null) throw new OutpostError("BAD_BOARD", `${file}: ${problem}: fix the file (boards/board.schema.json describes it)`);
  const board = json as Board;
  board.aliases ??= {};
  board.leds ??= {};
  board.buttons ??= {};
  board.uarts ??= {};
  return board;
}

/** `table[name]` if the table itself has it: "constructor" or "toString" are never found on a prototype. */
function own<T>(table: Record<string, T>, name: string): T | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

/** Every name a pin answers to: its own names first, then aliases. */
export function pinNames(board: Board): string[] {
  return [...Object.keys(board.pins), ...Object.keys(board.aliases)];
}

/** The pin number behind a pin name or alias, or an error listing valid names. */
export function resolvePin(board: Board, name: string): number {
  const target = own(board.aliases, name) ?? name;
  const pin = own(board.pins, target);
  if (pin === undefined) {
    throw new OutpostError(
      "UNKNOWN_PIN",
      `board "${board.name}" has no pin "${name}": valid pins are ${pinNames(board).join(", ")}`,
    );
  }
  return pin;
}

/**
 * What a build says of a name imported from `outpost/board` that the board
 * lacks (compile.ts from asc's error, `outpost check` from TypeScript's).
 */
export function unknownBoardNameMessage(board: Board, name: string): string {
  const uarts = Object.keys(board.uarts);
  return `board "${board.name}" has no pin or UART "${name}": valid pins are ${pinNames(board).join(", ")}` +
    (uarts.length ? `; UARTs are ${uarts.join(", ")}` : "") +
    ` (outpost boards lists every board)`;
}

/** The name a person would use for a pin number: its alias if it has one. */
export function pinLabel(board: Board, pin: number): string {
  const own = Object.keys(board.pins).find((n) => board.pins[n] === pin);
  if (own === undefined) return `pin ${pin}`;
  const alias = Object.keys(board.aliases).find((a) => board.aliases[a] === own);
  return alias ?? own;
}

/** The name of the UART `outpost sim` prints (marked `console` in board.json), or undefined. */
export function consoleUartName(board: Board): string | undefined {
  return Object.keys(board.uarts).find((name) => board.uarts[name]!.console);
}

export function resolveButton(board: Board, name: string): ButtonSpec {
  const button = own(board.buttons, name);
  if (button === undefined) {
    const valid = Object.keys(board.buttons).join(", ") || "none";
    throw new OutpostError("UNKNOWN_PIN", `board "${board.name}" has no button "${name}": valid buttons are ${valid}`);
  }
  return button;
}

export function resolveUart(board: Board, name: string): UartSpec {
  const uart = own(board.uarts, name);
  if (uart === undefined) {
    throw new OutpostError(
      "UNKNOWN_PORT",
      `board "${board.name}" has no UART "${name}": valid UARTs are ${Object.keys(board.uarts).join(", ") || "none"}`,
    );
  }
  return uart;
}

/** AssemblyScript source of the `outpost/board` module: one constant per name. */
export function boardModuleSource(board: Board): string {
  const lines = [
    `// Generated by outpost build for board "${board.name}". Do not edit.`,
    // @lazy: the name's static string is only emitted into firmware that reads it.
    `// @ts-ignore: decorator`,
    `@lazy export const BOARD_NAME = ${JSON.stringify(board.name)};`,
  ];
  for (const name of pinNames(board)) lines.push(`export const ${name}: i32 = ${resolvePin(board, name)};`);
  for (const [name, uart] of Object.entries(board.uarts)) lines.push(`export const ${name}: i32 = ${uart.port};`);
  const consoleUart = consoleUartName(board);
  lines.push(`export const CONSOLE_UART: i32 = ${consoleUart !== undefined ? board.uarts[consoleUart]!.port : -1};`);
  // A button's polarity differs between boards: firmware reads it here
  // instead of assuming a pull-up to ground.
  for (const [name, button] of Object.entries(board.buttons)) {
    lines.push(`export const ${name}_ACTIVE_LOW: bool = ${button.activeLow ? "true" : "false"};`);
  }
  return lines.join("\n") + "\n";
}
