/**
 * `outpost run <image.elf> [options]` (help.ts lists them): a native image
 * on its board's emulator, with `outpost sim`'s output and exit codes —
 * the console UART on stdout; pin changes, logs, panics and the outcome of
 * --expect-text / --fail-text on stderr, stamped with virtual time.
 *
 * The options are checked here, before QEMU starts (one USAGE error each);
 * the run itself is src/toolchain/native/qemu.ts.
 */
import type { Board } from "../../contract/boards.ts";
import { decodeReferences } from "../../contract/deferred-text.ts";
import { parseDuration } from "../../contract/duration.ts";
import { OutpostError } from "../../contract/errors.ts";
import { hasTestChannel, imageBoard, readImage, runOnQemu } from "../native/qemu.ts";
import { type Stimuli, stimulusFile } from "../native/stimuli.ts";
import { type Args, onePositional, parseArgs, usageError, valueOf, wantsHelp } from "./args.ts";
import { type Io, processIo } from "./console.ts";
import { printHelp } from "./help.ts";
import { readTextTable, sidecarOf, textFile } from "./sidecars.ts";
import { DEFAULT_FOR, UART_OPTION, parsePress, uartInputs } from "./sim-options.ts";

/** The image's diagnostics, whole lines at a time, with {#n} references spelled out from the text table. */
class LineDecoder {
  private readonly table: readonly string[];
  private pending = "";
  constructor(table: readonly string[]) {
    this.table = table;
  }
  push(chunk: Buffer): string {
    const text = this.pending + chunk.toString("utf8");
    const end = text.lastIndexOf("\n") + 1;
    this.pending = text.slice(end);
    return decodeReferences(text.slice(0, end), this.table);
  }
  end(): string {
    return decodeReferences(this.pending, this.table);
  }
}

/** The image's test channel holds 32 KiB of stimuli (platform_mps2.c OUTPOST_STIMULUS_BYTES). */
const STIMULUS_BYTES = 32768;

function checkStimulusSize(stimuli: Stimuli, board: Board, image: string): void {
  const bytes = stimulusFile(board, stimuli).length;
  if (bytes > STIMULUS_BYTES) {
    throw usageError("run", `the inputs for ${image} take ${bytes} bytes but its test channel holds ${STIMULUS_BYTES}: send less with --uartN`);
  }
}

/** Options that only a test image's channel can carry out. */
const CHANNEL_OPTIONS = ["--press", "--expect-text", "--fail-text"];

/** A user image has no test channel: an option that needs one is refused, never ignored. */
function refuseInputs(args: Args, image: string, board: Board): void {
  const option = args.values.map(([o]) => o).find((o) => CHANNEL_OPTIONS.includes(o) || UART_OPTION.test(o));
  if (option === undefined) return;
  throw usageError(
    "run",
    `${option} needs a test image, and ${image} is a user image without the test channel: ` +
      `rebuild it with outpost build <entry.ts> --board ${board.name} --test-channel -o ${image}`,
  );
}

/** `outpost run`'s options, parsed (USAGE errors name the option). */
export function parseRunArgs(argv: string[]): Args {
  return parseArgs(
    "run",
    argv,
    { "--for": "value", "--press": "value", "--expect-text": "value", "--fail-text": "value", "--stack-report": "switch", "--help": "switch", "-h": "switch" },
    UART_OPTION,
  );
}

export async function runCommand(argv: string[], io: Io = processIo): Promise<number> {
  const args = parseRunArgs(argv);
  if (wantsHelp(args)) return printHelp("run");
  const image = onePositional("run", args, "a native image, like build/blinky.elf");
  const bytes = readImage(image);
  const board = imageBoard(bytes, image);
  const testChannel = hasTestChannel(bytes);
  if (!testChannel) refuseInputs(args, image, board);
  const stimuli = runStimuli(args, board);
  if (testChannel) checkStimulusSize(stimuli, board, image);
  const textPath = sidecarOf(image, textFile);
  const table = textPath === undefined ? [] : readTextTable(textPath);
  const lines = new LineDecoder(table);
  const abort = new AbortController();
  const onSignal = (): void => abort.abort();
  process.on("SIGINT", onSignal);
  try {
    const run = await runOnQemu(image, board, stimuli, testChannel, {
      console: (chunk) => io.stdout(chunk),
      diagnostics: (chunk) => io.stderr(lines.push(chunk)),
    }, { stackReport: args.switches.has("--stack-report"), signal: abort.signal });
    io.stderr(lines.end());
    if (run.status === 1 && run.qemuStderr) {
      throw new OutpostError("USAGE", `QEMU could not run ${image}: ${run.qemuStderr.trim().split("\n")[0]}`);
    }
    return run.status;
  } finally {
    process.off("SIGINT", onSignal);
  }
}

/** The run's options as a native image's test channel takes them (also the conformance tests' way to script the C host). */
export function runStimuli(args: Args, board: Board): Stimuli {
  const texts = (option: string): string[] =>
    args.values.filter(([o]) => o === option).map(([, t]) => {
      if (t === "") throw usageError("run", `${option} needs a non-empty text`);
      if (new TextEncoder().encode(t).length > 64) throw usageError("run", `${option} takes a text of at most 64 bytes on a native image`);
      return t;
    });
  return {
    limit: parseDuration(valueOf(args, "--for") ?? DEFAULT_FOR),
    inputs: uartInputs(args, board),
    presses: args.values.filter(([o]) => o === "--press").map(([, spec]) => parsePress(spec, board)),
    expectText: texts("--expect-text"),
    failText: texts("--fail-text"),
  };
}
