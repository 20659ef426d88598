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
 *                 └──── cancel() ④ ───► IDLE (every pending child cancelled once)
 *
 * Cancel-safe as far as the children are: cancelling the join cancels each
 * child that has not completed, exactly once; completed children keep their
 * results. No allocation after init. Cost per poll: one poll per pending
 * child. Children are generic, so their polls are direct calls.
 */
import { Future } from "../future";
import { panicMisuse } from "../errors";
import { dropWakesSince, wakeMark } from "../executor";

// @ts-ignore: decorator
@inline const IDLE: u8 = 0;
// @ts-ignore: decorator
@inline const ARMED: u8 = 1;
// @ts-ignore: decorator
@inline const DONE: u8 = 2;

@final
export class Join2<A extends Future, B extends Future> extends Future {
  a: A | null = null;
  b: B | null = null;
  /** Bit i set: child i has completed. */
  done: u8 = 0;
  private state: u8 = IDLE;

  /** Arms: wait for both `a` and `b`. */
  of(a: A, b: B): Join2<A, B> {
    this.a = a;
    this.b = b;
    this.done = 0;
    this.state = ARMED;
    return this;
  }

  poll(): bool {
    if (this.state != ARMED) return this.settled();
    const mark = wakeMark();
    let done = this.done;
    // of() stored both children before the join can be polled
    if ((done & 1) == 0 && changetype<A>(changetype<usize>(this.a)).poll()) done |= 1;
    if ((done & 2) == 0 && changetype<B>(changetype<usize>(this.b)).poll()) done |= 2;
    this.done = done;
    if (done != 3) return false;
    this.state = DONE;
    dropWakesSince(mark); // every child is done: nothing to wake for
    return true;
  }

  /** A poll outside ARMED: true after completion; never armed is a misuse. */
  private settled(): bool {
    if (this.state == IDLE) panicMisuse("join", "", "polled a join that is not armed (never armed, or cancelled): call of(...) first");
    return true;
  }

  cancel(): void {
    if (this.state != ARMED) return;
    this.state = IDLE;
    // of() stored both children; only the pending ones are cancelled
    if ((this.done & 1) == 0) changetype<A>(changetype<usize>(this.a)).cancel();
    if ((this.done & 2) == 0) changetype<B>(changetype<usize>(this.b)).cancel();
  }
}

@final
export class Join3<A extends Future, B extends Future, C extends Future> extends Future {
  a: A | null = null;
  b: B | null = null;
  c: C | null = null;
  /** Bit i set: child i has completed. */
  done: u8 = 0;
  private state: u8 = IDLE;

  /** Arms: wait for `a`, `b` and `c`. */
  of(a: A, b: B, c: C): Join3<A, B, C> {
    this.a = a;
    this.b = b;
    this.c = c;
    this.done = 0;
    this.state = ARMED;
    return this;
  }

  poll(): bool {
    if (this.state != ARMED) return this.settled();
    const mark = wakeMark();
    let done = this.done;
    // of() stored all three children before the join can be polled
    if ((done & 1) == 0 && changetype<A>(changetype<usize>(this.a)).poll()) done |= 1;
    if ((done & 2) == 0 && changetype<B>(changetype<usize>(this.b)).poll()) done |= 2;
    if ((done & 4) == 0 && changetype<C>(changetype<usize>(this.c)).poll()) done |= 4;
    this.done = done;
    if (done != 7) return false;
    this.state = DONE;
    dropWakesSince(mark); // every child is done: nothing to wake for
    return true;
  }

  /** A poll outside ARMED: true after completion; never armed is a misuse. */
  private settled(): bool {
    if (this.state == IDLE) panicMisuse("join", "", "polled a join that is not armed (never armed, or cancelled): call of(...) first");
    return true;
  }

  cancel(): void {
    if (this.state != ARMED) return;
    this.state = IDLE;
    // of() stored all three children; only the pending ones are cancelled
    if ((this.done & 1) == 0) changetype<A>(changetype<usize>(this.a)).cancel();
    if ((this.done & 2) == 0) changetype<B>(changetype<usize>(this.b)).cancel();
    if ((this.done & 4) == 0) changetype<C>(changetype<usize>(this.c)).cancel();
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
