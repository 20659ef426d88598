/**
 * `Select2<A, B>` and `Select3<A, B, C>`: race several futures; the first to
 * complete wins and the others are dropped.
 *
 *   const first = new Select2<Timer, ChannelReceive<i32>>();   // at init
 *   first.of(timer.after(d), channel.receive());               // arm, then poll
 *   // done: first.value is the winner's index (0, 1, 2); its result is in
 *   // first.a / first.b
 *
 * `select(a, b)` / `select3(a, b, c)` are the allocating factories for
 * init-time code; the instance forms re-arm with `of(...)`.
 *
 * Each poll polls the branches in order (a, then b, then c) and stops at the
 * first that completes: earlier branches win ties, so put the one whose
 * result must not be lost first.
 *
 *   of(...) ①         poll: branch i completes ②
 *   ─────────► ARMED ───────────────────────────► DONE, value = i
 *                 │                                 (every other branch cancelled once, in this poll)
 *                 └── cancel() ③ ──► IDLE           (every branch cancelled once)
 *
 * Cancel-safe as far as the branches are: each loser's `cancel()` runs
 * exactly once, immediately, in the poll the winner completed, including
 * losers this poll had not reached yet (armed, never polled). Cancelling the
 * select cancels every branch once. No allocation after init. Cost per
 * poll: one poll per branch up to the winner.
 */
import { Future, ValueFuture } from "../future";
import { panicMisuse } from "../errors";
import { dropWakesSince, wakeMark } from "../executor";

@final
export class Select2<A extends Future, B extends Future> extends ValueFuture<i32> {
  a: A | null = null;
  b: B | null = null;
  private armed: bool = false;

  constructor() {
    super();
    this.value = -1;
  }

  /** Arms: race `a` against `b`. */
  of(a: A, b: B): Select2<A, B> {
    this.a = a;
    this.b = b;
    this.value = -1;
    this.armed = true;
    return this;
  }

  poll(): bool {
    if (!this.armed) return this.settled();
    const mark = wakeMark();
    const a = changetype<A>(changetype<usize>(this.a)); // of() stored both branches
    const b = changetype<B>(changetype<usize>(this.b)); // same
    if (a.poll()) {
      this.win(0, mark);
      b.cancel();
      return true;
    }
    if (b.poll()) {
      this.win(1, mark);
      a.cancel();
      return true;
    }
    return false;
  }

  /** A poll while not armed: true after completion; never armed is a misuse. */
  private settled(): bool {
    if (this.value < 0) panicMisuse("select", "", "polled a select that is not armed (never armed, or cancelled): call of(...) first");
    return true;
  }

  cancel(): void {
    if (!this.armed) return;
    this.armed = false;
    changetype<A>(changetype<usize>(this.a)).cancel(); // of() stored both branches
    changetype<B>(changetype<usize>(this.b)).cancel(); // same
  }

  // @ts-ignore: decorator
  @inline private win(i: i32, mark: i64): void {
    this.value = i;
    this.armed = false;
    dropWakesSince(mark); // the losers' timers no longer matter
  }
}

@final
export class Select3<A extends Future, B extends Future, C extends Future> extends ValueFuture<i32> {
  a: A | null = null;
  b: B | null = null;
  c: C | null = null;
  private armed: bool = false;

  constructor() {
    super();
    this.value = -1;
  }

  /** Arms: race `a`, `b` and `c`. */
  of(a: A, b: B, c: C): Select3<A, B, C> {
    this.a = a;
    this.b = b;
    this.c = c;
    this.value = -1;
    this.armed = true;
    return this;
  }

  poll(): bool {
    if (!this.armed) return this.settled();
    const mark = wakeMark();
    const a = changetype<A>(changetype<usize>(this.a)); // of() stored all three branches
    const b = changetype<B>(changetype<usize>(this.b)); // same
    const c = changetype<C>(changetype<usize>(this.c)); // same
    if (a.poll()) {
      this.win(0, mark);
      b.cancel();
      c.cancel();
      return true;
    }
    if (b.poll()) {
      this.win(1, mark);
      a.cancel();
      c.cancel();
      return true;
    }
    if (c.poll()) {
      this.win(2, mark);
      a.cancel();
      b.cancel();
      return true;
    }
    return false;
  }

  /** A poll while not armed: true after completion; never armed is a misuse. */
  private settled(): bool {
    if (this.value < 0) panicMisuse("select", "", "polled a select that is not armed (never armed, or cancelled): call of(...) first");
    return true;
  }

  cancel(): void {
    if (!this.armed) return;
    this.armed = false;
    changetype<A>(changetype<usize>(this.a)).cancel(); // of() stored all three branches
    changetype<B>(changetype<usize>(this.b)).cancel(); // same
    changetype<C>(changetype<usize>(this.c)).cancel(); // same
  }

  // @ts-ignore: decorator
  @inline private win(i: i32, mark: i64): void {
    this.value = i;
    this.armed = false;
    dropWakesSince(mark); // the losers' timers no longer matter
  }
}

/** A `Select2` racing `a` against `b`. Allocates: init only. */
export function select<A extends Future, B extends Future>(a: A, b: B): Select2<A, B> {
  return new Select2<A, B>().of(a, b);
}

/** A `Select3` racing `a`, `b` and `c`. Allocates: init only. */
export function select3<A extends Future, B extends Future, C extends Future>(a: A, b: B, c: C): Select3<A, B, C> {
  return new Select3<A, B, C>().of(a, b, c);
}
