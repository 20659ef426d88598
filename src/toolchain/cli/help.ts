/**
 * Every help text of the `outpost` command, in one place. Commands print
 * these on stdout for `--help`; usage errors point here.
 */

export const HELP: Record<string, string> = {
  outpost: `outpost: build and simulate Outpost firmware

Usage:
  outpost build <entry.ts> [--board NAME] [-o FILE]
  outpost sim <firmware.wasm|entry.ts> [--board NAME] [--for 10s] [--uart0 TEXT|@FILE]
              [--press BTN1@1s:50ms]
  outpost size <firmware.wasm|entry.ts> [--board NAME]
  outpost boards

Run outpost <command> --help for details. Options: --help, -h, --version.

Exit codes: 0 success, 1 a usage or input error (message on stderr),
3 the firmware panicked, trapped or stalled, 70 an internal error.
`,
  build: `outpost build <entry.ts> [--board NAME] [-o FILE]

Compiles a firmware entry (it exports function main(): void) to WebAssembly
for a board, then loads it once to list its tasks.

  --board NAME   the board to build for (default sim; outpost boards lists them)
  -o FILE        where to write the .wasm (default build/<name>.wasm, where
                 <name> is the entry's folder for a main.ts or index.ts entry,
                 else the entry's file name)

Prints the file's size and its task pools on stdout.
Exit codes: 0 built, 1 an input or build error, 3 the firmware panicked
during outpost_init.
`,
  sim: `outpost sim <firmware.wasm|entry.ts> [--board NAME] [--for 10s] [--uart0 TEXT|@FILE]
            [--press BTN1@1s:50ms]

Runs a firmware on a simulated board in virtual time. A .ts entry is built
in memory first.

  --board NAME       the board to simulate (default sim)
  --for DURATION     how much virtual time to run: 250us, 500ms, 10s, 2h, 30d
                     (default 10s)
  --uartN TEXT       send TEXT to UART N at t=0; @FILE sends the file's bytes
  --press B@T:HOLD   press button B at virtual time T for HOLD (default 100ms),
                     contacts bouncing as the board says; repeat for more presses

Stdout carries the board's console UART output, byte for byte. Stderr
carries pin changes, logs and panics, each stamped with virtual time:
  [   0.500000] LED1 high
Exit codes: 0 the run completed, 1 an input error, 3 the firmware panicked,
trapped or stalled.
`,
  size: `outpost size <firmware.wasm|entry.ts> [--board NAME]

Prints what a firmware costs: flash by section, RAM (static data, heap after
outpost_init, interpreter stack) and each task's static RAM, against the
board's budget (default board sim).
`,
  boards: `outpost boards

Lists every board: pins and aliases, LEDs, buttons, UARTs and budgets.
`,
};

/** Prints a command's help on stdout; exit code 0. */
export function printHelp(command: string): number {
  process.stdout.write(HELP[command] ?? HELP.outpost!);
  return 0;
}
