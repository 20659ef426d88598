/**
 * A panic or trap in the simulator names the firmware's functions that were
 * running (quick builds keep function names): for an allocation after init,
 * the call that allocated and what led to it, not the allocator.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { captureIo } from "../../src/toolchain/cli/console.ts";
import { simCommand } from "../../src/toolchain/cli/sim.ts";

async function sim(entry: string): Promise<string> {
  const io = captureIo();
  const status = await simCommand([entry, "--for", "1s"], io);
  assert.is(status, 3, io.err);
  return io.err.replace(/wasm-function\[\d+\]:0x[0-9a-f]+/g, "wasm-function[N]:0xN");
}

test("an allocation after init in a sync helper names the standard-library call and the helpers and task that led to it", async () => {
  const err = await sim("test/firmware/alloc-in-helper.ts");
  assert.ok(err.startsWith(
    '[   0.001000] panic ALLOC_AFTER_INIT in task "sampler": task "sampler" allocated 80 bytes after init: ' +
      "firmware may allocate only at module level or in main(); preallocate the object there (string concatenation and `new` allocate)\n" +
      "    in Array<i32>.push ← enqueue ← fill (wasm-function[N]:0xN)\n",
  ), err);
});

test("a trap in a sync helper names it and the code that called it (measure's state machine runs inside the task's)", async () => {
  const err = await sim("test/firmware/trap-in-helper.ts");
  assert.ok(err.startsWith('[   0.002000] panic TRAP in task "sampler": integer divide by zero\n    in ratio ← sampler (wasm-function[N]:0xN)\n'), err);
});

test.run();
