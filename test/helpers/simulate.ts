/**
 * Runs a test firmware in the simulator: `simulate(path)` builds it (cached,
 * see firmware.ts) and loads it (init, then the polls at t = 0).
 * `lines(sim)` renders the log as "<µs> <text>" strings, the form the
 * runtime tests compare against, so a failure shows time and text together.
 */
import { Simulator, type LoadOptions } from "../../sim/index.ts";
import { buildTest } from "./firmware.ts";

export async function simulate(path: string, board = "sim", options: LoadOptions = {}): Promise<Simulator> {
  const { wasm, text } = await buildTest(path, board);
  return Simulator.load(wasm, { board, name: path, text, ...options });
}

/** Every log line as "<at> <text>", optionally only those whose text starts with `prefix`. */
export function lines(sim: Simulator, prefix = ""): string[] {
  return sim.logs.filter((l) => l.text.startsWith(prefix)).map((l) => `${l.at} ${l.text}`);
}

/** Total task polls so far (each task's count wraps at 2^32). */
export function taskPolls(sim: Simulator): number {
  return sim.tasks().reduce((sum, t) => sum + t.polls, 0);
}
