/**
 * What the Espruino builds cost, against the boards' JsVar budgets, and the
 * refusal when a firmware does not fit.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { loadBoard } from "../../src/contract/boards.ts";
import { compileEspruino } from "../../src/toolchain/espruino/bundle.ts";
import { checkJsVars, type JsVarEstimate } from "../../src/toolchain/espruino/estimate.ts";
import { isOutpostError } from "../../src/contract/errors.ts";
import { formatEspruinoReport } from "../../src/toolchain/cli/build-espruino.ts";
import { buildTestFirmware } from "../helpers/firmware.ts";

const test = suite("espruino sizes and budgets");

test("uart-echo fits an Espruino Pico (5,100 JsVars) with room to spare", async () => {
  const board = loadBoard("espruino-pico");
  const build = await compileEspruino(await buildTestFirmware("examples/uart-echo/main.ts", "espruino-pico"), board, "uart-echo.js");
  assert.is(build.budget, 5100);
  assert.ok(build.estimate.total <= 0.5 * 5100, `needs ${build.estimate.total} JsVars at the peak of a RAM upload`);
  assert.is(build.estimate.total, build.estimate.resident + build.estimate.upload);
  assert.is(build.estimate.fromFlash, build.estimate.resident - build.estimate.code + build.estimate.upload);
  assert.ok(build.memory.bytes < 16384, `memory ${build.memory.bytes} bytes`);
  // Memory is cut to what init allocated plus 64 bytes of headroom, in 16-byte steps.
  const headroom = build.memory.bytes - build.memory.heapTop;
  assert.ok(headroom >= 64 && headroom < 64 + 16, `memory ${build.memory.bytes} bytes for a heap top of ${build.memory.heapTop}`);
});

test("a firmware over the board's budget even with its code in flash is refused, naming the budget and the need", () => {
  const e: JsVarEstimate = { code: 1800, functions: 1400, globals: 160, memory: 880, runtime: 120, upload: 210, system: 150, resident: 4510, total: 4720, fromFlash: 2710 };
  try {
    checkJsVars(e, 2630, "puckjs", "build/big.js");
    assert.unreachable("accepted");
  } catch (err) {
    assert.ok(isOutpostError(err));
    assert.is(err.code, "OVER_BUDGET");
    assert.is(
      err.message,
      'build/big.js needs about 2,710 JsVars even with its code in flash but board "puckjs" has 2,630 (code 1,800, functions 1,400, globals 160, memory 880, runtime 120, upload 210, system 150): ' +
        "shrink the firmware (fewer tasks, smaller buffers, shorter messages) or choose a board with more JsVars (outpost boards lists them)",
    );
  }
});

test("the shell example fits a Puck.js only from Storage, and the build report says to upload it that way", async () => {
  const board = loadBoard("puckjs");
  const build = await compileEspruino(await buildTestFirmware("examples/shell/main.ts", "puckjs"), board, "build/shell.js");
  assert.ok(build.estimate.total > 2630 && build.estimate.fromFlash < 2630, JSON.stringify(build.estimate));
  const report = formatEspruinoReport(build, "build/shell.js", board);
  assert.match(report, /\n {2}from flash {2}about [\d,]+ when the code runs from Storage \(outpost flash --storage\): upload it that way, a RAM upload needs more than the board's 2,630\n/);
});

test.run();
