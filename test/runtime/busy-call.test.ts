/**
 * A call site runs one call at a time: calling again before the previous
 * call from the same site was awaited (here through a sync wrapper, one
 * site for all its callers) stops the firmware with a BUSY panic naming the
 * function, where it used to restart the first call with the second's
 * arguments, silently.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { captureIo } from "../../src/toolchain/cli/console.ts";
import { simCommand } from "../../src/toolchain/cli/sim.ts";

test("a second call through a sync wrapper before the first is awaited is a BUSY panic naming the async method", async () => {
  const io = captureIo();
  const status = await simCommand(["test/firmware/busy-unawaited.ts", "--for", "1s"], io);
  assert.is(status, 3, io.err);
  const lines = io.err.split("\n");
  assert.is(lines[0], "[   0.001000] info: one at a time 10");
  assert.is(lines[1], '[   0.001000] panic BUSY in task "user": async method Adc.sample was called again at a call site whose previous call is in flight or was never awaited (a sync wrapper returning its future is one site): await each call before making the next');
  assert.not.ok(io.err.includes("info: never"), "nothing after the panic");
});

test.run();
