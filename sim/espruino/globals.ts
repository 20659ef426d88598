/**
 * The Espruino globals the simulator's Espruino host offers a script: the
 * slice of Espruino's API that Outpost's glue (boards/espruino/glue.js)
 * uses, with the signatures Espruino documents.
 *
 * These types are written here (not taken from `@types/espruino` directly)
 * because that package declares globals for a whole program, clashing with
 * Node's. test/espruino/types.test.ts type-checks a file in an
 * Espruino-only program (tsconfig.espruino.json, `types: ["espruino"]`)
 * that assigns Espruino's declared globals to these types (boards/espruino/host-globals-check.ts), so a signature
 * here that Espruino does not have fails the tests.
 *
 * No imports: the Espruino-only program compiles this file on its own.
 */

/** A pin: the objects behind `D5`, `LED1`, `BTN1`, … */
export interface EspruinoPin {
  toString(): string;
}

export interface WatchEvent {
  state: boolean;
  /** When the pin changed, in seconds on getTime()'s clock. */
  time: number;
  /** When the pin changed before that. */
  lastTime: number;
}

export interface WatchOptions {
  repeat?: boolean;
  edge?: "rising" | "falling" | "both";
  debounce?: number;
  irq?: boolean;
  data?: EspruinoPin;
}

export interface SerialSetupOptions {
  rx?: EspruinoPin;
  tx?: EspruinoPin;
  errors?: boolean;
}

export interface EspruinoSerial {
  setup(baudrate: number, options?: SerialSetupOptions): void;
  /** `data` gets a string of bytes; `framing` and `parity` need `errors: true` in setup. */
  on(event: string, listener: (data: string) => void): void;
  write(data: string | number | ArrayLike<number>): void;
}

export interface EspruinoE {
  setFlags(flags: Record<string, unknown>): void;
  toUint8Array(data: string | number[]): Uint8Array;
  /** Bytes (strings, numbers, arrays, typed arrays) as one string of char codes 0–255. */
  toString(...args: unknown[]): string;
}

/** Global functions of Espruino used by the glue. */
export interface EspruinoFunctions {
  getTime(): number;
  /** Extra arguments are passed to the callback. */
  setTimeout(callback: (...args: never[]) => void, ms: number, ...args: unknown[]): number;
  setInterval(callback: (...args: never[]) => void, ms: number, ...args: unknown[]): number;
  clearTimeout(id?: number): void;
  clearInterval(id?: number): void;
  /** A watch id (a number on Espruino 2v29; `@types/espruino` says string). */
  setWatch(callback: (e: WatchEvent) => void, pin: EspruinoPin, options: WatchOptions): number | string;
  clearWatch(id?: number | string): void;
  pinMode(pin: EspruinoPin, mode: string, automatic?: boolean): void;
  digitalWrite(pin: EspruinoPin, value: number | boolean): void;
  digitalRead(pin: EspruinoPin): number;
  atob(data: string): string;
  btoa(data: string): string;
}
