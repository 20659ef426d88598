/**
 * What the host can tell about each task by watching it from outside: the
 * runtime reports state and poll count per task (ABI introspection
 * exports); the monitor reads them and derives the rest.
 *
 * When it reads (its owner, the simulator, decides):
 *
 *   watching   after every call into the firmware (init, each event, each
 *              poll). Needed for `onTask` listeners, and for a history with
 *              every change at its exact µs. Costs two export calls per
 *              task per call: with 10,000 tasks, hundreds of µs a poll.
 *   on demand  otherwise. A call only marks the sample stale; `tasks()` and
 *              `history()` read every task once if it is. A call costs
 *              nothing, whatever the number of tasks.
 *
 * What the numbers mean, read either way:
 *
 *   state, polls, site  what the firmware reports at the moment of asking.
 *   wakes  READY transitions that were not spawns. A task is polled once per
 *          READY transition, so between two samples
 *            readies = Δpolls + [READY now] − [READY before]
 *          and one of them is a spawn when the slot was free or finished
 *          before. The sum telescopes, so the count is the same however
 *          often the monitor samples, except for a slot that finishes and
 *          is spawned again between two samples: its respawn counts as a
 *          wake (watching, that needs one call; on demand, one stretch
 *          between looks).
 *   since  when the task was seen entering its state; for a parked task,
 *          when its latest poll was seen. Watching, that is the virtual time
 *          of the change itself, so `now − since` is how long a parked task
 *          has waited. On demand, it is the time of the first look after
 *          the change: no earlier than the change, and equal to it when the
 *          look came in the same µs (the simulator looks whenever the
 *          firmware falls quiet, see liveness.ts).
 *   history  every observed change of state, for waveforms (vcd.ts): the
 *          newest `historyLimit` of them (ring.ts). Complete (at call
 *          granularity) only while watching; on demand it holds one change
 *          per look at most.
 *
 * A sample allocates nothing unless something changed. Listeners hear
 * polls, wakes and state changes as they are observed (trace.ts turns them
 * into a timeline); `cause` is asked only for a wake a listener will hear.
 */
import type { TaskState } from "../src/contract/abi-codes.ts";
import type { FirmwareRunner } from "./runner.ts";
import { Ring } from "./ring.ts";
import type { SiteInfo } from "./sites.ts";

export interface TaskInfo {
  id: number;
  /** The task's pool name. */
  name: string;
  state: TaskState;
  /** Times polled (wraps at 2^32, like the firmware's counter). */
  polls: number;
  /** Times made ready again after a poll: by an event, a timer, another task or itself. Spawns are not wakes. */
  wakes: number;
  /** Virtual µs when the task was seen entering its state; for a parked task, its last poll (see task-monitor.ts). */
  since: number;
  /** The await site it is parked at: -1 for none, null when the firmware does not report sites. */
  site: number | null;
  /** That site's source position, when a site table is loaded. */
  where: SiteInfo | null;
  /**
   * Its await chain (src/runtime/chain.ts): the site of each await its async
   * function frames are parked at, outermost first (for a task an error
   * escaped, the chain its throw was made in); null when the firmware does
   * not report chains (a release build, an Espruino build older than the
   * `outpost_task_chain` export).
   */
  chain: SiteRef[] | null;
}

/** An await site by id, with its source position when a site table is loaded. */
export interface SiteRef {
  id: number;
  where: SiteInfo | null;
}

export interface StateChange {
  at: number;
  state: TaskState;
}

/** A task event as observed: `count` polls or wakes since the previous sample, or a new `state`. */
export type TaskEvent =
  | { kind: "poll"; id: number; name: string; at: number; count: number }
  | { kind: "wake"; id: number; name: string; at: number; count: number; cause: string }
  | { kind: "state"; id: number; name: string; at: number; state: TaskState }
  /** After a poll, the task's await chain changed (reported only to an `onTask` listener). */
  | { kind: "chain"; id: number; name: string; at: number; chain: SiteRef[] };

/** What the monitor asks its owner at each call into the firmware. */
export interface MonitorOwner {
  /** Whoever hears task events; read at every call, so it may be set or cleared at any time. */
  readonly onTask?: ((event: TaskEvent) => void) | undefined;
  /** Read every task after every call, even with no listener (exact `since` and history). */
  readonly watchTasks: boolean;
  /** What may have woken tasks in the call just made, in words ("GPIO_EDGE BTN1 low", "timer or task"). */
  wakeCause(): string;
}

interface Observed {
  name: string;
  state: TaskState;
  polls: number;
  wakes: number;
  since: number;
  history: Ring<StateChange>;
  /** The await chain last reported to the listener, as site ids joined. */
  chainKey?: string;
}

/** The cause given for wakes that happened while nobody watched, heard at the first watched sample. */
const UNWATCHED = "unwatched";

export class TaskMonitor {
  private readonly firmware: FirmwareRunner;
  private readonly sites: ReadonlyMap<number, SiteInfo>;
  private readonly owner: MonitorOwner;
  private readonly historyLimit: number;
  private readonly records: Observed[] = [];
  /** A call into the firmware was made since the last sample. */
  private stale = false;

  constructor(
    firmware: FirmwareRunner,
    sites: ReadonlyMap<number, SiteInfo>,
    owner: MonitorOwner,
    historyLimit: number,
  ) {
    this.firmware = firmware;
    this.sites = sites;
    this.owner = owner;
    this.historyLimit = historyLimit;
  }

  /** Notes a call into the firmware that ended at virtual time `at`: samples now if watching, else later, on demand. */
  afterCall(at: number): void {
    if (this.owner.watchTasks || this.owner.onTask) this.sample(at);
    else this.stale = true;
  }

  /** Reads every task now (virtual time `at`) and records what changed since the last sample. */
  sample(at: number): void {
    const fw = this.firmware;
    const listener = this.owner.onTask;
    const unwatched = this.stale;
    this.stale = false;
    let cause: string | null = null;
    for (let id = 0, count = fw.taskCount(); id < count; id++) {
      const r = (this.records[id] ??= {
        name: fw.taskName(id) ?? `task ${id}`, state: "free", polls: 0, wakes: 0, since: 0, history: new Ring(this.historyLimit),
      });
      const state = fw.taskState(id);
      const polls = fw.taskPolls(id);
      const polled = (polls - r.polls) >>> 0;
      if (state === r.state && polled === 0) continue;
      const readies = polled + (state === "ready" ? 1 : 0) - (r.state === "ready" ? 1 : 0);
      const spawns = readies > 0 && (r.state === "free" || r.state === "finished") ? 1 : 0;
      const wakes = readies - spawns;
      if (wakes > 0) {
        r.wakes += wakes;
        if (listener) {
          cause ??= unwatched ? UNWATCHED : this.owner.wakeCause();
          listener({ kind: "wake", id, name: r.name, at, count: wakes, cause });
        }
      }
      if (polled > 0) listener?.({ kind: "poll", id, name: r.name, at, count: polled });
      if (polled > 0 && listener) this.chainChanged(id, r, at, listener);
      if (state !== r.state) {
        r.history.push({ at, state });
        listener?.({ kind: "state", id, name: r.name, at, state });
      }
      r.since = at;
      r.state = state;
      r.polls = polls;
    }
  }

  /** Every task, sampled at `now` if a call was made since the last sample, with its await site and chain read now. */
  tasks(now: number): TaskInfo[] {
    if (this.stale) this.sample(now);
    return this.records.map((r, id) => {
      const site = this.firmware.taskSite(id);
      const where = site === null || site < 0 ? null : (this.sites.get(site) ?? null);
      return { id, name: r.name, state: r.state, polls: r.polls, wakes: r.wakes, since: r.since, site, where, chain: this.chain(id) };
    });
  }

  /** A task's await chain with source positions (see TaskInfo.chain). */
  chain(id: number): SiteRef[] | null {
    const ids = this.firmware.taskChain(id);
    return ids === null ? null : this.refs(ids);
  }

  private refs(ids: readonly number[]): SiteRef[] {
    return ids.map((site) => ({ id: site, where: this.sites.get(site) ?? null }));
  }

  /** Reports a polled task's new await chain, when it differs from the last one reported. */
  private chainChanged(id: number, r: Observed, at: number, listener: (event: TaskEvent) => void): void {
    const ids = this.firmware.taskChain(id);
    if (ids === null) return;
    const key = ids.join(",");
    if (key === (r.chainKey ?? "")) return; // a task starts with no chain: an empty one is no change
    r.chainKey = key;
    listener({ kind: "chain", id, name: r.name, at, chain: this.refs(ids) });
  }

  /** Task `id`'s observed changes of state, oldest first (every task starts free at 0); samples at `now` if stale. */
  history(id: number, now: number): readonly StateChange[] {
    if (this.stale) this.sample(now);
    return this.records[id]?.history.toArray() ?? [];
  }
}
