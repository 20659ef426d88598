/**
 * `select`, `join` and `withTimeout` for the shim, with the semantics of
 * src/runtime/futures/ and timeout.ts, extended to errors and to
 * cleanup that awaits (issue 13) as the lowering's design describes them:
 *
 * - select: each poll polls the branches in order and the first to complete
 *   wins (earlier branches win ties); every other branch is cancelled in
 *   that poll, and the select completes — with the winner's index, or
 *   failing with the winner's error — once every loser's cleanup has
 *   finished.
 * - join: each poll polls the pending children in order; it completes when
 *   all have. The first child found failed fails the join: the children
 *   still pending are cancelled (Promise.all would leave them running; an
 *   Outpost join owns them) and the join fails with that error once their
 *   cleanups have finished.
 * - withTimeout: the inner future is polled first, so a result in the poll
 *   the deadline passes still wins; past the deadline the inner future is
 *   cancelled and the timeout completes (`timedOut`) once its cleanup has.
 *   An inner failure fails the timeout.
 * - Cancelling any of them cancels what is still pending, once; its
 *   cleanup completes when theirs have.
 */
import { ShimFuture, dropWakesSince, scheduleWake, wakeMark, world } from "./core.ts";

type Branch = ShimFuture<unknown>;

/** What every combinator shares: its children, and the cleanups of those it cancelled. */
abstract class Combinator<T> extends ShimFuture<T> {
  protected readonly children: Branch[];
  private readonly cleaning: Branch[] = [];

  constructor(children: Branch[]) {
    super();
    this.children = children;
  }

  /** Drives the cleanups still running once each; true when none is left. */
  pollCancel(): Promise<boolean> {
    return this.cleanedUp();
  }

  /** Cancels each child `which` picks (callers pick each child at most once) and keeps its cleanup. */
  protected drop(which: (i: number) => boolean): void {
    for (const [i, c] of this.children.entries()) {
      if (!which(i)) continue;
      c.cancel();
      this.cleaning.push(c);
    }
  }

  protected async cleanedUp(): Promise<boolean> {
    const left: Branch[] = [];
    for (const c of this.cleaning) if (!(await c.pollCancel())) left.push(c);
    this.cleaning.splice(0, this.cleaning.length, ...left);
    return left.length === 0;
  }
}

export class Select extends Combinator<number> {
  private winner = -1;

  async poll(): Promise<boolean> {
    if (this.winner < 0) {
      const mark = wakeMark();
      for (let i = 0; i < this.children.length && this.winner < 0; i++) {
        if (await this.children[i]!.poll()) this.winner = i;
      }
      if (this.winner < 0) return false;
      dropWakesSince(mark); // the losers' wakes no longer matter (their cleanups ask again)
      this.drop((i) => i !== this.winner);
    }
    if (!(await this.cleanedUp())) return false;
    const won = this.children[this.winner]!;
    if (won.failed) this.fail(won.error);
    else this.value = this.winner;
    return true;
  }

  cancel(): void {
    if (this.winner >= 0) return; // already won: its losers are cleaning up
    this.winner = this.children.length; // no winner will be chosen
    this.drop(() => true);
  }
}

export function select(a: Branch, b: Branch): Select {
  return new Select([a, b]);
}

export function select3(a: Branch, b: Branch, c: Branch): Select {
  return new Select([a, b, c]);
}

export class Join extends Combinator<void> {
  private readonly done = this.children.map(() => false);
  private failure: Branch | null = null;

  async poll(): Promise<boolean> {
    if (!this.failure) {
      const mark = wakeMark();
      for (const [i, c] of this.children.entries()) {
        if (this.done[i] || !(await c.poll())) continue;
        this.done[i] = true;
        if (c.failed) {
          this.failure = c;
          break;
        }
      }
      if (!this.failure && this.done.includes(false)) return false;
      dropWakesSince(mark);
      if (!this.failure) return true;
      this.dropPending();
    }
    if (!(await this.cleanedUp())) return false;
    this.fail(this.failure.error);
    return true;
  }

  cancel(): void {
    if (!this.failure) this.dropPending();
  }

  private dropPending(): void {
    this.drop((i) => !this.done[i]);
    this.done.fill(true);
  }
}

export function join(a: Branch, b: Branch): Join {
  return new Join([a, b]);
}

export function join3(a: Branch, b: Branch, c: Branch): Join {
  return new Join([a, b, c]);
}

export class WithTimeout extends Combinator<void> {
  timedOut = false;
  private readonly deadline: number;
  private state: "armed" | "cleaning" | "done" = "armed";

  constructor(d: number, inner: Branch) {
    super([inner]);
    this.deadline = world.now + d;
  }

  /** The future raced against the deadline, as Outpost's `WithTimeout.inner`. */
  get inner(): Branch {
    return this.children[0]!;
  }

  async poll(): Promise<boolean> {
    const inner = this.children[0]!;
    if (this.state === "armed") {
      const mark = wakeMark();
      if (await inner.poll()) {
        dropWakesSince(mark);
        this.state = "done";
        if (inner.failed) this.fail(inner.error);
        return true;
      }
      if (world.now < this.deadline) {
        scheduleWake(this.deadline);
        return false;
      }
      dropWakesSince(mark);
      this.timedOut = true;
      this.cancel();
    }
    if (!(await this.cleanedUp())) return false;
    this.state = "done";
    return true;
  }

  cancel(): void {
    if (this.state !== "armed") return;
    this.state = "cleaning";
    this.drop(() => true);
  }
}

export function withTimeout(d: number, f: Branch): WithTimeout {
  return new WithTimeout(d, f);
}
