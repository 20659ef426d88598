/**
 * Sync iteration: what a `function*` generator's object is. `next()` runs
 * the generator to its next `yield` (or its end); `done` and `value` then
 * say what it gave, so the object is its own result, as JavaScript's
 * `{ done, value }` is (and nothing is allocated per item):
 *
 *   for (const e of evens(7)) use(e);          // what the lowering writes for you
 *   const it = evens(7);                       // by hand:
 *   while (!it.next().done) use(it.value);
 *
 * `close()` ends it early, running its `finally` blocks (a `for … of` left
 * by break, return or throw calls it, as JavaScript calls `return()`).
 * As in JavaScript, the result that says `done` holds what the generator
 * returned, so the object is also an `IteratorResult<T>`: a local typed
 * `IteratorResult<i32>` holds what `next()` gives.
 */
import { zeroOf } from "./future";

/**
 * The result of an iterator's `next()` (`{ done, value }`): a sync
 * generator's object is one (Iter, below), and objects that implement the
 * async iterator protocol by hand return one. An object literal
 * `{ done: false, value: v }` returned from an async `next()` is made once
 * per `return` (in the frame), not per item.
 */
export class IteratorResult<T> {
  done: bool = false;
  value: T = zeroOf<T>();

  /** Sets both fields; returns this object. */
  set(done: bool, value: T): IteratorResult<T> {
    this.done = done;
    this.value = value;
    return this;
  }
}

export abstract class Iter<T> extends IteratorResult<T> {
  // `done` (from IteratorResult): true once the generator has ended, after its last item; `value`: the item the
  // last `next()` gave, or, once done, what the generator returned (when that is an item's type).
  constructor() {
    super();
    this.done = true;
  }

  /** Runs to the next item or the end; returns this object. */
  abstract next(): Iter<T>;

  /** Ends the generator early: its finally blocks run; `done` is then true. */
  close(): Iter<T> {
    this.done = true;
    return this;
  }
}
