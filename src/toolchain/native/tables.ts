/**
 * The C a native image is configured with, generated from board.json and
 * the build: board_tables.c/.h (pin names, UART sizes, the deferred text
 * table, so the image prints "LED1 high" and whole messages) and
 * outpost_build.h (the memory backing, the stack budget, which exports the
 * firmware has). Sizes the host needs at compile time travel as -D flags
 * (`hostDefines`), so host.c sees them before host.h.
 */
import type { Board } from "../../contract/boards.ts";

export interface ImageConfig {
  board: Board;
  /** Bytes of linear memory to back: the firmware's measured heap top, rounded up. */
  memoryBytes: number;
  /** The C stack the firmware may use below the host loop (board.json build.stack). */
  stackBytes: number;
  /** The deferred literals (<name>.text.json), or none. */
  text: readonly string[];
  /** Export names the module has. */
  exports: readonly string[];
  tableElements: number;
  funcTypes: number;
  /** False when the firmware imports no UART function: the image gets 1-byte FIFOs. */
  usesUart: boolean;
  /** False for a firmware that imports nothing from the host. */
  hasImports: boolean;
}

/** A C string literal: printable ASCII as is, everything else as octal escapes of its UTF-8 bytes. */
export function cString(text: string): string {
  let out = '"';
  for (const byte of new TextEncoder().encode(text)) {
    if (byte === 0x22 || byte === 0x5c) out += "\\" + String.fromCharCode(byte);
    else if (byte >= 0x20 && byte < 0x7f && byte !== 0x3f) out += String.fromCharCode(byte); // '?': no trigraphs
    else out += "\\" + byte.toString(8).padStart(3, "0");
  }
  return out + '"';
}

function pinTable(board: Board): (string | null)[] {
  const count = Math.max(-1, ...Object.values(board.pins)) + 1;
  const names: (string | null)[] = new Array(count).fill(null);
  for (const [name, pin] of Object.entries(board.pins)) {
    names[pin] = Object.keys(board.aliases).find((a) => board.aliases[a] === name) ?? name;
  }
  return names;
}

function powerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/** -D flags every host file is compiled with. */
export function hostDefines(config: ImageConfig): string[] {
  const uarts = Object.values(config.board.uarts);
  const fifo = (sizes: number[]): number => (config.usesUart ? powerOfTwo(Math.max(1, ...sizes)) : 1);
  const rx = fifo(uarts.map((u) => u.rxFifo));
  const tx = fifo(uarts.map((u) => u.txFifo));
  return [
    `OUTPOST_HOST_PINS=${Math.max(1, pinTable(config.board).length)}`,
    `OUTPOST_HOST_UARTS=${Math.max(1, ...uarts.map((u) => u.port + 1))}`,
    `OUTPOST_HOST_RX_FIFO=${rx}`,
    `OUTPOST_BENCH_TX_FIFO=${tx}`,
    "OUTPOST_HOST_EVENTS=8",
    "OUTPOST_PANIC_BYTES=256",
    "OUTPOST_BENCH_GOALS=4",
    "OUTPOST_BENCH_WINDOW=64",
    `OUTPOST_TEXT_CHARS=${config.board.native?.textChars ?? 256}`,
    "OUTPOST_BOARD_TABLES",
    "OUTPOST_ENGINE_BUILTIN",
  ];
}

export function buildHeader(config: ImageConfig): string {
  const has = (name: string): string =>
    `#define OUTPOST_HAS_${name} ${config.exports.includes(`outpost_${name}`) ? 1 : 0}`;
  return [
    `/* outpost_build.h — written by outpost build for board "${config.board.name}". Do not edit. */`,
    "#ifndef OUTPOST_BUILD_H",
    "#define OUTPOST_BUILD_H",
    `/* Linear memory backed: the firmware's heap top after init (${config.memoryBytes} bytes, of 64 KiB pages declared). */`,
    `#define OUTPOST_MEMORY_BYTES ${config.memoryBytes}u`,
    `#define OUTPOST_STACK_BYTES ${config.stackBytes}u`,
    `#define OUTPOST_TABLE_ELEMENTS ${config.tableElements}`,
    `#define OUTPOST_FUNC_TYPES ${Math.max(1, config.funcTypes)}`,
    `#define OUTPOST_HAS_IMPORTS ${config.hasImports ? 1 : 0}`,
    ...["current_task", "task_name", "task_chain", "scratch", "heap_top"].map(has),
    "#endif",
    "",
  ].join("\n");
}

export function tablesHeader(): string {
  return [
    "/* board_tables.h — names and sizes from board.json, written by outpost build. Do not edit. */",
    "#ifndef OUTPOST_BOARD_TABLES_H",
    "#define OUTPOST_BOARD_TABLES_H",
    '#include "bench.h"',
    '#include "host.h"',
    "extern const outpost_names outpost_board_names;",
    "extern const outpost_bench_port outpost_board_ports[OUTPOST_HOST_UARTS];",
    "#endif",
    "",
  ].join("\n");
}

export function tablesSource(config: ImageConfig): string {
  const pins = pinTable(config.board);
  const ports: string[] = [];
  const uarts = Object.values(config.board.uarts);
  const portCount = Math.max(1, ...uarts.map((u) => u.port + 1));
  for (let port = 0; port < portCount; port++) {
    const u = uarts.find((x) => x.port === port);
    ports.push(u ? `{${u.txFifo}, ${u.rxFifo}, ${u.console ? 1 : 0}}` : "{0, 0, 0}");
  }
  const list = (items: string[]): string => (items.length ? items.map((s) => `    ${s},`).join("\n") : "    0,");
  return [
    `/* board_tables.c — board "${config.board.name}" and the build's text, written by outpost build. Do not edit. */`,
    '#include "board_tables.h"',
    "",
    "static const char *const pin_names[] = {",
    list(pins.map((n) => (n === null ? "0" : cString(n)))),
    "};",
    "",
    "/* The deferred message literals, by index (<name>.text.json). */",
    "static const char *const text[] = {",
    list(config.text.map(cString)),
    "};",
    "",
    "/* The board's name, for outpost run (kept in the image by the linker script). */",
    `__attribute__((section(".outpost_board"), used)) static const char board_marker[] = ${cString(`\0OUTPOST-BOARD ${config.board.name}`)};`,
    "",
    `const outpost_names outpost_board_names = {pin_names, ${pins.length}, text, ${config.text.length}};`,
    "",
    "/* Per port: TX FIFO, RX FIFO, console. */",
    `const outpost_bench_port outpost_board_ports[OUTPOST_HOST_UARTS] = {${ports.join(", ")}};`,
    "",
  ].join("\n");
}
