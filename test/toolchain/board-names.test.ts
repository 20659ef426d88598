import { test } from "uvu";
import * as assert from "uvu/assert";
import { compileFirmware } from "../../src/toolchain/compile.ts";
import { loadBoard, resolveButton, resolveUart } from "../../src/contract/boards.ts";
import { OutpostError } from "../../src/contract/errors.ts";

test("importing a pin the board lacks names it, its location and the valid names", async () => {
  let error: unknown = null;
  try {
    await compileFirmware({ entry: "test/firmware/bad-pin.ts", board: loadBoard("sim") });
  } catch (e) {
    error = e;
  }
  assert.instance(error, OutpostError);
  const e = error as OutpostError;
  assert.is(e.code, "UNKNOWN_PIN");
  assert.is(
    e.message,
    'test/firmware/bad-pin.ts:2:10: board "sim" has no pin or UART "LED9": valid pins are P0, P1, P2, P3, P4, P5, P6, P7, P8, P9, P10, P11, P12, P13, P14, P15, LED1, LED2, BTN1, BTN2; UARTs are UART0, UART1 (outpost boards lists every board)',
  );
});

test("a board with no UARTs or buttons says so when one is asked for", () => {
  const bare = { ...loadBoard("sim"), name: "bare", uarts: {}, buttons: {} };
  assert.throws(() => resolveUart(bare, "UART0"), (e: Error) => e.message === 'board "bare" has no UART "UART0": valid UARTs are none');
  assert.throws(() => resolveButton(bare, "BTN1"), (e: Error) => e.message === 'board "bare" has no button "BTN1": valid buttons are none');
});

test.run();
