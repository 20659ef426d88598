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

/** Drives the cleanups in `list` once each, dropping the finished ones; true when none is left. */
async function cleanUp(list: Branch[]): Promise<boolean> {
  const left: Branch[] = [];
  for (const f of list) if (!(await f.pollCancel())) left.push(f);
  list.splice(0, list.length, ...left);
  return left.length === 0;
}

export class Select extends ShimFuture<number> {
  private winner = -1;
  private readonly cleaning: Branch[] = [];

  constructor(private readonly branches: Branch[]) {
    super();
  }

  async poll(): Promise<boolean> {
    if (this.winner < 0) {
      const mark = wakeMark();
      for (let i = 0; i < this.branches.length && this.winner < 0; i++) {
        if (await this.branches[i]!.poll()) this.winner = i;
      }
      if (this.winner < 0) return false;
      dropWakesSince(mark); // the losers' wakes no longer matter (their cleanups ask again)
      this.dropAll((_, i) => i !== this.winner);
    }
    if (!(await cleanUp(this.cleaning))) return false;
    const won = this.branches[this.winner]!;
    if (won.failed) this.fail(won.error);
    else this.value = this.winner;
    return true;
  }

  cancel(): void {
    if (this.winner >= 0) return; // already won: its losers are cleaning up
    this.winner = this.branches.length; // no winner will be chosen
    this.dropAll(() => true);
  }

  pollCancel(): Promise<boolean> {
    return cleanUp(this.cleaning);
  }

  private dropAll(which: (b: Branch, i: number) => boolean): void {
    for (const [i, b] of this.branches.entries()) {
      if (!which(b, i)) continue;
      b.cancel();
      this.cleaning.push(b);
    }
  }
}

export function select(a: Branch, b: Branch): Select {
  return new Select([a, b]);
}

export function select3(a: Branch, b: Branch, c: Branch): Select {
  return new Select([a, b, c]);
}

export class Join extends ShimFuture<void> {
  private readonly done: boolean[];
  private failure: Branch | null = null;
  private readonly cleaning: Branch[] = [];

  constructor(private readonly children: Branch[]) {
    super();
    this.done = children.map(() => false);
  }

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
      if (!this.failure) {
        if (this.done.includes(false)) return false;
        dropWakesSince(mark);
        return true;
      }
      dropWakesSince(mark);
      this.dropPending();
    }
    if (!(await cleanUp(this.cleaning))) return false;
    this.failIf(this.failure);
    return true;
  }

  cancel(): void {
    if (!this.failure) this.dropPending();
  }

  pollCancel(): Promise<boolean> {
    return cleanUp(this.cleaning);
  }

  private dropPending(): void {
    for (const [i, c] of this.children.entries()) {
      if (this.done[i]) continue;
      this.done[i] = true;
      c.cancel();
      this.cleaning.push(c);
    }
  }
}

export function join(a: Branch, b: Branch): Join {
  return new Join([a, b]);
}

export function join3(a: Branch, b: Branch, c: Branch): Join {
  return new Join([a, b, c]);
}

export class WithTimeout extends ShimFuture<void> {
  timedOut = false;
  private readonly deadline: number;
  private state: "armed" | "cleaning" | "done" = "armed";

  constructor(
    d: number,
    private readonly inner: Branch,
  ) {
    super();
    this.deadline = world.now + d;
  }

  async poll(): Promise<boolean> {
    if (this.state === "armed") {
      const mark = wakeMark();
      if (await this.inner.poll()) {
        dropWakesSince(mark);
        this.state = "done";
        this.failIf(this.inner);
        return true;
      }
      if (world.now < this.deadline) {
        scheduleWake(this.deadline);
        return false;
      }
      dropWakesSince(mark);
      this.timedOut = true;
      this.inner.cancel();
      this.state = "cleaning";
    }
    if (this.state === "cleaning") {
      if (!(await this.inner.pollCancel())) return false;
      this.state = "done";
    }
    return true;
  }

  cancel(): void {
    if (this.state !== "armed") return;
    this.inner.cancel();
    this.state = "cleaning";
  }

  async pollCancel(): Promise<boolean> {
    return this.state !== "cleaning" || (await this.inner.pollCancel());
  }
}

export function withTimeout(d: number, f: Branch): WithTimeout {
  return new WithTimeout(d, f);
}
