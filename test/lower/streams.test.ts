/**
 * `for await` over HAL streams, lowered and run in the simulator
 * (test/firmware/async-streams.ts): the bytes of a UART through a
 * ByteStream, with break and continue, and a Channel's items through a
 * Stream<i32> parameter until the stream ends.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { lines, simulate } from "../helpers/simulate.ts";

test("for await takes each item as it arrives, honours break and continue, and stops at the end of the stream", async () => {
  const sim = await simulate("test/firmware/async-streams.ts");
  sim.uart("UART0").send("a bq!", { at: "100ms" });
  sim.runFor("1s");
  assert.is(sim.panic, null);
  assert.equal(lines(sim), [
    "2000 item 10",
    "4000 item 20",
    "6000 item 30",
    "6000 sum 60", // the producer closed the channel stream: the loop ends
    // 115200 baud: a byte every 87 µs; the 1 ms await lets the next bytes queue up.
    "100087 byte 97",
    "101087 after 97",
    "101087 byte 32", // ' ': continue skips the await
    "101087 byte 98",
    "102087 after 98",
    "102087 byte 113", // 'q': break; '!' is never read
    "102087 echo done 4",
  ]);
  assert.equal(sim.tasks().map((t) => t.state), ["finished", "finished", "finished"]);
});

test.run();
