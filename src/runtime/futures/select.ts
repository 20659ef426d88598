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
 * result must not be lost first. A branch that completes with an error
 * (`throw` in an async function) wins like any other: the select completes
 * with that error (`failure()`), and `await` re-throws it.
 *
 *   of(...) ①        poll: branch i completes ②                losers cleaned up ③
 *   ─────────► ARMED ───────────────────────────► CLEANING ───────────────────► DONE, value = i
 *                 │                                  │ (every other branch cancelled once, in this poll)
 *                 └── cancel() ④ ──► CANCELLING ◄────┘ cancel() ⑤
 *                                       └── every branch cleaned up: pollCancel() true ──► IDLE
 *
 *   ② the losers' cancel() runs in the poll the winner completed, including
 *     losers this poll had not reached yet (armed, never polled);
 *   ③ a loser whose cleanup awaits (an async function's `finally` with an
 *     `await`) keeps the select pending: it completes only once every
 *     loser's `pollCancel()` is true, so a select never leaves cleanup
 *     running behind it;
 *   ④ cancelling the select cancels every branch once; ⑤ cancelling it
 *     while losers clean up lets their cleanup finish (`pollCancel()`).
 *
 * Cancel-safe as far as the branches are. No allocation after init. Cost
 * per poll: one poll per branch up to the winner. `SelectAny` holds the
 * shared logic over the branches, kept in a fixed array filled by
 * `of(...)`; Select2/Select3 only add the typed fields.
 */
import { Future, ValueFuture } from "../future";
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
 * The logic of every select: the branches sit in `branches`, a StaticArray
 * sized at construction (the only allocation), in the order of `of(...)`.
 */
export abstract class SelectAny extends ValueFuture<i32> {
  private state: u8 = IDLE;
  /** Bit i set: branch i was cancelled and its cleanup has not finished. */
  private cleaning: u8 = 0;
  private error: Error | null = null;
  private readonly branches: StaticArray<Future>;

  constructor(count: i32) {
    super();
    this.value = -1;
    this.branches = new StaticArray<Future>(count);
  }

  /** Stores the branches (c only for a Select3) and arms. */
  protected arm(a: Future, b: Future, c: Future | null): void {
    const branches = this.branches;
    unchecked((branches[0] = a)); // every select holds at least two branches
    unchecked((branches[1] = b));
    if (c !== null) unchecked((branches[2] = c)); // only Select3 passes c; it holds three
    this.value = -1;
    this.error = null;
    this.state = ARMED;
  }

  poll(): bool {
    const state = this.state;
    if (state == CLEANING) return this.cleaned(DONE);
    if (state != ARMED) return this.settled();
    const mark = wakeMark();
    const branches = this.branches;
    const n = branches.length;
    for (let i = 0; i < n; i++) {
      const branch = unchecked(branches[i]); // arm() stored every branch
      if (!branch.poll()) continue;
      branch.setLost(false);
      this.value = i;
      this.error = branch.failure();
      dropWakesSince(mark); // the losers' timers no longer matter (their cleanup may ask again)
      this.cancelAllBut(i);
      return this.cleaned(DONE);
    }
    return false;
  }

  /** Cancels every branch but `keep` (-1: all) and marks them as cleaning up. */
  private cancelAllBut(keep: i32): void {
    const branches = this.branches;
    let cleaning = 0;
    for (let j = 0; j < branches.length; j++) {
      if (j == keep) continue;
      const loser = unchecked(branches[j]); // arm() stored every branch
      loser.cancel();
      loser.setLost(true);
      cleaning |= 1 << j;
    }
    this.cleaning = <u8>cleaning;
  }

  /** Drives the cancelled branches' cleanup; once all have finished, moves to `then` and is true. */
  private cleaned(then: u8): bool {
    this.state = then == DONE ? CLEANING : CANCELLING;
    const branches = this.branches;
    let cleaning = <i32>this.cleaning;
    for (let j = 0; cleaning >> j != 0; j++) {
      if ((cleaning & (1 << j)) != 0 && unchecked(branches[j]).pollCancel()) cleaning &= ~(1 << j); // bit j: a branch arm() stored
    }
    this.cleaning = <u8>cleaning;
    if (cleaning != 0) return false;
    this.state = then;
    return true;
  }

  /** A poll while neither armed nor cleaning up: true after completion; never armed is a misuse. */
  private settled(): bool {
    if (this.state != DONE) panicMisuse("select", "", textOf("polled a select that is not armed (never armed, or cancelled): call of(...) first"));
    return true;
  }

  failure(): Error | null {
    return this.error;
  }

  cancel(): void {
    if (this.state == ARMED) this.cancelAllBut(-1);
    else if (this.state != CLEANING) return;
    this.cleaned(IDLE);
  }

  pollCancel(): bool {
    return this.state != CANCELLING || this.cleaned(IDLE);
  }

  /** Introspection: the first branch that is an async function's frame (its chain goes on there), else the first. */
  awaiting(): Future | null {
    return this.state == IDLE || this.state == DONE ? null : firstFrame(this.branches);
  }
}

/** The first of `list` that is an async function's frame (reports an await site), else the first; for await chains. */
export function firstFrame(list: StaticArray<Future>): Future | null {
  for (let i = 0; i < list.length; i++) if (unchecked(list[i]).awaitSite() >= 0) return unchecked(list[i]); // i < length
  return list.length > 0 ? unchecked(list[0]) : null;
}

@final
export class Select2<A extends Future, B extends Future> extends SelectAny {
  a: A | null = null;
  b: B | null = null;

  constructor() {
    super(2);
  }

  /** Arms: race `a` against `b`. */
  of(a: A, b: B): Select2<A, B> {
    this.a = a;
    this.b = b;
    this.arm(a, b, null);
    return this;
  }
}

@final
export class Select3<A extends Future, B extends Future, C extends Future> extends SelectAny {
  a: A | null = null;
  b: B | null = null;
  c: C | null = null;

  constructor() {
    super(3);
  }

  /** Arms: race `a`, `b` and `c`. */
  of(a: A, b: B, c: C): Select3<A, B, C> {
    this.a = a;
    this.b = b;
    this.c = c;
    this.arm(a, b, c);
    return this;
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
