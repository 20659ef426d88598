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
import { panicBadArgument } from "./errors";
import { textOf } from "./text";

export abstract class EventHandler {
  /** Next handler for the same source (managed by listen/unlisten). */
  nextHandler: EventHandler | null = null;
  listening: bool = false;
  abstract onEvent(source: i32, arg: i32, at: i64): void;
}

/** The first handler of each source: a static table of EventSource.COUNT handler pointers (0: none). */
const heads: usize = memory.data(EventSource.COUNT << alignof<usize>());

// @ts-ignore: decorator
@inline function headOf(source: i32): EventHandler | null {
  // checkSource or dispatchEvent checked 0 < source < COUNT: inside the table
  return changetype<EventHandler | null>(load<usize>(heads + (<usize>source << alignof<usize>())));
}

// @ts-ignore: decorator
@inline function setHead(source: i32, handler: EventHandler | null): void {
  store<usize>(heads + (<usize>source << alignof<usize>()), changetype<usize>(handler)); // 0 < source < COUNT
}

/** ABORT panic unless `source` is an EventSource value (the table has no slot for others). */
function checkSource(source: i32): void {
  if (<u32>source - 1 >= <u32>EventSource.COUNT - 1) panicBadArgument(textOf("listen"), textOf("source is not an EventSource value"), source);
}

/** Routes events of `source` (an EventSource value) to `handler` (once; listening twice is a no-op). */
export function listen(source: i32, handler: EventHandler): void {
  checkSource(source);
  if (handler.listening) return;
  handler.listening = true;
  handler.nextHandler = headOf(source);
  setHead(source, handler);
}

export function unlisten(source: i32, handler: EventHandler): void {
  checkSource(source);
  if (!handler.listening) return;
  handler.listening = false;
  let prev: EventHandler | null = null;
  let h = headOf(source);
  while (h !== null) {
    if (h === handler) {
      if (prev === null) setHead(source, h.nextHandler);
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
  let h = headOf(source);
  while (h !== null) {
    const next = h.nextHandler; // a handler may unlisten itself
    h.onEvent(source, arg, at);
    h = next;
  }
}
