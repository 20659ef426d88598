/**
 * The HAL's errors both ways (hal/io_error.ts) and async cleanup on a UART,
 * through test/firmware/hal-errors.ts: `orThrow` turns a read's ErrorKind
 * into an IoError caught by the task, which reads on; a frame write
 * cancelled half way is ended cleanly by its `finally`, and the select that
 * cancelled it completes only once that cleanup is on the wire.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { boot, byteArrival, isSubsequence, logLines } from "./support.ts";

const FIRMWARE = "test/firmware/hal-errors.ts";
const FRAME = Array.from({ length: 80 }, (_, i) => String.fromCharCode(0x41 + (i % 26))).join("");
const TX_FIFO = 32;

test("a frame write cancelled by a select is ended with its cleanup's marker, and the select completes when the marker is sent", async () => {
  const sim = await boot(FIRMWARE);
  sim.runFor("10ms");
  const out = sim.uart("UART1").output;
  // At 1 ms the FIFO held 32 bytes and had sent 11 (one byte per 86.8 µs): 43 were accepted, none after.
  const accepted = TX_FIFO + Math.floor(1000 / byteArrival(0, 1));
  assert.is(out, FRAME.slice(0, accepted) + "!\n");
  const done = byteArrival(0, accepted + 2); // the last byte of the marker is on the wire
  assert.equal(logLines(sim), [`${done} frame aborted`, `${done} winner 1`]);
  assert.is(sim.panic, null);
});

test("orThrow: each read that lost bytes throws an IoError the task catches, and it reads on; every byte is read or counted", async () => {
  const sim = await boot(FIRMWARE);
  const u = sim.uart("UART0");
  const sent = "abcdefghijklmnopqrstuvwxyz".repeat(3);
  u.send(sent, { at: 1000 });
  sim.runFor("400ms");
  const lines = logLines(sim).filter((l) => !l.includes("frame") && !l.includes("winner"));
  const caught = lines.filter((l) => l.endsWith(" caught overrun"));
  assert.ok(u.overruns > 0, "the burst overran the RX FIFO");
  const read = lines.filter((l) => / read \d+$/.test(l)).map((l) => String.fromCharCode(Number(l.split(" ")[2])));
  assert.is(read.length + u.overruns, sent.length);
  assert.ok(isSubsequence(read.join(""), sent), "bytes are read in order");
  // The burst lasts 6.8 ms: reads every 2 ms within it each report the bytes lost since the last one.
  assert.equal(caught, ["5087 caught overrun", "7087 caught overrun", "9087 caught overrun"]);
  assert.match(lines[lines.indexOf(caught[2]!) + 1]!, /^11087 read 99$/, "the task reads on after the catch, the FIFO's bytes first");
  assert.is(sim.panic, null);
});

test.run();
