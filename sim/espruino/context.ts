/**
 * The global scope an Espruino build runs in under the simulator: a fresh
 * realm (realm.ts: a Node `vm` context, an iframe in the browser page)
 * holding only what Espruino 2v29 offers a script, backed by the board
 * models through the host's ABI calls.
 *
 * Offered: the board's pins as globals (`D5`, `B2`, and aliases `LED1`,
 * `BTN1` naming the same pin objects); getTime; setTimeout, setInterval,
 * clearTimeout, clearInterval (loop.ts); setWatch, clearWatch
 * (watches.ts); pinMode, digitalWrite, digitalRead; the board's serial
 * devices (`Serial1`, …: serial.ts) and `USB` (output ignored); console.log
 * and print; `E.setFlags`, `E.toUint8Array`; atob, btoa; and the language's
 * own objects. Removed, because Espruino lacks them: Map, Set, WeakMap,
 * WeakSet, WeakRef, Symbol, Proxy, Reflect, BigInt, Intl, WebAssembly,
 * queueMicrotask, structuredClone; Math.imul, clz32, fround, trunc, sign,
 * cbrt, hypot, log2, log10, log1p, expm1 and the hyperbolic functions;
 * typed arrays' copyWithin. A script that uses one fails here as on a board.
 * On a board whose build has Unicode support, charAt behaves as there
 * (unicode.ts).
 */
import type { Board } from "../../src/contract/boards.ts";
import { E_PIN_BUSY, OK, PIN_MODES } from "../../src/contract/abi-codes.ts";
import type { AbiHost } from "../abi-host.ts";
import { type Realm, createRealm } from "./realm.ts";
import type { EspruinoE, EspruinoFunctions, EspruinoPin, WatchEvent, WatchOptions } from "./globals.ts";
import type { EventLoop } from "./loop.ts";
import { type SerialDevice, bytesOf } from "./serial.ts";
import { UNICODE_CHAR_AT } from "./unicode.ts";
import type { Watches } from "./watches.ts";

/** A pin object: what `D5` or `LED1` is inside the script. */
export class SimPin implements EspruinoPin {
  readonly name: string;
  readonly number: number;
  constructor(
    name: string,
    number: number,
  ) {
    this.name = name;
    this.number = number;
  }
  toString(): string {
    return this.name;
  }
}

export interface ContextParts {
  board: Board;
  host: AbiHost;
  loop: EventLoop;
  watches: Watches;
  serials: Record<string, SerialDevice>;
  /** One console line (console.log's arguments joined by spaces). */
  console: (text: string) => void;
  warn: (text: string) => void;
  /** The board's Espruino build has Unicode support (unicode.ts). */
  unicode: boolean;
}

const MISSING = [
  "Map", "Set", "WeakMap", "WeakSet", "WeakRef", "FinalizationRegistry", "Symbol", "Proxy", "Reflect", "BigInt",
  "BigInt64Array", "BigUint64Array", "Intl", "WebAssembly", "queueMicrotask", "structuredClone", "Atomics", "SharedArrayBuffer",
];
const MISSING_MATH = [
  "imul", "clz32", "fround", "trunc", "sign", "cbrt", "hypot", "log2", "log10", "log1p", "expm1",
  "sinh", "cosh", "tanh", "asinh", "acosh", "atanh",
];

export function createEspruinoContext(p: ContextParts): Realm {
  const pins = new Map<string, SimPin>();
  for (const [name, number] of Object.entries(p.board.pins)) pins.set(name, new SimPin(name, number));
  for (const [alias, target] of Object.entries(p.board.aliases)) {
    const pin = pins.get(target);
    if (pin) pins.set(alias, pin);
  }
  const pinOf = (pin: unknown, call: string): SimPin => {
    if (pin instanceof SimPin) return pin;
    throw new TypeError(`${call}: ${String(pin)} is not a pin of board "${p.board.name}"`);
  };

  const functions: EspruinoFunctions = {
    getTime: () => p.host.nowUs() / 1e6,
    setTimeout: (callback, ms, ...args) => p.loop.setTimer(callback as (...a: unknown[]) => void, ms, false, args),
    setInterval: (callback, ms, ...args) => p.loop.setTimer(callback as (...a: unknown[]) => void, ms, true, args),
    clearTimeout: (id?: number) => p.loop.clearTimer(id),
    clearInterval: (id?: number) => p.loop.clearTimer(id),
    setWatch: (callback: (e: WatchEvent) => void, pin: EspruinoPin, options: WatchOptions) => p.watches.add(callback, pinOf(pin, "setWatch").number, options),
    clearWatch: (id?: number | string) => p.watches.clear(id),
    pinMode: (pin, mode) => {
      const sim = pinOf(pin, "pinMode");
      const code = PIN_MODES.indexOf(String(mode).toUpperCase() as (typeof PIN_MODES)[number]);
      if (code < 0) return p.warn(`pinMode(${sim.name}, "${mode}"): the simulator models input, output, input_pullup and input_pulldown only`);
      const result = p.host.gpioConfigure(sim.number, code);
      if (result === E_PIN_BUSY) p.warn(`pinMode(${sim.name}, "${mode}") on a pin already set up: the simulator keeps its first mode`);
      else if (result !== OK) p.warn(`pinMode(${sim.name}, "${mode}") failed in the simulator (ABI error ${result})`);
    },
    digitalWrite: (pin, value) => p.host.gpioWrite(pinOf(pin, "digitalWrite").number, value ? 1 : 0),
    digitalRead: (pin) => p.host.gpioRead(pinOf(pin, "digitalRead").number),
    atob: (data) => atob(String(data)),
    btoa: (data) => btoa(String(data)),
  };
  const E: EspruinoE = {
    setFlags: () => {},
    toUint8Array: (data) => Uint8Array.from(bytesOf(data)),
    toString: (...args) => String.fromCharCode(...args.flatMap(bytesOf)),
  };
  const log = (...args: unknown[]): void => p.console(args.map((a) => String(a)).join(" "));
  const usb = { setup() {}, on() {}, write() {}, setConsole() {} };

  const sandbox: Record<string, unknown> = {
    ...functions,
    E,
    console: { log },
    print: log,
    USB: usb,
    ...p.serials,
  };
  for (const [name, pin] of pins) sandbox[name] = pin;
  const realm = createRealm(sandbox, `Espruino (${p.board.name})`);
  realm.run(
    `(function (g) {
      ${JSON.stringify(MISSING)}.forEach(function (n) { delete g[n]; });
      ${JSON.stringify(MISSING_MATH)}.forEach(function (n) { delete Math[n]; });
      delete Object.getPrototypeOf(Int8Array.prototype).copyWithin;
      g.global = g;
    })(this);`,
    "espruino-globals",
  );
  if (p.unicode) realm.run(UNICODE_CHAR_AT, "espruino-unicode");
  return realm;
}
