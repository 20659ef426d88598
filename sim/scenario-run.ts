/**
 * Running a scenario (scenario.ts) and text expectations against a
 * simulator: the one implementation behind `runScenario` in tests and
 * `outpost sim --scenario/--expect-text/--fail-text`.
 *
 * Steps run one after another in virtual time. `delay`, `tap` (for its
 * hold) and `wait-serial` take time; the others act at once, and the
 * firmware reacts within the same instant (interrupts delivered, ready
 * tasks polled) before the next step looks. Between
 * steps, and after every simulated instant, the run is judged:
 *
 *   panic     the firmware panicked, trapped or stalled
 *   failed    a --fail-text appeared on the console, or an expect-pin saw the
 *             wrong level
 *   deadlock  the simulator found a deadlock (liveness.ts)
 *   passed    every step is done and every --expect-text has appeared: the
 *             run stops at that instant; with nothing to wait for (no steps,
 *             no texts), the run passes when its time limit is reached
 *   timeout   a wait-serial's timeout, or the run's time limit, ran out first
 *
 * `wait-serial` looks for its text in console output after the end of the
 * previous wait-serial's match (on that UART); `--expect-text` and
 * `--fail-text` look at the whole output.
 *
 * `ScenarioRun.advance` can stop early (at a virtual time, or when `pause`
 * says so) and be called again, which is how the CLI follows the wall clock
 * and stays responsive to Ctrl-C; `runScenario` runs to the end at once.
 */
import { type Board, consoleUartName } from "../src/contract/boards.ts";
import { formatDuration, formatTime, toMicros } from "../src/contract/duration.ts";
import type { Panic } from "./abi-host.ts";
import type { Scenario, Step, StepKind } from "./scenario.ts";
import { Needle, TextWatch } from "./text-watch.ts";
import type { ButtonHandle, Deadlock, PinHandle, TimeSpec, UartHandle } from "./types.ts";

/** What a run needs of a simulator (the Simulator class has it all). */
export interface ScenarioTarget {
  readonly now: number;
  readonly board: Board;
  readonly panic: Panic | null;
  readonly deadlock: Deadlock | null;
  nextTime(): number;
  runUntil(cond: () => boolean, limit: TimeSpec): boolean;
  pin(name: string): PinHandle;
  button(name: string): ButtonHandle;
  uart(name: string): UartHandle;
}

export interface RunOptions {
  /**
   * Virtual time the run may take. Without one, a run goes on until its
   * outcome is known or nothing is left to happen (an idle, finished or
   * deadlocked firmware); a busy firmware that never passes runs for ever.
   */
  limit?: TimeSpec;
  /** Texts that must appear on the console; the run passes once all have (and the scenario is over). */
  expectText?: readonly string[];
  /** Texts that fail the run as soon as they appear on the console. */
  failText?: readonly string[];
  /** The console UART (for the texts, and steps without `uart`); default: the board's console UART. */
  console?: string;
}

export type RunStatus = "passed" | "timeout" | "failed" | "panic" | "deadlock";

export interface RunOutcome {
  status: RunStatus;
  /** Virtual µs when the run ended. */
  at: number;
  /** The step that failed or was under way (index from 0); null when no step is to blame. */
  step: { index: number; kind: StepKind } | null;
  /** One line: what happened, naming the step as "step 3 (wait-serial)". */
  message: string;
}

/** The step under way: it ends at `until`, or earlier once `done()` holds; `expires` makes the end a timeout. */
interface Wait {
  index: number;
  until: number;
  done?: () => boolean;
  expires?: string;
}

/** Virtual time run in one go when a run has no end in sight. */
const CHUNK = 3_600_000_000;

/** Runs `scenario` (or, with null, just the options' texts and limit) to its end. */
export function runScenario(sim: ScenarioTarget, scenario: Scenario | null, options: RunOptions = {}): RunOutcome {
  return new ScenarioRun(sim, scenario, options).advance()!;
}

export class ScenarioRun {
  private readonly sim: ScenarioTarget;
  private readonly scenario: Scenario | null;
  outcome: RunOutcome | null = null;
  private index = 0;
  private wait: Wait | null = null;
  private readonly steps: readonly Step[];
  /** The run's time limit (µs) and when it runs out; Infinity for none. */
  private readonly limit: number;
  private readonly limitAt: number;
  private readonly console: string;
  private readonly watches = new Map<string, TextWatch>();
  /** Where the next wait-serial starts looking, per UART. */
  private readonly cursors = new Map<string, number>();
  private readonly expects: Needle[];
  private readonly fails: Needle[];
  private readonly hasGoals: boolean;

  constructor(
    sim: ScenarioTarget,
    scenario: Scenario | null,
    options: RunOptions = {},
  ) {
    this.sim = sim;
    this.scenario = scenario;
    this.steps = scenario?.steps ?? [];
    this.limit = options.limit === undefined ? Infinity : toMicros(options.limit);
    this.limitAt = sim.now + this.limit;
    this.console = options.console ?? consoleUartName(sim.board) ?? "";
    const needles = (texts: readonly string[] | undefined): Needle[] =>
      (texts ?? []).map((t) => new Needle(this.watch(this.console), t));
    this.expects = needles(options.expectText);
    this.fails = needles(options.failText);
    this.hasGoals = scenario !== null || this.expects.length > 0;
  }

  /** The step under way, or the next to begin (index from 0); the number of steps once all are done. */
  get step(): number {
    return this.wait?.index ?? this.index;
  }

  /**
   * Runs until the outcome is known, virtual time `until`, or `pause()`
   * returns true (checked after each instant); the outcome, or null to be
   * continued.
   */
  advance(until = Infinity, pause?: () => boolean): RunOutcome | null {
    const sim = this.sim;
    while (!this.outcome) {
      this.stepOn();
      if (this.judge()) break;
      let end = Math.min(this.wait?.until ?? Infinity, this.limitAt, until);
      if (sim.now >= end) return null;
      if (end === Infinity) {
        if (sim.nextTime() === Infinity) {
          if (this.hasGoals) this.finish("timeout", this.pendingText(" and nothing is left to happen"));
          else this.finish("passed", "nothing is left to happen");
          break;
        }
        end = sim.now + CHUNK;
      }
      let paused = false;
      sim.runUntil(() => this.attention() || (paused = pause?.() ?? false), end - sim.now);
      if (paused) {
        this.stepOn();
        this.judge();
        return this.outcome;
      }
    }
    return this.outcome;
  }

  /** Begins steps until one takes time; ends the step under way when it is done. */
  private stepOn(): void {
    while (!this.outcome) {
      const w = this.wait;
      if (w) {
        if (w.done?.()) {
          this.wait = null;
          continue;
        }
        if (this.sim.now < w.until) return;
        this.wait = null;
        if (w.expires !== undefined) return this.finish("timeout", `${this.stepName(w.index)}: ${w.expires}`, w.index);
        continue;
      }
      if (this.index >= this.steps.length) return;
      this.begin(this.index++);
      // An action takes effect at once: let the firmware react within this instant before the next step.
      if (!this.wait && !this.outcome) this.sim.runUntil(() => false, 0);
    }
  }

  private begin(index: number): void {
    const sim = this.sim;
    const step = this.steps[index]!;
    const now = sim.now;
    switch (step.kind) {
      case "delay":
        this.wait = { index, until: now + step.duration };
        return;
      case "press":
        return sim.button(step.button).press();
      case "release":
        return sim.button(step.button).release();
      case "tap":
        sim.button(step.button).tap(now, step.hold);
        this.wait = { index, until: now + step.hold };
        return;
      case "write-serial":
        return sim.uart(step.uart ?? this.console).send(step.text);
      case "wait-serial": {
        const uart = step.uart ?? this.console;
        const needle = new Needle(this.watch(uart), step.text, this.cursors.get(uart) ?? 0);
        const done = (): boolean => needle.found() && (this.cursors.set(uart, needle.end), true);
        const expires = `${JSON.stringify(step.text)} did not appear on ${uart} within ${formatDuration(step.timeout)}`;
        this.wait = { index, until: now + step.timeout, done, expires };
        return;
      }
      case "expect-pin": {
        const level = sim.pin(step.pin).level;
        if (level !== step.level) {
          const name = (l: number): string => (l ? "high" : "low");
          const message = `${step.pin} is ${name(level)} at ${formatTime(now).trim()}s, expected ${name(step.level)}`;
          this.finish("failed", `${this.stepName(index)}: ${message}`, index);
        }
        return;
      }
    }
  }

  /** Decides the outcome if it is known now; true when it is. */
  private judge(): boolean {
    if (this.outcome) return true;
    const sim = this.sim;
    const under = this.wait?.index ?? (this.index < this.steps.length ? this.index : undefined);
    const during = under === undefined ? "" : ` during ${this.stepName(under)}`;
    const failed = this.fails.find((n) => n.found());
    if (sim.panic) {
      this.finish("panic", `the firmware stopped${during}: ${sim.panic.code}: ${sim.panic.message}`, under);
    } else if (failed) {
      this.finish("failed", `${JSON.stringify(failed.text)} appeared on ${this.console}${during}`, under);
    } else if (sim.deadlock) {
      this.finish("deadlock", `deadlock${during}: every task is parked and nothing can wake one`, under);
    } else if (this.goalsMet()) {
      const texts = this.expects.map((n) => JSON.stringify(n.text)).join(", ");
      const n = this.steps.length;
      const what = this.scenario ? `scenario ${JSON.stringify(this.scenario.name)}, ${n} step${n === 1 ? "" : "s"}` : "";
      this.finish("passed", [what, texts && `${texts} appeared on ${this.console}`].filter(Boolean).join("; "));
    } else if (sim.now >= this.limitAt) {
      if (!this.hasGoals) this.finish("passed", "the run reached its time limit");
      else if (under !== undefined) this.finish("timeout", `the time limit of ${formatDuration(this.limit)} ran out${during}`, under);
      else this.finish("timeout", this.pendingText(""));
    }
    return this.outcome !== null;
  }

  /** Something `stepOn` or `judge` would act on: checked after each instant. */
  private attention(): boolean {
    const sim = this.sim;
    return (
      (this.wait?.done?.() ?? false) ||
      sim.panic !== null ||
      sim.deadlock !== null ||
      this.fails.some((n) => n.found()) ||
      this.goalsMet()
    );
  }

  private goalsMet(): boolean {
    return this.hasGoals && this.wait === null && this.index >= this.steps.length && this.expects.every((n) => n.found());
  }

  /** `"ready" did not appear on UART0 within 10s`, for the texts still missing. */
  private pendingText(suffix: string): string {
    const missing = this.expects.filter((n) => !n.found()).map((n) => JSON.stringify(n.text));
    const within = this.limit === Infinity ? "" : ` within ${formatDuration(this.limit)}`;
    return `${missing.join(", ")} did not appear on ${this.console}${within}${suffix}`;
  }

  private stepName(index: number): string {
    return `step ${index + 1} (${this.steps[index]!.kind})`;
  }

  private finish(status: RunOutcome["status"], message: string, index?: number): void {
    const step = index === undefined ? null : { index, kind: this.steps[index]!.kind };
    this.outcome = { status, at: this.sim.now, step, message };
  }

  private watch(uart: string): TextWatch {
    let w = this.watches.get(uart);
    if (!w) this.watches.set(uart, (w = new TextWatch(this.sim.uart(uart))));
    return w;
  }
}
