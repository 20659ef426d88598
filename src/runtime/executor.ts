/**
 * The executor: polls ready tasks, fires timers, and tells the host when to
 * call again. Driven entirely by the host through ABI v1 exports
 * (abi_exports.ts): `outpost_poll` → `runExecutor`, `outpost_event` → wakes.
 *
 * One pass of `runExecutor`:
 *   1. every task whose deadline is ≤ now is woken, earliest first;
 *   2. ready tasks are polled in FIFO order until the run queue is empty or
 *      POLL_BUDGET polls have run (a task that keeps waking itself then
 *      yields to the host, which may deliver events and call again);
 *   3. the result is the next deadline: 0 (already past) if tasks are still
 *      ready, the earliest armed deadline, or -1 for none.
 *
 * While a task is polled, the futures it polls call `scheduleWake(at)`; the
 * earliest such time becomes the task's deadline in the timer queue (size
 * builds: the task's deadline itself, cleared as the poll starts). A task's
 * deadline is thus recomputed on every poll and can never go stale.
 *
 * `wake(id)` and `wakeTask(task)` are O(1), idempotent, allocation-free,
 * and the only thing event handlers do, which is what makes them safe
 * between polls. Futures keep the task they wake (`runningTask()` when
 * they park), so their wakes skip the task table.
 *
 * Hot path: a wake plus a poll is the executor's whole cost per message
 * (bench/pingpong.ts, bench/native_pingpong.bench.ts). A poll pops a task
 * pointer from the ring, marks it PARKED, makes it the running task and
 * dispatches on its class; a wake tests and sets its state and pushes it.
 * Ring positions count bytes, so neither shifts an index.
 */
import { now_us } from "./abi";
import { Task, TaskState } from "./task";
import { NO_DEADLINE } from "./time";
import { taskAt, taskCount } from "./registry";
import { runQueueAtIn, runQueueBase, runQueueHead, runQueueMask, runQueuePush, runQueueRemove, runQueueSetHead, runQueueTail, STEP } from "./run_queue";
import { timerArmed, timerNext, timerPopDue, timerRemove, timerSet } from "./timer_queue";
import { runningTask, setRunningTask } from "./current";
import { RELEASE } from "./build";

/** Task polls per `outpost_poll` call before control returns to the host. */
// @ts-ignore: decorator
@inline export const POLL_BUDGET: i32 = 1024;

let pollDeadline: i64 = NO_DEADLINE;
let initDone = false;

/** Schedules task `id` to be polled. Ignored for free or finished tasks, and for tasks already queued. */
// @ts-ignore: decorator
@inline export function wake(id: i32): void {
  wakeTask(taskAt(id));
}

/**
 * `wake` for a task at hand (skips the table lookup). Inlined into every
 * waker in speed builds; a call in size builds (`-O3z`, interpreter boards),
 * where the few nanoseconds matter less than its copies at every wake site.
 */
// @ts-ignore: decorator
@inline export function wakeTask(task: Task): void {
  if (ASC_SHRINK_LEVEL > 0) queueIfParked(task);
  else enqueueIfParked(task);
}

/** `wakeTask`'s body as one function, for size builds. */
function queueIfParked(task: Task): void {
  enqueueIfParked(task);
}

// @ts-ignore: decorator
@inline function enqueueIfParked(task: Task): void {
  // Only a PARKED task (waiting, or being polled) joins the queue; see task.ts.
  if (task.state == TaskState.PARKED) {
    task.state = TaskState.READY;
    runQueuePush(task);
  }
}

/**
 * Where a poll's wakes go. Size builds keep no timer heap (timer_queue.ts),
 * so the polled task's own deadline collects them: cleared before the
 * poll, nothing to store after it. Speed builds collect them in
 * `pollDeadline` and hand the result to the heap once the poll returns.
 */
// @ts-ignore: decorator
@inline const IN_TASK: bool = ASC_SHRINK_LEVEL > 0;

/**
 * Asks for the current task to be polled again no later than `at` (µs).
 * Outside a task's poll (init, an event handler) there is no task to wake:
 * ignored.
 */
// @ts-ignore: decorator
@inline export function scheduleWake(at: i64): void {
  const task = runningTask();
  if (IN_TASK) {
    if (task !== null && at < task.deadline) task.deadline = at;
  } else if (at < pollDeadline && task !== null) pollDeadline = at;
}

/**
 * The earliest wake asked for so far in this poll. Combinators read it
 * before polling their children and hand it to `dropWakesSince` when they
 * complete: the wakes a finished select's losers (or a finished join's
 * children) asked for are then forgotten, so the task is not polled at an
 * instant nobody waits for any more.
 */
// @ts-ignore: decorator
@inline export function wakeMark(): i64 {
  if (!IN_TASK) return pollDeadline;
  const task = runningTask();
  return task === null ? NO_DEADLINE : task.deadline;
}

/** Forgets every `scheduleWake` since `wakeMark()` returned `mark`. */
// @ts-ignore: decorator
@inline export function dropWakesSince(mark: i64): void {
  if (!IN_TASK) pollDeadline = mark;
  else {
    const task = runningTask();
    if (task !== null) task.deadline = mark;
  }
}

/** True once `outpost_init` has finished (the heap is sealed). */
export function initFinished(): bool {
  return initDone;
}

export function endInit(): void {
  initDone = true;
  __outpost_seal();
}

/**
 * Polls `task`, just popped from the run queue; `h` is the queue position
 * after it. The task is PARKED while it runs, so a wake during its own poll
 * queues it again (that is how `Yield` works).
 */
// @ts-ignore: decorator
@inline function pollTask(task: Task, h: u32): void {
  task.state = TaskState.PARKED;
  if (!RELEASE) task.polls++; // introspection only
  setRunningTask(task);
  // Speed builds: `pollDeadline` is NO_DEADLINE here, reset right after any poll that set it.
  const before = task.deadline;
  if (IN_TASK) task.deadline = NO_DEADLINE;
  if (task.poll()) {
    finish(task, h);
  } else if (!IN_TASK) {
    const deadline = pollDeadline;
    pollDeadline = NO_DEADLINE;
    timerSet(task, deadline);
  } else if (task.deadline != before) {
    timerArmed(task); // size builds: a new deadline (the same one asked for again keeps its place)
  }
}

/** A task's poll returned true: drop its deadline and any wake it gave itself. */
function finish(task: Task, h: u32): void {
  if (task.state == TaskState.READY) runQueueRemove(task, h);
  task.state = TaskState.FINISHED;
  if (!IN_TASK) pollDeadline = NO_DEADLINE;
  timerRemove(task); // size builds: this clears the wakes the poll asked for
}

/** One executor pass; returns the next deadline (see the file comment). */
export function runExecutor(): i64 {
  if (taskCount() == 0) return -1;
  const now = now_us();
  for (let due = timerPopDue(now); due !== null; due = timerPopDue(now)) wakeTask(due);
  const base = runQueueBase();
  const m = runQueueMask();
  let h = runQueueHead();
  const stop = h + <u32>POLL_BUDGET * STEP;
  while (h != runQueueTail()) {
    if (h == stop) {
      // Budget spent with tasks still ready: let the host deliver events, then call again.
      runQueueSetHead(h);
      setRunningTask(null);
      return 0;
    }
    const task = runQueueAtIn(base, m, h);
    h += STEP;
    pollTask(task, h);
  }
  runQueueSetHead(h);
  // Only the polls themselves run between two settings of the current task,
  // so resetting it once per pass is enough.
  setRunningTask(null);
  return timerNext();
}
