/**
 * One run of the firmware in the page, from t = 0: the `Simulator` (sim/,
 * the same code `outpost sim` runs), the `ScenarioRun` that judges it, and
 * the `TraceRecorder` behind the Perfetto download. Restarting or playing a
 * scenario makes a new one (main.ts).
 *
 * Without a scenario, only a panic or a deadlock ends the run, and a
 * firmware that waits for input with nothing scheduled (idle) keeps its
 * clock still at "as fast as possible" rather than jumping ahead. With a
 * scenario the run is judged exactly as `outpost sim --scenario` judges it
 * (same steps, same outcome, same message).
 *
 * Both loads watch every task (as `outpost sim` does), so deadlock reports
 * say since when each task is parked, and the trace has every poll and wake.
 */
import type { RunOutcome, Scenario, SimListeners } from "../../sim/index.ts";
// Values from their own files, not sim/index.ts: that re-exports the scenario parser, and with it
// yaml, which the page loads only when a scenario is chosen (scenario-panel.ts).
import { mergeListeners } from "../../sim/listeners.ts";
import { ScenarioRun } from "../../sim/scenario-run.ts";
import { Simulator } from "../../sim/simulator.ts";
import { TraceRecorder } from "../../sim/trace.ts";
import type { Session } from "./session.ts";

/** Instants between two looks at the wall clock while running: cheap enough, fine enough. */
const CHECK_EVERY = 64;

export class BoardRun {
  readonly sim: Simulator;
  readonly run: ScenarioRun;
  readonly trace: TraceRecorder;
  readonly scenario: Scenario | null;
  /** When each scenario step was done (virtual µs), by index: exact, since the run is looked at after every instant. */
  readonly stepsDone: number[] = [];

  private constructor(
    sim: Simulator,
    run: ScenarioRun,
    trace: TraceRecorder,
    scenario: Scenario | null,
  ) {
    this.sim = sim;
    this.run = run;
    this.trace = trace;
    this.scenario = scenario;
  }

  static async start(session: Session, firmware: Uint8Array | string, scenario: Scenario | null, listeners: SimListeners): Promise<BoardRun> {
    const trace = new TraceRecorder();
    const sim = await Simulator.load(firmware, {
      board: session.board.name,
      name: session.name,
      sites: session.sites,
      text: session.text,
      watchTasks: true,
      ...mergeListeners(listeners, trace.listeners),
    });
    return new BoardRun(sim, new ScenarioRun(sim, scenario), trace, scenario);
  }

  get outcome(): RunOutcome | null {
    return this.run.outcome;
  }

  /** Nothing scheduled and no scenario waiting: only input (a button, a UART) can make anything happen. */
  get idle(): boolean {
    return this.scenario === null && this.sim.nextTime() === Infinity;
  }

  /**
   * Runs towards virtual µs `until` (Infinity: as far as it goes) for at most
   * `budgetMs` of wall time. A free run stops where it falls idle, after
   * letting the simulator look for a deadlock there.
   */
  advance(until: number, budgetMs: number): void {
    if (this.outcome) return;
    if (this.idle && until === Infinity) {
      this.sim.runFor(0); // an instant's look: finds a deadlock, if that is why nothing is scheduled
      this.drive(this.sim.now, () => false);
      return;
    }
    const end = performance.now() + budgetMs;
    let checks = 0;
    this.drive(until, () => (until === Infinity && this.idle) || (++checks % CHECK_EVERY === 0 && performance.now() > end));
  }

  /** Runs the next instant at which anything is scheduled (every event of that µs); false when nothing is. */
  step(): boolean {
    if (this.outcome) return false;
    if (this.idle) {
      this.advance(Infinity, 0);
      return false;
    }
    const start = this.sim.now;
    this.drive(Infinity, () => this.sim.now !== start);
    return true;
  }

  /** `ScenarioRun.advance`, noting when steps are done: it asks `pause` right after beginning steps, and after each instant. */
  private drive(until: number, pause: () => boolean): void {
    const note = (): void => {
      while (this.stepsDone.length < this.run.step) this.stepsDone.push(this.sim.now);
    };
    this.run.advance(until, () => (note(), pause()));
    note();
  }
}
