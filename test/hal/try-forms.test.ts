/**
 * The try forms (`Uart.tryRead`/`tryFillBuf`/`tryWrite`/`tryFlush`,
 * `TimerDelay.tryDelayMs`/`tryDelayUs`, `Input.tryWaitFor…`), through
 * test/firmware/hal-try.ts: null while the direction has an operation in
 * flight, leaving that operation intact; the same as the panicking form
 * once it is done.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Simulator } from "../../sim/index.ts";
import { boot, byteArrival, logLines } from "./support.ts";

const FIRMWARE = "test/firmware/hal-try.ts";

/** The log lines whose text starts with one of `prefixes`, as `"<µs> <text>"`, in order. */
function linesOf(sim: Simulator, ...prefixes: string[]): string[] {
  return logLines(sim).filter((l) => prefixes.some((p) => l.slice(l.indexOf(" ") + 1).startsWith(p)));
}

test("tryRead while a read is in flight returns null and leaves that read intact; after it completes, tryRead arms", async () => {
  const sim = await boot(FIRMWARE);
  const u = sim.uart("UART0");
  u.send("hi", { at: 1000 });
  sim.runFor("7ms");
  const first = byteArrival(1000, 1);
  assert.equal(linesOf(sim, "read", "fill"), [
    "0 read busy 1",
    "0 fill busy 1",
    `${first} read 1`,
    `${first} read a0 104`, // 'h' landed in the pending read's buffer, not in the refused one's
    `${first} read a1 0`,
    `${first} read b0 0`,
    `${first} read retry 1`,
    `${byteArrival(1000, 2)} read b 1`, // the retried read takes the next byte
    `${byteArrival(1000, 2)} read b0 105`,
  ]);
  assert.is(sim.panic, null);
});

test("tryWrite and tryFlush while a write is in flight return null; the pending write sends its own bytes, then tryFlush arms", async () => {
  const sim = await boot(FIRMWARE);
  sim.runFor("10ms");
  const u = sim.uart("UART1");
  assert.is(u.output, "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEF" + "GHIJKLMN");
  const lines = linesOf(sim, "write", "flush");
  assert.equal(lines.slice(0, 2), ["0 write busy 1", "0 flush busy 1"]);
  assert.match(lines[2]!, / write 8$/);
  assert.match(lines[3]!, / flush retry 1$/);
  assert.is(lines[4], `${u.txLog.at(-1)!.at} flushed`);
  assert.is(sim.panic, null);
});

test("tryDelayMs/tryDelayUs while a delay is in flight return null without re-arming it; after it completes they arm", async () => {
  const sim = await boot(FIRMWARE);
  sim.runFor("10ms");
  assert.equal(linesOf(sim, "delay"), [
    "0 delay busy ms 1",
    "0 delay busy us 1",
    "5000 delay done 5000", // not 1 ms: the refused tryDelayMs(1) changed nothing
    "5000 delay retry 1",
    "6500 delay again 6500",
  ]);
  assert.is(sim.panic, null);
});

test("tryWaitFor… while a pin wait is in flight returns null and keeps the wait; after it completes it arms", async () => {
  const sim = await boot(FIRMWARE);
  sim.pin("P4").drive(1, 2000);
  sim.pin("P4").drive(0, 3000);
  sim.runFor("4ms");
  assert.equal(linesOf(sim, "pin"), ["0 pin busy 1", "2000 pin high 2000", "2000 pin retry 1", "3000 pin low 3000"]);
  assert.is(sim.panic, null);
});

test("no try form panics, refused or armed (the BUSY texts of the panicking forms: uart.test.ts, delay.test.ts)", async () => {
  const sim = await boot(FIRMWARE);
  sim.uart("UART0").send("hi", { at: 1000 });
  sim.pin("P4").drive(1, 2000);
  sim.runFor("10ms");
  assert.is(sim.panic, null);
  assert.ok(logLines(sim).every((l) => !l.endsWith(" busy 0") && !l.endsWith(" retry 0")));
});

test.run();
