/**
 * `setWatch` / `clearWatch` for the Espruino host: which callbacks wait for
 * which edges of which pin, kept in step with the GPIO model's listened
 * edges (`gpio_listen`, the union of a pin's watches).
 *
 * The host feeds GPIO_EDGE events to `edge`; each matching watch's callback
 * is queued on the event loop with Espruino's argument
 * `{ state, time, lastTime }` (times in seconds on getTime()'s clock).
 * A watch without `repeat` is removed after it fires once. Debounce is not
 * modelled: Outpost's glue asks for none (the firmware debounces).
 */
import { EDGE_FALLING, EDGE_RISING } from "../../src/contract/abi-codes.ts";
import type { AbiHost } from "../abi-host.ts";
import type { WatchEvent, WatchOptions } from "./globals.ts";

interface Watch {
  pin: number;
  edges: number;
  repeat: boolean;
  callback: (e: WatchEvent) => void;
}

export class Watches {
  private readonly host: AbiHost;
  private readonly queue: (callback: () => void) => void;
  private readonly watches = new Map<number, Watch>();
  private readonly lastTime = new Map<number, number>();
  private nextId = 1;

  constructor(
    host: AbiHost,
    queue: (callback: () => void) => void,
  ) {
    this.host = host;
    this.queue = queue;
  }

  add(callback: (e: WatchEvent) => void, pin: number, options: WatchOptions = {}): number {
    const edge = options.edge ?? "both";
    const edges = edge === "rising" ? EDGE_RISING : edge === "falling" ? EDGE_FALLING : EDGE_RISING | EDGE_FALLING;
    const id = this.nextId++;
    this.watches.set(id, { pin, edges, repeat: options.repeat === true, callback });
    this.listen(pin);
    return id;
  }

  /** Espruino: no id clears every watch; an unknown id throws. */
  clear(id: number | string | undefined): void {
    if (id === undefined) {
      const pins = new Set([...this.watches.values()].map((w) => w.pin));
      this.watches.clear();
      for (const pin of pins) this.listen(pin);
      return;
    }
    const watch = this.watches.get(Number(id));
    if (!watch) throw new Error("Unknown Watch");
    this.watches.delete(Number(id));
    this.listen(watch.pin);
  }

  /** A listened edge happened on `pin` at `at` µs; `level` is the level after it. */
  edge(pin: number, level: number, at: number): void {
    const bit = level ? EDGE_RISING : EDGE_FALLING;
    const event: WatchEvent = { state: level === 1, time: at / 1e6, lastTime: this.lastTime.get(pin) ?? at / 1e6 };
    this.lastTime.set(pin, at / 1e6);
    for (const [id, w] of this.watches) {
      if (w.pin !== pin || !(w.edges & bit)) continue;
      if (!w.repeat) {
        this.watches.delete(id);
        this.listen(pin);
      }
      this.queue(() => w.callback({ ...event }));
    }
  }

  private listen(pin: number): void {
    let edges = 0;
    for (const w of this.watches.values()) if (w.pin === pin) edges |= w.edges;
    this.host.gpioListen(pin, edges);
  }
}
