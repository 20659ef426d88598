/**
 * One `outpost` command line, start to end: prints help or the version, or
 * dispatches to one file per command, and turns any error into its message
 * on stderr and its exit code (report.ts). main.ts runs it for
 * bin/outpost.mjs; tests run it in-process (test/fixtures/cli.ts), so what
 * they check is exactly what the command does, minus starting Node.
 *
 * Commands are imported when run: the compiler (assemblyscript) takes a
 * good half second to load, and `outpost sim firmware.wasm` never needs it.
 */
import { readFileSync } from "node:fs";
import { OutpostError } from "../../contract/errors.ts";
import { HELP, printHelp } from "./help.ts";
import { report } from "./report.ts";

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  build: async (argv) => (await import("./build.ts")).buildCommand(argv),
  sim: async (argv) => (await import("./sim.ts")).simCommand(argv),
  run: async (argv) => (await import("./run.ts")).runCommand(argv),
  size: async (argv) => (await import("./size.ts")).sizeCommand(argv),
  new: async (argv) => (await import("./new.ts")).newCommand(argv),
  boards: async (argv) => (await import("./boards.ts")).boardsCommand(argv),
  flash: async (argv) => (await import("./flash.ts")).flashCommand(argv),
  decode: async (argv) => (await import("./decode.ts")).decodeCommand(argv),
  view: async (argv) => (await import("./view.ts")).viewCommand(argv),
  fuzz: async (argv) => (await import("./fuzz.ts")).fuzzCommand(argv),
  check: async (argv) => (await import("./check.ts")).checkCommand(argv),
};

/** Runs `argv` (the arguments after `outpost`); the exit code. Never throws. */
export async function runCommandLine(argv: string[]): Promise<number> {
  try {
    return await dispatch(argv);
  } catch (e) {
    return report(e);
  }
}

async function dispatch(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    // Nothing asked: the help, as a usage error (stderr, exit 1), so a script that lost its arguments fails.
    process.stderr.write(HELP.outpost!);
    return 1;
  }
  if (command === "--help" || command === "-h" || command === "help") return printHelp("outpost");
  if (command === "--version" || command === "-v") {
    const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string };
    process.stdout.write(`outpost ${pkg.version}\n`);
    return 0;
  }
  const runIt = COMMANDS[command];
  if (!runIt) {
    throw new OutpostError("USAGE", `unknown command "${command}": the commands are ${Object.keys(COMMANDS).join(", ")} (see outpost --help)`);
  }
  return runIt(rest);
}
