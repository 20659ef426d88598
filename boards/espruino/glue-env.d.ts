// What the glue (glue.js) may use besides Espruino's API, for type-checking
// it against @types/espruino (tsconfig.espruino.json, run by
// test/espruino/types.test.ts). The bundler (src/toolchain/espruino/bundle.ts)
// defines the firmware's names before the glue; Espruino itself has the
// last few, which @types/espruino 1.95 leaves out or declares too narrowly.

/** The Espruino pin of an ABI pin number (board.json "pins"), or undefined. */
declare function G_pin(n: number): Pin | undefined;
/** By ABI port: [serial device, tx pin number or -1, rx pin number or -1, RX buffer bytes, TX FIFO bytes], or undefined. */
declare function G_uart(port: number): [Serial, number, number, number, number] | undefined;
/** A literal of a deferred-text build's table, as UTF-8 bytes (`{#k}` without a table). */
declare function G_lit(k: number): string;
/** The firmware's linear memory. */
declare var HEAPU8: Uint8Array;
declare function outpost_abi_version(): number;
declare function outpost_init(): void;
declare function outpost_poll(): number;
declare function outpost_ready(): number;
declare function outpost_event(source: number, arg: number, atLow: number, atHigh: number): void;
declare function outpost_current_task(): number;
declare function outpost_task_name(id: number): number;
declare function outpost_task_chain(id: number): number;
declare function outpost_scratch(): number;

// Espruino 2v29 has these; @types/espruino 1.95 lacks them or their no-argument and extra-argument forms.
declare function setTimeout<A extends unknown[]>(callback: (...args: A) => void, ms: number, ...args: A): number;
declare function clearTimeout(): void;
declare function clearWatch(): void;
declare var console: { log(...args: unknown[]): void };
declare namespace E {
  /** Bytes (numbers, arrays, typed arrays) as a string of char codes 0–255. */
  function toString(...args: unknown[]): string;
}
