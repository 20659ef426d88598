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
import { buildTestFirmware } from "../helpers/firmware.ts";

const test = suite("espruino sizes and budgets");

test("uart-echo fits an Espruino Pico (5,100 JsVars) with room to spare", async () => {
  const board = loadBoard("espruino-pico");
  const build = await compileEspruino(await buildTestFirmware("examples/uart-echo/main.ts", "espruino-pico"), board, "uart-echo.js");
  assert.is(build.budget, 5100);
  assert.ok(build.estimate.total <= 0.85 * 5100, `needs ${build.estimate.total} JsVars`);
  assert.ok(build.memory.bytes < 16384, `memory ${build.memory.bytes} bytes`);
  // Memory is cut to what init allocated plus 64 bytes of headroom, in 16-byte steps.
  const headroom = build.memory.bytes - build.memory.heapTop;
  assert.ok(headroom >= 64 && headroom < 64 + 16, `memory ${build.memory.bytes} bytes for a heap top of ${build.memory.heapTop}`);
});

test("a firmware over the board's budget is refused, naming the budget and the need", () => {
  const e: JsVarEstimate = { code: 1800, functions: 400, globals: 160, memory: 580, runtime: 120, upload: 210, system: 150, total: 3420 };
  try {
    checkJsVars(e, 2630, "puckjs", "build/uart-echo.js");
    assert.unreachable("accepted");
  } catch (err) {
    assert.ok(isOutpostError(err));
    assert.is(err.code, "OVER_BUDGET");
    assert.is(
      err.message,
      'build/uart-echo.js needs about 3,420 JsVars but board "puckjs" has 2,630 (code 1,800, functions 400, globals 160, memory 580, runtime 120, upload 210, system 150): ' +
        "shrink the firmware (fewer tasks, smaller buffers, shorter messages) or choose a board with more JsVars (outpost boards lists them)",
    );
  }
});

test("the shell example does not fit a Puck.js and the build says so", async () => {
  const board = loadBoard("puckjs");
  try {
    await compileEspruino(await buildTestFirmware("examples/shell/main.ts", "puckjs"), board, "build/shell.js");
    assert.unreachable("accepted");
  } catch (err) {
    assert.ok(isOutpostError(err));
    assert.is(err.code, "OVER_BUDGET");
    assert.match(err.message, /^build\/shell\.js needs about [\d,]+ JsVars but board "puckjs" has 2,630 \(code [\d,]+, functions [\d,]+, /);
  }
});

test.run();
