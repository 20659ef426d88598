/**
 * A float converted to an integer type it does not fit traps on the
 * simulator's board as on every other (their builds are MVP, with no
 * saturating conversion): the simulator used to saturate (`<i32>3e10` was
 * 2147483647) where a device stops. test/conformance/ runs the same
 * firmware on the C host.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { captureIo } from "../../src/toolchain/cli/console.ts";
import { simCommand } from "../../src/toolchain/cli/sim.ts";

for (const board of ["sim", "espruino-pico", "wasm3-esp32"]) {
  test(`${board}: a float out of i32's range converted to i32 is a trap, as on a device`, async () => {
    const io = captureIo();
    const status = await simCommand(["test/firmware/float-convert-trap.ts", "--board", board, "--for", "1s"], io);
    assert.is(status, 3, io.err);
    const lines = io.err.split("\n");
    assert.is(lines[0], "[   0.001000] info: in range -2147483648");
    assert.is(lines[1], '[   0.002000] panic TRAP in task "probe": invalid conversion to integer');
  });
}

test.run();
