import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Simulator } from "../../sim/index.ts";
import { lines, simulate } from "../helpers/simulate.ts";

let sim: Simulator;

test.before(async () => {
  sim = await simulate("test/firmware/channel.ts");
  sim.runFor("50ms");
});

test("the firmware runs without a panic and every task finishes", () => {
  assert.is(sim.panic, null);
  assert.ok(sim.tasks().every((t) => t.state === "finished"));
});

test("send waits while full; waiting senders resume one per freed slot, oldest first; values stay FIFO", () => {
  const flow = lines(sim).filter((l) => / (sent|recv) /.test(l));
  assert.equal(flow, [
    // s0 fills the channel (capacity 2); s0's third send, then s1, then s2 wait.
    "0 sent 0",
    "0 sent 1",
    "10000 recv 0",
    "10000 sent 2", // the oldest waiting sender takes the freed slot
    "11000 recv 1",
    "11000 sent 10",
    "12000 recv 2",
    "12000 sent 20",
    "13000 recv 10",
    "13000 sent 11", // s1 queued again behind s2 at 11 ms, so it goes after s2's 20
    "14000 recv 20",
    "14000 sent 21",
    "15000 recv 11",
    "15000 sent 12",
    "16000 recv 21",
    "16000 sent 22",
    "17000 recv 12",
    "18000 recv 22",
  ]);
});

test("trySend on a full channel returns false and changes nothing", () => {
  assert.equal(lines(sim, "trySend"), ["5000 trySend 0"]);
  assert.equal(lines(sim, "len"), ["5000 len 2"]);
  assert.not.ok(lines(sim, "recv").some((l) => l.endsWith(" 999")), "the refused value never arrives");
});

test("waiting receivers get values in the order they started waiting; tryReceive does not overtake them", () => {
  assert.equal(lines(sim).filter((l) => / (rA|rB|tryReceive) /.test(l)), ["5000 tryReceive 0", "5000 rB 100", "5000 rA 101"]);
});

test("a cancelled send does not send", () => {
  assert.equal(lines(sim).filter((l) => / (cancelled|drain)/.test(l)), [
    "32000 cancelled send 1",
    "32000 cancelled at 32000",
    "32000 drain 7",
    "32000 drain empty",
  ]);
});

test.run();
