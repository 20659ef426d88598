/**
 * Await chains: where a task is, as the sites of the awaits its async
 * function frames are parked at, outermost first (the task's own await,
 * then the awaits inside the call it awaits, and so on). Hosts read a task's
 * chain with `outpost_task_chain` (abi_exports.ts) and print each site from
 * the build's site table (`<firmware>.sites.json`):
 *
 *   task echo → examples/echo/main.ts:20:5 in echo → hal/drivers/line_reader.ts:48:9 in readLine
 *
 * Each frame answers `awaitSite()` and `awaiting()` (future.ts); a select
 * or join continues into its first branch that is a frame. For an error
 * that escapes a task, or that a cleanup (a `finally` run by cancellation)
 * throws, the chain is the one the `throw` was made in, captured when it
 * was thrown (`recordThrow`), ending at the throw's site.
 * All of this is introspection: release builds carry none of it.
 */
import { Future } from "./future";
import { Task } from "./task";
import { RELEASE } from "./build";
import { currentTaskId } from "./current";
import { taskAt } from "./registry";

// @ts-ignore: decorator
@inline export const CHAIN_MAX: i32 = 16;

const thrown: usize = memory.data(CHAIN_MAX << 2);
let thrownLength: i32 = 0;
let thrownTask: i32 = -1;
let escapedTask: i32 = -1;

/** Writes the chain of `task` to `out` (i32 site ids, outermost first, at most CHAIN_MAX); returns how many. */
export function chainOf(task: Task, out: usize): i32 {
  if (task.id == escapedTask) {
    memory.copy(out, thrown, <usize>thrownLength << 2);
    return thrownLength;
  }
  return walk(task, out);
}

/** The chain from `from`, stopping before `stop` (the frame that throws: its throw site replaces its await). */
function walk(from: Future, out: usize, stop: Future | null = null): i32 {
  let n = 0;
  let f: Future | null = from;
  while (f !== null && f !== stop && n < CHAIN_MAX) {
    const site = f.awaitSite();
    if (site >= 0) {
      store<i32>(out + (<usize>n << 2), site); // n < CHAIN_MAX: within the buffer
      n++;
    }
    f = f.awaiting();
  }
  return n;
}

/**
 * A `throw` at site `site` in the frame `thrower` (lowered code calls it):
 * keeps the running task's chain as it is now, ending at the throw, in case
 * the error escapes the task (then `chainOf` reports it). Nothing in
 * release builds.
 */
// @ts-ignore: decorator
@inline export function recordThrow(site: i32, thrower: Future | null): void {
  if (RELEASE) return;
  keepThrow(site, thrower);
}

function keepThrow(site: i32, thrower: Future | null): void {
  const id = currentTaskId();
  if (id < 0) return;
  let n = walk(taskAt(id), thrown, thrower);
  if (n < CHAIN_MAX) {
    store<i32>(thrown + (<usize>n << 2), site); // n < CHAIN_MAX
    n++;
  }
  thrownLength = n;
  thrownTask = id;
}

/** The running task's error escaped it or its cleanup (a panic follows): its chain is the one its last throw kept. */
export function chainEscaped(): void {
  if (thrownTask == currentTaskId()) escapedTask = thrownTask;
}
