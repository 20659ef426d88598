/**
 * `Uart` (hal/uart.ts, uart_ops.ts): Read, Write and BufRead on UART0,
 * through test/firmware/hal-uart.ts. The first byte sent to UART1 picks what
 * the firmware does (see the firmware's header).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Simulator } from "../../sim/index.ts";
import { boot, byteArrival, isSubsequence, logLines } from "./support.ts";

const FIRMWARE = "test/firmware/hal-uart.ts";

async function start(mode: string, at = 0): Promise<Simulator> {
  const sim = await boot(FIRMWARE);
  sim.uart("UART1").send(mode, { at });
  return sim;
}

test("a read resolves as soon as a byte is there, with the bytes available", async () => {
  const sim = await start("e");
  sim.uart("UART0").send("hi", { at: 1000 });
  sim.runFor("2ms");
  assert.equal(logLines(sim), [`${byteArrival(1000, 1)} read 1`, `${byteArrival(1000, 2)} read 1`]);
});

test("a read that loses a race against a timeout takes no byte: every byte is echoed, in order", async () => {
  for (const mode of ["t", "s"]) {
    const sim = await start(mode);
    const u = sim.uart("UART0");
    let sent = "";
    // Single bytes landing at every phase of the 3 ms timeout grid, and short bursts.
    for (let k = 0; k < 40; k++) {
      const text = k % 5 === 0 ? "xyz" : String.fromCharCode(97 + (k % 26));
      u.send(text, { at: 10_000 + k * 1_317 });
      sent += text;
    }
    sim.runFor("80ms");
    assert.is(u.output, sent, `mode ${mode}`);
    assert.is(u.overruns, 0);
    const timeouts = logLines(sim).map((l) => Number(l.split(" ")[2]));
    assert.ok(timeouts.some((n) => n > 0), "reads did time out");
    assert.is(sim.panic, null);
  }
});

test("a read raced against a timeout wins when its byte lands at the deadline", async () => {
  const sim = await start("t");
  // The mode byte lands at 87 µs; reads then time out at 3087, 6087, 9087, …
  sim.uart("UART0").send("a", { at: 9087 - 87 });
  sim.runFor("12ms");
  assert.equal(logLines(sim), ["9087 timeouts 2"]);
  assert.is(sim.uart("UART0").output, "a");
});

test("a flood into a slow reader: every byte is echoed or counted as an overrun, and reads report the overrun", async () => {
  const sim = await start("l");
  const u = sim.uart("UART0");
  const sent = "abcdefghijklmnopqrstuvwxyz".repeat(4);
  u.send(sent, { at: 1000 });
  sim.runFor("400ms");
  assert.ok(u.overruns > 0, "the flood overran the RX FIFO");
  assert.is(u.output.length + u.overruns, sent.length);
  assert.ok(isSubsequence(u.output, sent), "echoed bytes keep their order");
  assert.is(u.output.slice(0, 32), sent.slice(0, 32)); // the FIFO's first fill is delivered whole
  const lines = logLines(sim);
  assert.ok(lines.every((l, i) => (i % 2 === 0 ? l.endsWith(" error -1") : / overruns \d+$/.test(l))));
  assert.is(lines.at(-1)!.split(" ")[2], String(u.overruns)); // the port's count matches the host's
  assert.is(sim.panic, null);
});

test("a write accepts what fits in the TX FIFO, writeAll the rest, and flush waits for the last byte on the wire", async () => {
  const sim = await start("w");
  sim.runFor("20ms");
  const u = sim.uart("UART0");
  const expected = Array.from({ length: 100 }, (_, i) => String(i % 10)).join("");
  assert.is(u.output, expected);
  const last = u.txLog.at(-1)!.at;
  const lines = logLines(sim);
  assert.is(lines[0], "87 accepted 32");
  assert.match(lines[1]!, / wrote 68$/);
  assert.is(lines[2], `${last} flushed`);
});

test("a write that loses a race against a timeout has accepted nothing: no byte is sent twice or lost", async () => {
  const sim = await start("c");
  sim.runFor("10ms");
  const u = sim.uart("UART0");
  assert.is(u.output, "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEF" + "GHIJKLMN");
  const lines = logLines(sim);
  assert.equal(lines.slice(0, 2), ["87 accepted 32", "137 write timed out"]);
  assert.match(lines[2]!, / wrote 8$/);
});

test("fillBuf exposes the port's buffer: byteAt reads it, consume drops bytes, read takes the rest first", async () => {
  const sim = await boot(FIRMWARE);
  sim.uart("UART0").send("abcdefghij", { at: 0 }); // waiting in the RX FIFO before the test starts
  sim.uart("UART1").send("f", { at: 2000 });
  sim.runFor("4ms");
  const t = byteArrival(2000, 1);
  assert.equal(logLines(sim), [`${t} fill 10`, `${t} first 97`, `${t} fill 8`, `${t} first 99`, `${t} read 6`]);
  assert.is(sim.uart("UART0").output, "efghij");
});

test("bytes at the wrong baud surface as ErrorKind.FRAMING on the next read, each once; the port goes on", async () => {
  const sim = await start("e");
  const u = sim.uart("UART0");
  u.send("abc", { at: 1000, baud: 9600 }); // three garbled bytes, ~1 ms apart: the reader sees each
  u.send("ok", { at: 10_000 });
  sim.runFor("12ms");
  assert.is(u.framingErrors, 3);
  const lines = logLines(sim);
  assert.equal(lines.map((l) => l.split(" ").slice(1).join(" ")), ["read -2", "read -2", "read -2", "read 1", "read 1"]);
});

test("errors that happen while nobody reads are reported once, by the next read", async () => {
  const sim = await boot(FIRMWARE);
  const u = sim.uart("UART0");
  u.send("abc", { at: 1000, baud: 9600 }); // garbled while the firmware waits for its mode
  sim.uart("UART1").send("e", { at: 10_000 });
  u.send("ok", { at: 12_000 });
  sim.runFor("14ms");
  assert.equal(logLines(sim), [`${byteArrival(10_000, 1)} read -2`, `${byteArrival(12_000, 1)} read 1`, `${byteArrival(12_000, 2)} read 1`]);
});

test("a second read while one is in flight is a BUSY panic naming the port", async () => {
  const sim = await start("b");
  sim.runFor("1ms");
  assert.ok(sim.panic);
  assert.is(sim.panic!.code, "BUSY");
  assert.is(sim.panic!.message, "UART0 already has a read in flight: await it or cancel it before starting another");
  assert.is(sim.panic!.task, "tester");
});

test("a flush while a write is in flight is a BUSY panic naming the write", async () => {
  const sim = await start("W");
  sim.runFor("10ms");
  assert.ok(sim.panic);
  assert.is(sim.panic!.code, "BUSY");
  assert.is(sim.panic!.message, "UART0 already has a write in flight: await it or cancel it before starting another");
});

test.run();
