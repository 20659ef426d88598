/**
 * The `outpost` command's entry (bin/outpost.mjs loads it): prints help or
 * the version, or dispatches to one file per command. Every error goes
 * through `report`, which also decides the exit code.
 *
 * Commands are imported when run: the compiler (assemblyscript) takes a
 * good half second to load, and `outpost sim firmware.wasm` never needs it.
 */
import { readFileSync } from "node:fs";
import { OutpostError } from "../../contract/errors.ts";
import { HELP, printHelp } from "./help.ts";
import { EXIT_USER_ERROR, report } from "./report.ts";

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

async function main(argv: string[]): Promise<number> {
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
  const run = COMMANDS[command];
  if (!run) {
    throw new OutpostError("USAGE", `unknown command "${command}": the commands are ${Object.keys(COMMANDS).join(", ")} (see outpost --help)`);
  }
  return run(rest);
}

// A closed stdout (`outpost build … | head -1`): one line and exit 1, never a stack.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code !== "EPIPE") throw e;
  process.stderr.write("outpost: error: stdout was closed before the output ended (a pipe's reader quit): the rest is not written\n");
  process.exit(EXIT_USER_ERROR);
});

// No top-level await: command modules import helpers back from this one,
// and a bundled entry that awaited them would wait on itself.
main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => (process.exitCode = report(e)),
);
