/**
 * Every help text of the `outpost` command, in one place. Commands print
 * these on stdout for `--help`; usage errors point here.
 */

export const HELP: Record<string, string> = {
  outpost: `outpost: build and simulate Outpost firmware

Usage:
  outpost build <entry.ts> [--board NAME] [-o FILE] [--release] [--emit-c DIR] [--test-channel]
  outpost check <entry.ts> [--board NAME]
  outpost sim <firmware.wasm|.js|entry.ts> [--board NAME] [--for 10s] [--uart0 TEXT|@FILE]
              [--press BTN1@1s:50ms] [--scenario FILE.yaml] [--expect-text T] [--fail-text T]
              [--vcd FILE] [--trace FILE] [--sites FILE] [--realtime] [--inspect]
              [--watchdog N] [--watch]
  outpost run <image.elf> [--for 10s] [--uart0 TEXT|@FILE] [--press BTN1@1s:50ms]
              [--expect-text T] [--fail-text T]
  outpost fuzz <firmware.wasm|entry.ts> [--seeds 1000] [--jobs N] [--for 10s]
              [--scenario FILE] [--echo UART0] [--twice] [--seed N [--vcd FILE]]
  outpost size <firmware.wasm|entry.ts> [--board NAME]
  outpost view <firmware.wasm|.js|entry.ts> [--board NAME] [--port N] [--watch]
  outpost new <dir> [--board NAME] [--outpost SPEC]
  outpost flash <firmware.js> --port PORT [--board NAME] [--save | --storage] [--dry-run]
  outpost decode <firmware.wasm|.js|.elf|name.text.json|name.sites.json> [LOG]
  outpost boards

Run outpost <command> --help for details. Options: --help, -h, --version.

Exit codes: 0 success, 1 a usage or input error (message on stderr),
2 an expectation not met in time, 3 the firmware panicked, trapped,
stalled or ran into the watchdog, 4 an expectation failed, 5 deadlock,
70 an internal error, 130 interrupted (Ctrl-C).
`,
  build: `outpost build <entry.ts> [--board NAME] [-o FILE] [--release] [--emit-c DIR] [--test-channel]

Compiles a firmware entry (it exports function main(): void) to WebAssembly
for a board, then loads it once to list its tasks.

  --board NAME   the board to build for (default sim; outpost boards lists them)
  -o FILE        where to write the .wasm (default build/<name>.wasm, where
                 <name> is the entry's folder for a main.ts or index.ts entry,
                 else the entry's file name)
  --release      leave out the task introspection exports (task names, states,
                 polls, await sites) that outpost sim --inspect, deadlock reports
                 and task tables read: the smallest firmware, for flashing

Interpreter boards (wasm3-*, wamr-*) keep the literal text of firmware
messages on the host: the build also writes <name>.text.json, which
outpost sim reads and outpost decode uses to spell out a board's log.

Prints the file's size and its task pools on stdout.
Exit codes: 0 built, 1 an input or build error, 3 the firmware panicked
or trapped during outpost_init (interpreter boards run it to measure RAM).

For an Espruino board (espruino-pico, espruino-wifi, espruino-esp32, puckjs,
banglejs2) it writes one .js instead (default build/<name>.js): the firmware
translated to the JavaScript Espruino runs, plus the glue to Espruino's API.
It prints the file's bytes and the JsVars it needs against the board's:
resident, at the peak of a RAM upload, and with its code in flash (outpost
flash --storage, which the report names when only that fits). It refuses
(exit 1) a firmware that does not fit even from flash or that would use
what Espruino cannot run. See boards/espruino/README.md.

For a native board (mps2-an385, mps2-an386, mps2-an500) it writes an ELF
image instead (default build/<name>.elf): the release build translated to C
by wasm2c and linked with the host loop for the chip (arm-none-eabi-gcc,
picolibc), plus <name>.text.json. It prints the image's flash and RAM
against the board's budget. Needs the Debian packages wabt,
gcc-arm-none-eabi and picolibc-arm-none-eabi (the error names a missing one).

  --emit-c DIR   write the whole C project to DIR (new or empty) instead of
                 building it: firmware, host loop, platform, linker script
                 and a Makefile (make builds image.elf; no Outpost needed)
  --test-channel a test image: its platform plays outpost run's --uartN,
                 --press, --expect-text and --fail-text (timed like outpost
                 sim); the default user image drives the board's UARTs and
                 LEDs directly and is smaller

See boards/native/README.md.
`,
  check: `outpost check <entry.ts> [--board NAME]

Reports what outpost build would refuse in a firmware, without compiling
it (no asc; fast enough to run on save):

  - the async lowering's errors and warnings (ASYNC_SYNTAX, ASYNC_TYPE, ...),
    exactly as outpost build reports them;
  - TypeScript's errors against Outpost's typings (TS2322, ...), for the
    entry and every file of yours it imports, with the board's pin names;
  - what TypeScript accepts and AssemblyScript does not: a sync closure
    using a local of its enclosing function (AS100), try in sync code,
    i32 | null, optional parameters without a default, a function without
    a return type, any, undefined, destructuring, a?.b, ...

Each is one line on stderr, at the place outpost build names:

  main.ts:12:40: error AS100: "k" belongs to an enclosing function, ...

then a verdict on stdout ("main.ts: 2 errors (board sim)").

  --board NAME   the board whose pins outpost/board declares (default sim)

Exit codes: 0 no errors (warnings allowed), 1 errors or a usage error.
What a check cannot see (i64 passed where i32 is expected, asc's type
inference of generic calls, over-budget RAM) still needs outpost build:
src/toolchain/check/README.md lists it.
`,
  run: `outpost run <image.elf> [options]

Runs a native image (outpost build --board mps2-an385) on its board's
emulator, QEMU (Debian package qemu-system-arm), with outpost sim's output
and exit codes: the console UART on stdout; pin changes, logs, panics and
the outcome on stderr, stamped with virtual time. Time is deterministic
(QEMU -icount): the same image and inputs give the same transcript. A test
image (outpost build --test-channel) gives the one outpost sim gives for
its .wasm; a user image (the default) has no test channel, so it takes
only --for and --stack-report, and its UARTs send at QEMU's speed.

  --for DURATION      how much virtual time to run (default 10s)
  --uartN TEXT        send TEXT to UART N at t=0, at line rate; @FILE sends the
                      file's bytes (at most 32 KiB in all)
  --press B@T:HOLD    press button B at T for HOLD (default 100ms), bouncing as
                      in outpost sim
  --expect-text T     pass, and stop, as soon as the console output contains T
                      (repeat: all must appear; at most 64 bytes)
  --fail-text T       fail as soon as the console output contains T
  --stack-report      print the C stack's peak use and the CPU's busy time
                      (one ns per instruction) at the end

Inputs reach a test image through its test channel (boards/native/README.md);
a user image refuses them.
Exit codes: as outpost sim (0 passed, 2 an expectation not met in time,
3 panic, trap or stall, 4 --fail-text appeared, 1 a usage error, 70 the
image faulted).
`,
  sim: `outpost sim <firmware.wasm|.js|entry.ts> [options]

Runs a firmware on a simulated board in virtual time. A .ts entry is built
in memory first.

  --board NAME        the board to simulate: a built firmware (.wasm, .js) runs on
                      the board it was built for, and another NAME is refused; a .ts
                      entry is built for NAME (default: the scenario's board, or sim)
  --for DURATION      how much virtual time to run: 250us, 500ms, 10s, 2h, 30d
                      (default 10s; a --scenario without --expect-text runs until
                      its last step, --realtime until Ctrl-C)
  --uartN TEXT        send TEXT to UART N at t=0; @FILE sends the file's bytes.
                      TEXT understands \\n, \\r, \\t, \\xNN (a byte in hex) and \\\\,
                      as do --expect-text and --fail-text: --uart0 'led on\\r\\n'
  --press B@T:HOLD    press button B at virtual time T for HOLD (default 100ms),
                      contacts bouncing as the board says; repeat for more presses
  --scenario FILE     run the steps of a scenario file (docs/scenarios.md): delay,
                      press, release, tap, write-serial, wait-serial, expect-pin;
                      the run ends when the last step is done
  --expect-text T     pass, and stop, as soon as the console output contains T
                      (repeat: all must appear)
  --fail-text T       fail as soon as the console output contains T
  --vcd FILE          write every pin and each task's state as a Value Change Dump
                      (GTKWave, PulseView), 1 us per tick
  --trace FILE        write a Perfetto / chrome://tracing timeline (JSON): a track
                      per task with its polls and wakes, and one for peripherals
  --sites FILE        the build's await-site table, to show where tasks are parked
                      (default: <firmware>.sites.json beside a .wasm, if present)
  --inspect           print the task table (state, polls, wakes, time in state,
                      await site) at the end of the run and on Ctrl-C
  --realtime          virtual time follows the wall clock; stdin is the console
                      UART's input (raw keys on a terminal; Ctrl-C stops)
  --watchdog N        stop the firmware (panic WATCHDOG, naming the task) when one
                      call into it runs N loop iterations without returning:
                      5000, 500k, 20M, or off (default 10M; see boards/ABI.md)
  --watch             after the run, wait for a change to a file the firmware was
                      built from (or the scenario) and run again; Ctrl-C stops.
                      Rebuilds reuse the warm compiler and the build cache

Stdout carries the board's console UART output, byte for byte. Stderr
carries pin changes, logs, panics and the outcome, each stamped with
virtual time:
  [   0.500000] LED1 high
On a terminal, stderr also shows how far a long run has got.

A deadlock (every task parked, no deadline, no pin or UART listened to,
nothing scheduled) stops the run and names each parked task and its await
site. Idle (tasks parked, but listening to a pin or UART) is not an error.

Exit codes: 0 the run passed, 1 an input error (bad option or scenario),
2 an expectation not met in time (wait-serial, --expect-text, or the
scenario still running when --for ran out), 3 the firmware panicked,
trapped, stalled or ran into the watchdog, 4 an expectation failed
(--fail-text appeared, expect-pin saw the wrong level), 5 deadlock,
130 interrupted (Ctrl-C).
`,
  fuzz: `outpost fuzz <firmware.wasm|entry.ts> [options]

Deterministic simulation testing: runs the firmware once per seed, each on
a fresh simulated board with random stimuli drawn from the seed (bytes on
every UART at the line rate, some too fast or at a wrong baud; button taps
with bounce; levels driven onto the other input pins), and checks after
each run: no panic, trap, stall or watchdog stop; no deadlock; the heap
top where init left it; every byte an --echo UART received echoed back in
order (lost bytes counted, not echoed); the --scenario passing. A seed
always gives the same run, so a failing seed is its own replay.

  --seeds N        how many seeds, 1 … N (default 1000)
  --jobs N         worker threads (default: one per core)
  --for DURATION   virtual time per seed (default 10s); stimuli fall in
                   its first 80%
  --board NAME     the board: a built firmware runs on the one it was built
                   for (another NAME is refused); an entry is built for
                   NAME (default: the scenario's, or sim)
  --scenario FILE  each seed also runs this scenario, which must pass; the
                   inputs its steps use get no random stimuli
  --echo UART      the firmware echoes what this UART receives (repeat)
  --twice          run each seed twice and compare everything observable
  --seed N         run only seed N, with its logs on stderr
  --vcd FILE       with --seed: write the seed's waveform
  --watchdog N     loop iterations a call may run (as outpost sim)

Stdout: seeds run, seeds per second, and for a failure the seed, what
broke, and the command that replays it. Exit codes: 0 every seed passed,
1 an input error, else the failing seed's as outpost sim would give it
(2 scenario timeout, 3 panic, 4 an invariant broken, 5 deadlock).
`,
  size: `outpost size <firmware.wasm|entry.ts> [--board NAME]

Prints what a firmware costs: flash by section, RAM (static data, heap after
outpost_init, interpreter stack) and each task's static RAM, against the
budget of the board it was built for (a .ts entry is built for --board,
default sim; a .wasm built for another board than --board is refused).
`,
  view: `outpost view <firmware.wasm|.js|entry.ts> [--board NAME] [--port N] [--watch]

Serves the board in a web page on 127.0.0.1 and prints its URL on stdout.
The page runs the simulator itself (the same code as outpost sim) with the
firmware in the browser's WebAssembly: LEDs, buttons to press and hold,
a terminal per UART, the task table, pin waveforms, the virtual clock at
real time, x10, x1000 or as fast as possible, pause and step, the panic or
deadlock report, VCD and Perfetto downloads, and scenario files to play.
It needs nothing from the network. A .ts entry is built first.

  --board NAME   the board to draw and simulate: a built firmware's own (another
                 NAME is refused); an entry is built for NAME (default sim)
  --port N       the port to serve on (default 8080; 0 picks a free one)
  --sites FILE   the build's await-site table (default: <firmware>.sites.json
                 beside a .wasm, if present)
  --watch        with an entry .ts: rebuild when a .ts file in its folder is
                 saved, and reload the page (a failed build shows in the page)

Open http://127.0.0.1:8080/?speed=max (or 10, 1000, paused) to start at
another speed. Ctrl-C stops the server.

Exit codes: 130 stopped with Ctrl-C, 1 a usage or input error (a bad
firmware, a port in use).
`,
  new: `outpost new <dir> [--board NAME] [--outpost SPEC]

Creates a firmware project in <dir> (which must not exist or be empty): a
blinky main.ts for the board, a uvu test that runs it in the simulator, a
scenario, package.json (Outpost as a dependency; TypeScript and uvu as dev
dependencies), tsconfig.json for the editor, and a README with the commands.
Then: cd <dir> && npm install && npm test.

  --board NAME     the board the project targets (default sim)
  --outpost SPEC   how package.json names Outpost: a version range, or a
                   tarball (npm pack) or folder (default: this Outpost's
                   folder when it is a clone, its version when installed)
`,
  flash: `outpost flash <firmware.js> --port PORT [--board NAME] [--save | --storage] [--dry-run]

Uploads a build for an Espruino board with the espruino uploader (the npm
package espruino@0.1.67, not installed with Outpost: npm install --no-save
espruino@0.1.67, or let this command print the npx line to use). The file
says which board it was built for.

  --board NAME   optional: refuse the upload unless the file was built for NAME
  --port PORT    serial device (/dev/ttyACM0, COM3), Bluetooth address or
                 tcp://host:port
  --save         save to flash as well; the firmware runs at every boot
  --storage      write it to Storage as .bootcde: runs at boot, with its
                 function code left in flash (the least RAM)
  --dry-run      print the uploader command on stdout instead of running it

Without --save or --storage the file is uploaded to RAM, unless the build
fits the board only with its code in flash (outpost build reports both
figures): then it goes to Storage, as with --storage, and a line on stderr
says so.

Exit codes: 0 uploaded (or printed), 1 a usage or input error, or the
uploader missing or failing.

For a native board with a debug probe (board.json native.openocd), --dry-run
prints the OpenOCD command that programs an image built for it; an emulated
board (mps2-*) runs its image with outpost run instead.
`,
  decode: `outpost decode <firmware.wasm|.js|.elf|name.text.json|name.sites.json> [LOG]

Spells out a board's log (LOG, default: stdin), printing the rest as it is:

  {#index}          Interpreter boards (wasm3-*, wamr-*) and native images
                    (mps2-*) keep the literal text of firmware messages
                    off the chip: the firmware sends an index and the
                    host prints {#index}. outpost build writes the
                    literals beside the .wasm or .elf
                    (build/blinky.wasm -> build/blinky.text.json).
  → await site N    A panic's await chain, as the C host and Espruino boards
                    print it, names each await by its id in the build's site
                    table (build/blinky.sites.json, beside the .wasm or .js);
                    each becomes → file:line:col in function.

Given a firmware, it reads whichever of the two tables lie beside it.

  host build/blinky.wasm 2>&1 | outpost decode build/blinky.wasm

outpost sim reads the tables by itself.
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
