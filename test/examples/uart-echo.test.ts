/** examples/uart-echo: every byte received on UART0 is sent back. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { boot, byteArrival, logLines } from "../hal/support.ts";

const FIRMWARE = "examples/uart-echo/main.ts";

test("each byte is echoed as it arrives: one byte time after it landed, back to back", async () => {
  const sim = await boot(FIRMWARE);
  const u = sim.uart("UART0");
  u.send("hello, outpost\r\n", { at: 1000 });
  sim.runFor("10ms");
  assert.is(u.output, "hello, outpost\r\n");
  // Byte k lands at byteArrival(1000, k) and is written at once: the echo is
  // one train starting when the first byte landed.
  const first = byteArrival(1000, 1);
  assert.equal(u.txLog.map((r) => r.at), Array.from({ length: 16 }, (_, i) => byteArrival(first, i + 1)));
  assert.equal(logLines(sim), ["0 uart-echo: UART0 at 115200 baud echoes what it receives"]);
});

test("bytes at a wrong baud are counted, not echoed; the echo goes on", async () => {
  const sim = await boot(FIRMWARE);
  const u = sim.uart("UART0");
  u.send("ab", { at: 1000, baud: 9600 });
  u.send("ok", { at: 5000 });
  sim.runFor("10ms");
  assert.is(u.output, "ok");
  assert.is(u.framingErrors, 2);
  assert.is(sim.panic, null);
});

test("a long stream is echoed whole without allocating", async () => {
  const sim = await boot(FIRMWARE);
  const heap = sim.heapTop();
  const u = sim.uart("UART0");
  const text = Array.from({ length: 2000 }, (_, i) => String.fromCharCode(32 + (i * 7) % 95)).join("");
  u.send(text, { at: 1000 });
  sim.runFor("300ms");
  assert.is(u.output, text);
  assert.is(u.overruns, 0);
  assert.is(sim.heapTop(), heap);
});

test.run();
