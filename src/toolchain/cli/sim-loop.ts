/**
 * The `outpost sim` run loop: advances a `ScenarioRun` in slices so that
 * the process stays responsive, and stops cleanly on Ctrl-C (SIGINT).
 *
 *   as fast as possible   slices of ~100 ms of wall time; between slices
 *                         console output is flushed, the progress line
 *                         redrawn, and signals handled
 *   --realtime            virtual time follows the wall clock from the start
 *                         of the run: the loop advances to "now", hands stdin
 *                         bytes to the console UART at that virtual time,
 *                         then sleeps until the simulator's next event (at
 *                         most 20 ms, so typed keys get through at once)
 *
 * Returns the run's outcome, or "interrupted".
 */
import type { RunOutcome, ScenarioRun, Simulator } from "../../../sim/index.ts";
import type { Console } from "./console.ts";
import type { Progress } from "./progress.ts";
import { TerminalInput } from "./realtime.ts";

const SLICE_MS = 100;
const MAX_SLEEP_MS = 20;

export interface LoopOptions {
  out: Console;
  progress: Progress | null;
  /** Follow the wall clock and feed stdin to `consoleUart`. */
  realtime: boolean;
  consoleUart: string;
}

export async function runLoop(sim: Simulator, run: ScenarioRun, options: LoopOptions): Promise<RunOutcome | "interrupted"> {
  const input = new TerminalInput();
  const onSignal = (): void => input.interrupt();
  process.on("SIGINT", onSignal);
  try {
    if (options.realtime) {
      input.start();
      return await realtime(sim, run, input, options);
    }
    return await fast(sim, run, input, options);
  } finally {
    process.off("SIGINT", onSignal);
    if (options.realtime) input.stop();
    options.progress?.done();
    options.out.flush();
  }
}

async function fast(sim: Simulator, run: ScenarioRun, input: TerminalInput, options: LoopOptions): Promise<RunOutcome | "interrupted"> {
  for (;;) {
    const sliceEnd = performance.now() + SLICE_MS;
    let checks = 0;
    const outcome = run.advance(Infinity, () => input.interrupted || ((++checks & 255) === 0 && performance.now() > sliceEnd));
    options.out.flush();
    if (outcome) return outcome;
    if (input.interrupted) return "interrupted";
    options.progress?.update(sim.now);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function realtime(sim: Simulator, run: ScenarioRun, input: TerminalInput, options: LoopOptions): Promise<RunOutcome | "interrupted"> {
  const wallStart = performance.now();
  const virtualStart = sim.now;
  const wallNow = (): number => virtualStart + Math.floor((performance.now() - wallStart) * 1000);
  for (;;) {
    const outcome = run.advance(wallNow(), () => input.interrupted);
    options.out.flush();
    if (outcome) return outcome;
    if (input.interrupted) return "interrupted";
    const bytes = input.take();
    if (bytes) {
      sim.uart(options.consoleUart).send(bytes);
      continue;
    }
    const ahead = (sim.nextTime() - wallNow()) / 1000;
    await input.waitFor(Math.max(0, Math.min(MAX_SLEEP_MS, ahead)));
  }
}
