/**
 * Awaiting a HAL operation again once it is done (test/firmware/hal-reawait.ts)
 * gives its result again, as awaiting a settled promise does, instead of
 * starting another operation: a second `await r` of a UART read, and
 * `await orThrow(t.inner!)` after a withTimeout that did not time out.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { boot, logLines } from "./support.ts";

test("a read awaited twice gives its count twice; the operation a timeout held is read again through orThrow", async () => {
  const sim = await boot("test/firmware/hal-reawait.ts");
  // One byte per 86.8 µs at 115,200 baud: a read completes with the byte that arrived first, the next with the second.
  sim.uart("UART0").send("abc", { at: 1000 });
  sim.runFor("200ms");
  assert.is(sim.panic, null);
  assert.equal(logLines(sim), ["1087 read 1 then 1", "1174 timed read 1"]);
});

test.run();
