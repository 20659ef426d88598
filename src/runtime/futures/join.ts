/**
 * `Join2<A, B>` and `Join3<A, B, C>`: wait for every one of several futures.
 * Each poll polls only the futures still pending; the join completes when
 * all have completed. Results stay in the children (`join.a.value`, …).
 *
 *   const both = new Join2<Timer, Signal<i32>>();   // at init
 *   both.of(timer.after(d), signal.wait());             // arm, then poll
 *
 * `join(a, b)` / `join3(a, b, c)` are the allocating factories for
 * init-time code; the instance forms re-arm with `of(...)`.
 *
 *   of(a, b) ①        poll: some pending ②         poll: all done ③
 *   ─────────► ARMED ─────────────────────► ARMED ─────────────────► DONE
 *                 │  poll: a child fails ④ ──► CLEANING ──(others cleaned up)──► DONE, failure()
 *                 └──── cancel() ⑤ ───► CANCELLING ──(pending children cleaned up)──► IDLE
 *
 * ④ A child that completes with an error (`throw` in an async function)
 *   fails the join, as `Promise.all` rejects: the children still pending are
 *   cancelled (their cleanup runs to the end first, as in `select`), then
 *   the join completes with that error and `await` re-throws it.
 * ⑤ Cancelling the join cancels each child that has not completed, exactly
 *   once; `pollCancel()` is true once their cleanup has finished.
 *
 * Cancel-safe as far as the children are: completed children keep their
 * results. No allocation after init. Cost per poll: one poll per pending
 * child. `JoinAll` holds the shared logic over the children, kept in a
 * fixed array filled by `of(...)`; Join2/Join3 only add the typed fields.
 */
import { Future } from "../future";
import { panicMisuse } from "../errors";
import { textOf } from "../text";
import { dropWakesSince, wakeMark } from "../executor";

// @ts-ignore: decorator
@inline const IDLE: u8 = 0;
// @ts-ignore: decorator
@inline const ARMED: u8 = 1;
// @ts-ignore: decorator
@inline const CLEANING: u8 = 2;
// @ts-ignore: decorator
@inline const CANCELLING: u8 = 3;
// @ts-ignore: decorator
@inline const DONE: u8 = 4;

/**
 * The logic of every join: the children sit in `children`, a StaticArray
 * sized at construction (the only allocation), in the order of `of(...)`.
 */
export abstract class JoinAll extends Future {
  /** Bit i set: child i has completed (or, while cleaning up, has no cleanup left). */
  done: u8 = 0;
  private state: u8 = IDLE;
  private error: Error | null = null;
  private readonly children: StaticArray<Future>;

  constructor(count: i32) {
    super();
    this.children = new StaticArray<Future>(count);
  }

  /** Stores the children (c only for a Join3) and arms. */
  protected arm(a: Future, b: Future, c: Future | null): void {
    const children = this.children;
    unchecked((children[0] = a)); // every join holds at least two children
    unchecked((children[1] = b));
    if (c !== null) unchecked((children[2] = c)); // only Join3 passes c; it holds three
    this.done = 0;
    this.error = null;
    this.state = ARMED;
  }

  poll(): bool {
    const state = this.state;
    if (state == CLEANING) return this.cleaned(DONE);
    if (state != ARMED) return this.settled();
    const mark = wakeMark();
    const children = this.children;
    const n = children.length;
    let done = <i32>this.done;
    for (let i = 0; i < n; i++) {
      if ((done & (1 << i)) != 0) continue;
      const child = unchecked(children[i]); // arm() stored every child before the join can be polled
      if (!child.poll()) continue;
      done |= 1 << i;
      const error = child.failure();
      child.setLost(error !== null);
      if (error !== null) {
        this.done = <u8>done;
        this.error = error;
        dropWakesSince(mark); // the others are cancelled: their timers no longer matter
        this.cancelPending();
        return this.cleaned(DONE);
      }
    }
    this.done = <u8>done;
    if (done != (1 << n) - 1) return false;
    this.state = DONE;
    dropWakesSince(mark); // every child is done: nothing to wake for
    return true;
  }

  /** Cancels every child that has not completed. */
  private cancelPending(): void {
    const children = this.children;
    const done = <i32>this.done;
    for (let i = 0; i < children.length; i++) {
      if ((done & (1 << i)) != 0) continue;
      const child = unchecked(children[i]); // arm() stored every child
      child.cancel();
      child.setLost(true);
    }
  }

  /** Drives the cancelled children's cleanup; once all have finished, moves to `then` and is true. */
  private cleaned(then: u8): bool {
    this.state = then == DONE ? CLEANING : CANCELLING;
    const children = this.children;
    const n = children.length;
    let done = <i32>this.done;
    for (let i = 0; i < n; i++) {
      if ((done & (1 << i)) == 0 && unchecked(children[i]).pollCancel()) done |= 1 << i; // arm() stored every child
    }
    this.done = <u8>done;
    if (done != (1 << n) - 1) return false;
    this.state = then;
    return true;
  }

  /** A poll while neither armed nor cleaning up: true after completion; never armed is a misuse. */
  private settled(): bool {
    if (this.state != DONE) panicMisuse("join", "", textOf("polled a join that is not armed (never armed, or cancelled): call of(...) first"));
    return true;
  }

  failure(): Error | null {
    return this.error;
  }

  cancel(): void {
    if (this.state == ARMED) this.cancelPending();
    else if (this.state != CLEANING) return;
    this.cleaned(IDLE);
  }

  pollCancel(): bool {
    return this.state != CANCELLING || this.cleaned(IDLE);
  }

  /** Introspection: the first child still running that is an async function's frame (its chain goes on there). */
  awaiting(): Future | null {
    const children = this.children;
    const done = <i32>this.done;
    for (let i = 0; i < children.length; i++) {
      const c = unchecked(children[i]); // arm() stored every child
      if ((done & (1 << i)) == 0 && c.awaitSite() >= 0) return c;
    }
    return null;
  }
}

@final
export class Join2<A extends Future, B extends Future> extends JoinAll {
  a: A | null = null;
  b: B | null = null;

  constructor() {
    super(2);
  }

  /** Arms: wait for both `a` and `b`. */
  of(a: A, b: B): Join2<A, B> {
    this.a = a;
    this.b = b;
    this.arm(a, b, null);
    return this;
  }
}

@final
export class Join3<A extends Future, B extends Future, C extends Future> extends JoinAll {
  a: A | null = null;
  b: B | null = null;
  c: C | null = null;

  constructor() {
    super(3);
  }

  /** Arms: wait for `a`, `b` and `c`. */
  of(a: A, b: B, c: C): Join3<A, B, C> {
    this.a = a;
    this.b = b;
    this.c = c;
    this.arm(a, b, c);
    return this;
  }
}

/** A `Join2` of `a` and `b`. Allocates: init only. */
export function join<A extends Future, B extends Future>(a: A, b: B): Join2<A, B> {
  return new Join2<A, B>().of(a, b);
}

/** A `Join3` of `a`, `b` and `c`. Allocates: init only. */
export function join3<A extends Future, B extends Future, C extends Future>(a: A, b: B, c: C): Join3<A, B, C> {
  return new Join3<A, B, C>().of(a, b, c);
}
