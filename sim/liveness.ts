/**
 * Is the firmware still alive? The definitions of running, idle, done and
 * deadlock, as one pure function over facts any host can gather, so the
 * simulator and other hosts classify a firmware the same way.
 *
 *   stopped   the firmware panicked, trapped or stalled.
 *   running   something will happen by itself: a task is ready, the firmware
 *             asked for an alarm, an interrupt waits for delivery, or an
 *             action is scheduled (a stimulus, a byte on a UART line in
 *             either direction, button bounce).
 *   done      nothing is scheduled and no task is parked or ready: every
 *             task finished (or none was spawned). Not an error.
 *   idle      nothing is scheduled, tasks are parked, and the firmware
 *             listens to an input the outside world can still change: an
 *             edge on a pin that is not an output (gpio_listen), or RX or
 *             error events on a UART (uart_listen). A button press or a
 *             byte may come and wake a task. Not an error.
 *   deadlock  nothing is scheduled, tasks are parked, and the firmware
 *             listens to no input: no event, alarm or task can ever wake a
 *             parked task again. Typically tasks wait on each other's
 *             Signals, or on a Signal, Channel or Mutex nobody will touch.
 *             An error: `outpost sim` stops and names every parked task
 *             and the await site it is parked at.
 *
 * The check is whole-firmware: two tasks waiting on each other while a
 * third listens to a UART is idle, since the host cannot see which task an
 * input would wake.
 */
import type { TaskInfo } from "./task-monitor.ts";

export type Liveness =
  | { kind: "stopped" }
  | { kind: "running"; next: number }
  | { kind: "done" }
  | { kind: "idle"; inputs: string[] }
  | { kind: "deadlock"; parked: TaskInfo[] };

export interface LivenessFacts {
  stopped: boolean;
  /** Virtual µs of the next thing that happens by itself (alarm, scheduled action, queued interrupt); Infinity for none. */
  next: number;
  /** Inputs the firmware listens to that the outside can change, by name ("BTN1", "UART0"). */
  inputs: string[];
  /** Called only when nothing is scheduled; reading tasks costs calls into the firmware. */
  tasks: () => TaskInfo[];
}

export function assessLiveness(facts: LivenessFacts): Liveness {
  if (facts.stopped) return { kind: "stopped" };
  if (facts.next !== Infinity) return { kind: "running", next: facts.next };
  const tasks = facts.tasks();
  if (tasks.some((t) => t.state === "ready")) return { kind: "running", next: Infinity };
  const parked = tasks.filter((t) => t.state === "parked");
  if (parked.length === 0) return { kind: "done" };
  if (facts.inputs.length > 0) return { kind: "idle", inputs: facts.inputs };
  return { kind: "deadlock", parked };
}
