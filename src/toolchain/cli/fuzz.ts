/**
 * `outpost fuzz <firmware> [options]` (help.ts lists them): deterministic
 * simulation testing. Runs seeds 1 … N of sim/fuzz.ts (random UART bytes,
 * button taps, pin edges; invariants: no panic, no deadlock, the heap top
 * fixed, echoes complete, a scenario passing) on worker threads, prints
 * seeds per second, and for a failure the seed, what broke and the one
 * line that replays it. `--seed N` replays one seed in this process, with
 * its logs and, given --vcd, its waveform.
 *
 * Stdout: the summary (the product); stderr: the failure's details and the
 * progress line on a terminal. Exit codes as outpost sim's: 0 every seed
 * passed, 1 bad input, else the failing seed's (3 panic, 4 an invariant,
 * 5 deadlock, 2 a scenario timed out).
 */
import { availableParallelism } from "node:os";
import { type FuzzOptions, type FuzzResult, Simulator, VcdWriter, fuzzSeed, fuzzSeedTwice, parseScenario, checkScenario } from "../../../sim/index.ts";
import { resolveUart } from "../../contract/boards.ts";
import { formatDuration, formatTime, parseDuration } from "../../contract/duration.ts";
import { grouped } from "../../contract/grouped.ts";
import { type Args, onePositional, parseArgs, usageError, valueOf, wantsHelp } from "./args.ts";
import { firmwareBoard, readInput } from "./files.ts";
import { printHelp } from "./help.ts";
import { checkOutputs, OutputFile } from "./outputs.ts";
import { loadFirmware } from "./sim.ts";
import { parseWatchdog } from "./sim-options.ts";
import { runPool } from "./fuzz-pool.ts";

const LOG_LEVELS = ["", "error", "warn", "info", "debug"];

/** A whole number ≥ `min` from an option, or USAGE naming it. */
function count(args: Args, option: string, fallback: number, min: number): number {
  const text = valueOf(args, option);
  if (text === undefined) return fallback;
  const n = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
  if (!(n >= min)) throw usageError("fuzz", `bad ${option} "${text}": write a whole number from ${min}, like ${option === "--jobs" ? 2 : 1000}`);
  return n;
}

export async function fuzzCommand(argv: string[]): Promise<number> {
  const args = parseArgs("fuzz", argv, {
    "--seeds": "value", "--jobs": "value", "--for": "value", "--scenario": "value", "--board": "value", "--seed": "value",
    "--echo": "value", "--vcd": "value", "--watchdog": "value", "--twice": "switch", "--help": "switch", "-h": "switch",
  });
  if (wantsHelp(args)) return printHelp("fuzz");
  const path = onePositional("fuzz", args, "a firmware (.wasm) or an entry (.ts)");
  const scenarioFile = valueOf(args, "--scenario");
  const scenario = scenarioFile === undefined ? null : parseScenario(new TextDecoder().decode(readInput(scenarioFile, "scenario", "check the path after --scenario")), scenarioFile);
  // A built firmware runs on the board it records; --board or the scenario's board may only agree with it.
  const board = firmwareBoard(path, {
    option: valueOf(args, "--board"),
    scenario: scenario?.board === undefined ? undefined : { board: scenario.board, file: scenario.file },
  });
  if (scenario) checkScenario(scenario, board);
  const echo = args.values.filter(([o]) => o === "--echo").map(([, uart]) => (resolveUart(board, uart), uart));
  const duration = parseDuration(valueOf(args, "--for") ?? "10s");
  const seeds = count(args, "--seeds", 1000, 1);
  const jobs = count(args, "--jobs", availableParallelism(), 1);
  const only = valueOf(args, "--seed") === undefined ? null : count(args, "--seed", 1, 1);
  const vcd = valueOf(args, "--vcd");
  if (vcd !== undefined && only === null) throw usageError("fuzz", "--vcd writes the waveform of one seed: give it with --seed N");
  checkOutputs({
    command: "fuzz",
    outputs: vcd === undefined ? [] : [{ option: "--vcd", path: vcd }],
    inputs: [{ what: "the firmware", path }, ...(scenarioFile ? [{ what: "the scenario", path: scenarioFile }] : [])],
  });
  const { firmware, text } = await loadFirmware({ path, board, sites: undefined });
  const options: FuzzOptions = { board, duration, scenario, echo, watchdog: parseWatchdog(valueOf(args, "--watchdog"), "fuzz"), text };
  await Simulator.load(firmware, { board: board.name, name: path, watchdog: 0, text }); // refuses what is not firmware, once
  const replay = replayLine(argv, path);
  if (only !== null) return replayOne(firmware, options, only, args.switches.has("--twice"), vcd, replay);

  const progress = process.stderr.isTTY === true;
  let last = 0;
  const result = await runPool({
    firmware, options, first: 1, count: seeds, jobs, twice: args.switches.has("--twice"),
    onResult: (_r, done) => {
      if (!progress || performance.now() - last < 200) return;
      last = performance.now();
      process.stderr.write(`\r\x1b[2Kfuzz: ${grouped(done)} of ${grouped(seeds)} seeds`);
    },
  });
  if (progress) process.stderr.write("\r\x1b[2K");
  const rate = result.done / (result.wallMs / 1000);
  const what = `${grouped(result.done)} seed${result.done === 1 ? "" : "s"} of ${formatDuration(duration)} in ${(result.wallMs / 1000).toFixed(1)} s ` +
    `(${rate.toFixed(rate < 10 ? 1 : 0)} seeds/s, ${Math.min(jobs, seeds)} job${jobs === 1 ? "" : "s"}${args.switches.has("--twice") ? ", each twice" : ""})`;
  if (!result.failed) {
    process.stdout.write(`fuzz: ${what}: every seed passed\n`);
    return 0;
  }
  const f = result.failed;
  process.stdout.write(`fuzz: ${what}: seed ${f.seed} failed: ${f.failure!.message}\n`);
  process.stdout.write(`replay: ${replay(f.seed)}\n`);
  process.stdout.write(`waveform: ${replay(f.seed)} --vcd seed-${f.seed}.vcd\n`);
  return f.failure!.exit;
}

/** The command line that replays one seed: this one, with --seed N instead of --seeds, --jobs and --seed. */
function replayLine(argv: string[], path: string): (seed: number) => string {
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const name = a.split("=")[0]!;
    if (a === path) continue;
    if (["--seeds", "--jobs", "--seed", "--vcd"].includes(name)) {
      if (!a.includes("=")) i++;
      continue;
    }
    kept.push(/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`);
  }
  return (seed) => ["outpost fuzz", path, "--seed", String(seed), ...kept].join(" ");
}

/** `--seed N`: the seed's run in this process, its logs on stderr, its waveform with --vcd. */
async function replayOne(
  firmware: Uint8Array | string,
  options: FuzzOptions,
  seed: number,
  twice: boolean,
  vcdPath: string | undefined,
  replay: (seed: number) => string,
): Promise<number> {
  const file = vcdPath === undefined ? null : new OutputFile(vcdPath, "--vcd");
  const vcd = file ? new VcdWriter((t) => file.write(t), { version: `outpost fuzz seed ${seed}` }) : null;
  let result: FuzzResult;
  try {
    result = await fuzzSeed(firmware, options, seed, {
      listeners: {
        ...vcd?.listeners,
        onLog: (e) => process.stderr.write(`[${formatTime(e.at)}] ${LOG_LEVELS[e.level] ?? `level ${e.level}`}: ${e.text}\n`),
      },
      loaded: (sim) => vcd?.start(sim),
      finished: (sim) => vcd?.end(sim.now),
    });
    if (twice && !result.failure) result = await fuzzSeedTwice(firmware, options, seed, true);
    file?.commit();
  } catch (e) {
    file?.discard();
    throw e;
  }
  if (!result.failure) {
    process.stdout.write(`fuzz: seed ${seed} passed (digest ${result.hash})\n`);
    return 0;
  }
  process.stdout.write(`fuzz: seed ${seed} failed: ${result.failure.message}\nreplay: ${replay(seed)}\n`);
  return result.failure.exit;
}
