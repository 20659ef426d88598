/**
 * Interrupt dispatch: `outpost_event(source, arg, at)` reaches the handlers
 * listening to that source. Handlers only record and wake (`wake(id)`); the
 * work happens when the woken task is polled. This is Outpost's one rule for
 * event handlers, and why they need no locking.
 *
 * Handlers form an intrusive list per source (no allocation to listen or
 * unlisten, so drivers may do either at any time).
 */
import { EventSource } from "./abi";

export abstract class EventHandler {
  /** Next handler for the same source (managed by listen/unlisten). */
  nextHandler: EventHandler | null = null;
  listening: bool = false;
  abstract onEvent(source: i32, arg: i32, at: i64): void;
}

// @ts-ignore: decorator
@lazy const heads = new StaticArray<EventHandler | null>(EventSource.COUNT);

/** Routes events of `source` to `handler` (once; listening twice is a no-op). */
export function listen(source: i32, handler: EventHandler): void {
  if (handler.listening) return;
  handler.listening = true;
  handler.nextHandler = heads[source];
  heads[source] = handler;
}

export function unlisten(source: i32, handler: EventHandler): void {
  if (!handler.listening) return;
  handler.listening = false;
  let prev: EventHandler | null = null;
  let h = heads[source];
  while (h !== null) {
    if (h === handler) {
      if (prev === null) heads[source] = h.nextHandler;
      else prev.nextHandler = h.nextHandler;
      h.nextHandler = null;
      return;
    }
    prev = h;
    h = h.nextHandler;
  }
}

/** Delivers one event; unknown sources are ignored (a newer host may send more). */
export function dispatchEvent(source: i32, arg: i32, at: i64): void {
  if (source <= 0 || source >= EventSource.COUNT) return;
  let h = heads[source];
  while (h !== null) {
    const next = h.nextHandler; // a handler may unlisten itself
    h.onEvent(source, arg, at);
    h = next;
  }
}
