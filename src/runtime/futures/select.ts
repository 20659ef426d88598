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
 * poll: one poll per branch up to the winner. `SelectAny` holds the shared
 * logic over the branches, kept in a fixed array filled by `of(...)`;
 * Select2/Select3 only add the typed fields.
 */
import { Future, ValueFuture } from "../future";
import { panicMisuse } from "../errors";
import { textOf } from "../text";
import { dropWakesSince, wakeMark } from "../executor";

/**
 * The logic of every select: the branches sit in `branches`, a StaticArray
 * sized at construction (the only allocation), in the order of `of(...)`.
 */
export abstract class SelectAny extends ValueFuture<i32> {
  private armed: bool = false;
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
    this.armed = true;
  }

  poll(): bool {
    if (!this.armed) return this.settled();
    const mark = wakeMark();
    const branches = this.branches;
    const n = branches.length;
    for (let i = 0; i < n; i++) {
      if (!unchecked(branches[i]).poll()) continue; // arm() stored every branch
      this.value = i;
      this.armed = false;
      dropWakesSince(mark); // the losers' timers no longer matter
      for (let j = 0; j < n; j++) {
        if (j != i) unchecked(branches[j]).cancel();
      }
      return true;
    }
    return false;
  }

  /** A poll while not armed: true after completion; never armed is a misuse. */
  private settled(): bool {
    if (this.value < 0) panicMisuse("select", "", textOf("polled a select that is not armed (never armed, or cancelled): call of(...) first"));
    return true;
  }

  cancel(): void {
    if (!this.armed) return;
    this.armed = false;
    const branches = this.branches;
    for (let i = 0; i < branches.length; i++) unchecked(branches[i]).cancel(); // arm() stored every branch
  }
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
