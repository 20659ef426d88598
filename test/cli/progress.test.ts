/** cli/progress.ts: the progress line of long runs, shown only on a terminal. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Console } from "../../src/toolchain/cli/console.ts";
import { Progress, progressText } from "../../src/toolchain/cli/progress.ts";

test("the line says how far virtual time got and how much faster than real time it runs", () => {
  assert.is(progressText(42_000_000, 2_000, 100_000_000, 42_000_000), "[  42.000000] 42 % of 100s, 21× real time");
  assert.is(progressText(86_400_000_000, 1_000, Infinity, 86_400_000_000), "[86400.000000] 8.6e+4× real time");
  assert.is(progressText(500_000, 1_000, Infinity, 500_000), "[   0.500000] 0.50× real time");
});

test("nothing is drawn when stderr is not a terminal, past the quiet second as on a terminal", () => {
  const writes: string[] = [];
  const write = process.stderr.write;
  const now = performance.now;
  process.stderr.write = ((s: string) => (writes.push(s), true)) as typeof process.stderr.write;
  try {
    const io = (terminal: boolean) => ({ terminal, stdout: () => {}, stderr: (t: string) => void process.stderr.write(t) });
    const quiet = new Progress(new Console(io(false)), 0, Infinity);
    const shown = new Progress(new Console(io(true)), 0, Infinity);
    performance.now = () => now.call(performance) + 5_000; // past the quiet first second
    quiet.update(1_000_000_000);
    quiet.done();
    assert.equal(writes, []);
    shown.update(1_000_000_000);
    shown.done();
  } finally {
    process.stderr.write = write;
    performance.now = now;
  }
  assert.is(writes.length, 2);
  assert.match(writes[0]!, /^\r\x1b\[2K\[1000\.000000\] /);
  assert.is(writes[1], "\r\x1b[2K");
});

test.run();
