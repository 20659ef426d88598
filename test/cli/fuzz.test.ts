/**
 * `outpost fuzz`: seeds on worker threads with their invariants. A correct
 * echo passes every seed, twice over; a lossy echo, a creeping heap, a
 * trap and a deadlock are each caught, reported as the lowest failing seed
 * whatever the number of jobs, with a replay line that reproduces the very
 * same failure, and the exit code outpost sim would give.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Scratch } from "../fixtures/cli.ts";

const test = suite("outpost fuzz");
const s = new Scratch();
test.after(() => s.remove());

/** The summary line's parts: seeds run, and what follows "s, N jobs): ". */
function summary(stdout: string): { seeds: number; rest: string } {
  const m = /^fuzz: (\d+) seeds? of \S+ in [\d.]+ s \([\d.]+ seeds\/s, \d jobs?(?:, each twice)?\): (.*)$/m.exec(stdout);
  assert.ok(m, stdout);
  return { seeds: Number(m![1]), rest: m![2]! };
}

test("a correct echo passes every seed, each run twice with identical digests", () => {
  const fw = s.firmware("echo");
  const r = s.outpost("fuzz", fw, "--seeds", "12", "--jobs", "2", "--for", "300ms", "--echo", "UART0", "--twice");
  assert.equal(summary(r.stdout), { seeds: 12, rest: "every seed passed" });
  assert.is(r.code, 0);
});

test("a lossy echo: the lowest failing seed, the same with 1 and 2 jobs, and a replay that reproduces it", () => {
  const fw = s.firmware("lossy-echo");
  const args = ["fuzz", fw, "--seeds", "30", "--for", "300ms", "--echo", "UART0"];
  const one = s.outpost(...args, "--jobs", "1");
  const two = s.outpost(...args, "--jobs", "2");
  const failure = /: (seed \d+ failed: UART0 received \d+ bytes into its FIFO but echoed \d+ at [\d.]+s)$/m.exec(one.stdout)?.[1];
  assert.ok(failure, one.stdout);
  assert.is(/: (seed \d+ failed: .*)$/m.exec(two.stdout)?.[1], failure);
  assert.is(one.code, 4);
  const seed = /seed (\d+)/.exec(failure!)![1];
  const replay = `outpost fuzz lossy-echo.wasm --seed ${seed} --for 300ms --echo UART0`;
  assert.match(one.stdout, `\nreplay: ${replay}\nwaveform: ${replay} --vcd seed-${seed}.vcd\n`);
  const again = s.outpost("fuzz", fw, "--seed", seed!, "--for", "300ms", "--echo", "UART0", "--vcd", "seed.vcd");
  assert.is(again.stdout, `fuzz: ${failure}\nreplay: ${replay}\n`);
  assert.is(again.code, 4);
  assert.match(s.read("seed.vcd"), /^\$version\n  outpost fuzz seed \d+\n/);
});

test("a heap that moves after init, a trap and a deadlock each fail seed 1 with outpost sim's exit code", () => {
  const heap = s.outpost("fuzz", s.firmware("heap-creep"), "--seeds", "3", "--for", "1s", "--jobs", "1");
  assert.match(heap.stdout, /: seed 1 failed: the heap top moved from 32784 to 32944 after init at 1\.000000s\n/);
  assert.is(heap.code, 4);
  const trap = s.outpost("fuzz", s.firmware("trap"), "--seeds", "3", "--for", "1s", "--jobs", "1");
  assert.match(trap.stdout, /: seed 1 failed: panic TRAP in task "main": unreachable executed at 0\.250000s\n/);
  assert.is(trap.code, 3);
  const deadlock = s.outpost("fuzz", s.firmware("deadlock"), "--seeds", "2", "--for", "1s", "--jobs", "1");
  assert.match(deadlock.stdout, /: seed 1 failed: deadlock: ping, pong parked for good at 1\.000000s\n/);
  assert.is(deadlock.code, 5);
});

test("bad options are one line, exit 1", () => {
  const fw = s.firmware("echo");
  const fails = (args: string[], message: string): void => {
    const r = s.outpost("fuzz", ...args);
    assert.is(r.stderr, `outpost: error: ${message}\n`);
    assert.is(r.code, 1);
  };
  fails([fw, "--seeds", "0"], 'bad --seeds "0": write a whole number from 1, like 1000: see outpost fuzz --help');
  fails([fw, "--jobs", "two"], 'bad --jobs "two": write a whole number from 1, like 2: see outpost fuzz --help');
  fails([fw, "--echo", "UART7"], 'board "sim" has no UART "UART7": valid UARTs are UART0, UART1');
  fails([fw, "--watchdog", "5x"], 'bad --watchdog "5x": write a number of loop iterations from 1 to 2147M, like 500k or 20M, or off: see outpost fuzz --help');
  fails([fw, "--vcd", "x.vcd"], "--vcd writes the waveform of one seed: give it with --seed N: see outpost fuzz --help");
  fails([s.file("x.wasm", "nope")], "x.wasm is not a WebAssembly module (bad magic number): build it with outpost build");
});

test.run();
