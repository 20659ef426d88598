/**
 * The `outpost` command's entry (bin/outpost.mjs loads it): prints help or
 * the version, or dispatches to one file per command. Every error goes
 * through `report`, which also decides the exit code.
 */
import { readFileSync } from "node:fs";
import { OutpostError } from "../errors.ts";
import { boardsCommand } from "./boards.ts";
import { buildCommand } from "./build.ts";
import { printHelp } from "./help.ts";
import { report } from "./report.ts";
import { simCommand } from "./sim.ts";
import { sizeCommand } from "./size.ts";

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  build: buildCommand,
  sim: simCommand,
  size: sizeCommand,
  boards: boardsCommand,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    return printHelp("outpost");
  }
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

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  process.exitCode = report(e);
}
