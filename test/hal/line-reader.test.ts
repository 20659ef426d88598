/**
 * The LineReader driver (hal/drivers/line_reader.ts), through
 * test/firmware/hal-lines.ts: lines of at most 16 bytes from UART0, each
 * readLine raced against a 5 ms timeout, replies "[line]" or "<error>".
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { boot } from "./support.ts";

const FIRMWARE = "test/firmware/hal-lines.ts";

async function replies(inputs: [string, number][], runFor = "100ms"): Promise<string> {
  const sim = await boot(FIRMWARE);
  const u = sim.uart("UART0");
  for (const [text, at] of inputs) u.send(text, { at });
  sim.runFor(runFor);
  assert.is(sim.panic, null);
  return u.output;
}

test("CR, LF and CRLF each end one line; the ending is not part of it", async () => {
  assert.is(await replies([["ab\rcd\nef\r\ngh\n", 1000]]), "[ab]\r\n[cd]\r\n[ef]\r\n[gh]\r\n");
});

test("empty lines resolve to length 0: LF LF, CR CR and CR LF CR LF are two each", async () => {
  assert.is(await replies([["\n\n\r\r\r\n\r\n", 1000]]), "[]\r\n".repeat(6));
});

test("a CRLF split across reads (and across cancelled readLines) is still one ending", async () => {
  assert.is(await replies([["x\r", 1000], ["\ny\n", 30_000]]), "[x]\r\n[y]\r\n");
});

test("a line longer than the buffer resolves to OVERFLOW once, and the next line is read normally", async () => {
  assert.is(await replies([["0123456789abcdefghij\nok\n", 1000]]), "<overflow>\r\n[ok]\r\n");
});

test("a line of exactly the buffer's size fits", async () => {
  assert.is(await replies([["0123456789abcdef\n", 1000]]), "[0123456789abcdef]\r\n");
});

test("a readLine cancelled by a timeout keeps its partial line: slow typing loses nothing", async () => {
  assert.is(await replies([["he", 1000], ["l", 12_000], ["lo\r\n", 25_000]]), "[hello]\r\n");
});

test.run();
