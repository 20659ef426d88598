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
 * earliest such time becomes the task's deadline in the timer queue when the
 * poll returns. A task's deadline is thus recomputed on every poll and can
 * never go stale.
 *
 * `wake(id)` is O(1), idempotent, allocation-free, and the only thing event
 * handlers do, which is what makes it safe between polls.
 */
import { now_us } from "./abi";
import { Task, TaskState } from "./task";
import { NO_DEADLINE } from "./time";
import { taskAt, taskCount } from "./registry";
import { runQueueLength, runQueuePop, runQueuePush } from "./run_queue";
import { timerNext, timerPopDue, timerRemove, timerSet } from "./timer_queue";
import { setCurrentTaskId, currentTaskId } from "./current";

/** Task polls per `outpost_poll` call before control returns to the host. */
// @ts-ignore: decorator
@inline export const POLL_BUDGET: i32 = 1024;

let pollDeadline: i64 = NO_DEADLINE;
let initDone = false;

/** Schedules task `id` to be polled. Ignored for free or finished tasks, and for tasks already queued. */
export function wake(id: i32): void {
  const task = taskAt(id);
  if (task.queued || task.state == TaskState.FREE || task.state == TaskState.FINISHED) return;
  task.queued = true;
  task.state = TaskState.READY;
  runQueuePush(id);
}

/** Asks for the current task to be polled again no later than `at` (µs). */
export function scheduleWake(at: i64): void {
  if (at < pollDeadline) pollDeadline = at;
}

/** The id of the task being polled, -1 outside a poll. */
export function currentTask(): i32 {
  return currentTaskId();
}

/** True once `outpost_init` has finished (the heap is sealed). */
export function initFinished(): bool {
  return initDone;
}

export function beginInit(): void {}

export function endInit(): void {
  initDone = true;
  __outpost_seal();
}

function pollTask(task: Task): void {
  task.queued = false;
  task.polls++;
  pollDeadline = NO_DEADLINE;
  setCurrentTaskId(task.id);
  const finished = task.poll();
  setCurrentTaskId(-1);
  if (finished) {
    task.state = TaskState.FINISHED;
    timerRemove(task);
  } else {
    // A task that woke itself during its poll stays READY (it is queued).
    task.state = task.queued ? TaskState.READY : TaskState.PARKED;
    timerSet(task, pollDeadline);
  }
}

/** One executor pass; returns the next deadline (see the file comment). */
export function runExecutor(): i64 {
  if (taskCount() == 0) return -1;
  const now = now_us();
  for (let id = timerPopDue(now); id >= 0; id = timerPopDue(now)) wake(id);
  let budget = POLL_BUDGET;
  while (runQueueLength() > 0) {
    if (budget-- == 0) return 0;
    const task = taskAt(runQueuePop());
    if (task.state == TaskState.FINISHED || task.state == TaskState.FREE) {
      task.queued = false;
      continue;
    }
    pollTask(task);
  }
  const next = timerNext();
  return next == NO_DEADLINE ? -1 : next;
}
