/**
 * Streams and io helpers: ByteStream (hal/byte_stream.ts), ChannelStream
 * (hal/channel_stream.ts), ReadExact and WriteAll (hal/io_helpers.ts),
 * through test/firmware/hal-streams.ts. EdgeStream is in pin.test.ts.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { boot, byteArrival, logLines } from "./support.ts";

const FIRMWARE = "test/firmware/hal-streams.ts";

test("a ByteStream yields each byte of a UART as an item, and read errors as the status", async () => {
  const sim = await boot(FIRMWARE);
  sim.uart("UART0").send("hi", { at: 1000 });
  sim.uart("UART0").send("xy", { at: 2000, baud: 9600 }); // garbled: ErrorKind.FRAMING, each
  sim.uart("UART0").send("!", { at: 5000 });
  sim.runFor("6ms");
  const bytes = logLines(sim).filter((l) => l.includes(" byte "));
  assert.equal(bytes, [
    `${byteArrival(1000, 1)} byte 104`,
    `${byteArrival(1000, 2)} byte 105`,
    `${byteArrival(2000, 1, 9600)} byte -2`,
    `${byteArrival(2000, 2, 9600)} byte -2`,
    `${byteArrival(5000, 1)} byte 33`,
  ]);
});

test("a ChannelStream yields the channel's items in order, then ends once closed and drained", async () => {
  const sim = await boot(FIRMWARE);
  sim.runFor("5ms");
  const lines = logLines(sim).filter((l) => l.includes("item") || l.includes("end"));
  assert.equal(lines, ["0 item 10", "1000 item 20", "2000 item 30", "2000 end"]);
});

test("ReadExact waits for the whole range across several reads; WriteAll sends it all", async () => {
  const sim = await boot(FIRMWARE);
  const u1 = sim.uart("UART1");
  u1.send("ab", { at: 1000 });
  u1.send("cdefgh", { at: 5000 });
  sim.runFor("10ms");
  const lines = logLines(sim).filter((l) => l.includes("exact") || l.includes("done"));
  assert.equal(lines, [
    `${byteArrival(5000, 2)} exact 4`, `${byteArrival(5000, 2)} done 4`,
    `${byteArrival(5000, 6)} exact 4`, `${byteArrival(5000, 6)} done 4`,
  ]);
  assert.is(u1.output, "abcdefgh");
});

test("ReadExact stops at the first error, with the bytes read before it kept", async () => {
  const sim = await boot(FIRMWARE);
  const u1 = sim.uart("UART1");
  u1.send("ab", { at: 1000 });
  u1.send("x", { at: 2000, baud: 9600 });
  sim.runFor("5ms");
  const lines = logLines(sim).filter((l) => l.includes("exact") || l.includes("done"));
  const t = byteArrival(2000, 1, 9600);
  assert.equal(lines, [`${t} exact -2`, `${t} done 2`]);
  assert.is(u1.output, "ab");
});

test.run();
