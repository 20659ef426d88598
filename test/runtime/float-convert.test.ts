/**
 * A float converted to an integer type it does not fit traps on the
 * simulator's board as on every other (their builds are MVP, with no
 * saturating conversion): the simulator used to saturate (`<i32>3e10` was
 * 2147483647, NaN 0) where a device stops. test/conformance/ runs the NaN
 * firmware on the C host too.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { captureIo } from "../../src/toolchain/cli/console.ts";
import { simCommand } from "../../src/toolchain/cli/sim.ts";

const NAN = "test/firmware/float-convert-trap.ts";
// The same firmware with a value out of range instead of NaN: V8 names both traps alike, wasm2c and wasm3 call
// this one "integer overflow" (boards/ABI.md), so it stays out of the cross-host firmware.
const dir = mkdtempSync(join(tmpdir(), "outpost-f2i-"));
const RANGE = join(dir, "out-of-range.ts");
writeFileSync(RANGE, readFileSync(NAN, "utf8").replace('"not a number", <i32>(await later(NaN))', '"out of range", <i32>(await later(3e10))'));

for (const board of ["sim", "espruino-pico"]) {
  for (const [what, firmware] of [["NaN", NAN], ["3e10", RANGE]] as const) {
    test(`${board}: ${what} converted to i32 is a trap, as on a device`, async () => {
      const io = captureIo();
      const status = await simCommand([firmware, "--board", board, "--for", "1s"], io);
      assert.is(status, 3, io.err);
      const lines = io.err.split("\n");
      assert.is(lines[0], "[   0.001000] info: in range -2147483648");
      assert.is(lines[1], '[   0.002000] panic TRAP in task "probe": invalid conversion to integer');
    });
  }
}

test.run();
