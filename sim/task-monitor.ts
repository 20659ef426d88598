/**
 * What the host can tell about each task by watching it from outside: the
 * runtime reports state and poll count per task (ABI introspection
 * exports); the monitor samples them after every call into the firmware
 * (init, each event, each poll) and derives the rest.
 *
 *   wakes  READY transitions that were not spawns. A task is polled once per
 *          READY transition, so between two samples
 *            readies = Δpolls + [READY now] − [READY before]
 *          and one of them is a spawn when the slot was free or finished
 *          before. (A slot that finishes and is spawned again inside one
 *          call counts its respawn as a wake: the host cannot see it.)
 *   since  when the task entered its state; for a parked task, the virtual
 *          time of its last poll, so `now − since` is how long it has waited.
 *   history  every observed change of state, for waveforms (vcd.ts).
 *
 * Cost: two export calls per task per sample, no allocation unless
 * something changed. Listeners hear polls, wakes and state changes as they
 * are observed (trace.ts turns them into a timeline).
 */
import type { TaskState } from "./abi-codes.ts";
import type { FirmwareRunner } from "./runner.ts";
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
  /** Virtual µs when the task entered its state; for a parked task, its last poll. */
  since: number;
  /** The await site it is parked at: -1 for none, null when the firmware does not report sites. */
  site: number | null;
  /** That site's source position, when a site table is loaded. */
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
  | { kind: "state"; id: number; name: string; at: number; state: TaskState };

interface Observed {
  name: string;
  state: TaskState;
  polls: number;
  wakes: number;
  since: number;
  history: StateChange[];
}

export class TaskMonitor {
  private readonly records: Observed[] = [];

  constructor(
    private readonly firmware: FirmwareRunner,
    private readonly sites: ReadonlyMap<number, SiteInfo>,
    private readonly listener: (event: TaskEvent) => void,
  ) {}

  /** Reads every task after a call into the firmware at virtual time `at`; `cause` names what may have woken tasks. */
  sample(at: number, cause: () => string): void {
    const fw = this.firmware;
    for (let id = 0, count = fw.taskCount(); id < count; id++) {
      const r = (this.records[id] ??= { name: fw.taskName(id) ?? `task ${id}`, state: "free", polls: 0, wakes: 0, since: 0, history: [] });
      const state = fw.taskState(id);
      const polls = fw.taskPolls(id);
      const polled = (polls - r.polls) >>> 0;
      if (state === r.state && polled === 0) continue;
      const readies = polled + (state === "ready" ? 1 : 0) - (r.state === "ready" ? 1 : 0);
      const spawns = readies > 0 && (r.state === "free" || r.state === "finished") ? 1 : 0;
      const wakes = readies - spawns;
      if (wakes > 0) {
        r.wakes += wakes;
        this.listener({ kind: "wake", id, name: r.name, at, count: wakes, cause: cause() });
      }
      if (polled > 0) this.listener({ kind: "poll", id, name: r.name, at, count: polled });
      if (state !== r.state) {
        r.history.push({ at, state });
        this.listener({ kind: "state", id, name: r.name, at, state });
      }
      r.since = at;
      r.state = state;
      r.polls = polls;
    }
  }

  /** Every task as last sampled, with its await site read now. */
  tasks(): TaskInfo[] {
    return this.records.map((r, id) => {
      const site = this.firmware.taskSite(id);
      const where = site === null || site < 0 ? null : (this.sites.get(site) ?? null);
      return { id, name: r.name, state: r.state, polls: r.polls, wakes: r.wakes, since: r.since, site, where };
    });
  }

  /** Task `id`'s observed changes of state, oldest first (every task starts free at 0). */
  history(id: number): readonly StateChange[] {
    return this.records[id]?.history ?? [];
  }
}
