/**
 * The `outpost` command's entry (bin/outpost.mjs loads it): runs the
 * command line (command-line.ts) and sets the process's exit code.
 */
import { runCommandLine } from "./command-line.ts";
import { EXIT_USER_ERROR } from "./report.ts";

// A closed stdout (`outpost build … | head -1`): one line and exit 1, never a stack.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code !== "EPIPE") throw e;
  process.stderr.write("outpost: error: stdout was closed before the output ended (a pipe's reader quit): the rest is not written\n");
  process.exit(EXIT_USER_ERROR);
});

// No top-level await: command modules import helpers back from this one,
// and a bundled entry that awaited them would wait on itself.
void runCommandLine(process.argv.slice(2)).then((code) => (process.exitCode = code));
