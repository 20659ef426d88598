/**
 * The Button driver (hal/drivers/button.ts), through
 * test/firmware/hal-button.ts: BTN1 with debounce 20 ms and long press
 * 300 ms; BTN2 the same, read by a consumer that cancels next() every 7 ms.
 * The simulated buttons bounce (board.json: up to 3 ms), so expected times
 * come from the pins' histories: an event is due 20 ms after the last edge
 * of its bounce, and carries the time of the first.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { LevelChange } from "../../sim/index.ts";
import { boot, logLines } from "./support.ts";

const FIRMWARE = "test/firmware/hal-button.ts";
const DEBOUNCE = 20_000;

/** The last edge at or after `from` and before `until`. */
function lastEdge(history: readonly LevelChange[], from: number, until: number): number {
  return history.filter((c) => c.at >= from && c.at < until).at(-1)!.at;
}

test("contact bounce gives exactly one press and one release, each 20 ms after the bounce ends", async () => {
  const sim = await boot(FIRMWARE);
  sim.button("BTN1").tap("100ms", "200ms");
  sim.runFor("500ms");
  const h = sim.pin("BTN1").history;
  assert.ok(h.length > 4, "the button bounced");
  const press = lastEdge(h, 100_000, 200_000) + DEBOUNCE;
  const release = lastEdge(h, 300_000, 400_000) + DEBOUNCE;
  assert.equal(logLines(sim).filter((l) => !l.includes("btn2")), [`${press} press 100000`, `${release} release 300000`]);
});

test("holding past the long-press time gives one long press at exactly that time, then the release", async () => {
  const sim = await boot(FIRMWARE);
  sim.button("BTN1").tap("1s", "1s");
  sim.runFor("3s");
  const h = sim.pin("BTN1").history;
  const press = lastEdge(h, 1_000_000, 1_100_000) + DEBOUNCE;
  const release = lastEdge(h, 2_000_000, 2_100_000) + DEBOUNCE;
  assert.equal(logLines(sim).filter((l) => !l.includes("btn2")), [
    `${press} press 1000000`,
    "1300000 long 1300000",
    `${release} release 2000000`,
  ]);
});

test("a glitch shorter than the debounce time gives no event", async () => {
  const sim = await boot(FIRMWARE);
  const pin = sim.pin("BTN1");
  pin.drive(0, 100_000);
  pin.drive(null, 105_000);
  pin.drive(0, 200_000); // a glitch right at the end of a press's quiet period restarts it
  pin.drive(null, 200_100);
  pin.drive(0, 200_200);
  sim.runFor("400ms");
  assert.equal(logLines(sim).filter((l) => !l.includes("btn2")), ["220200 press 200000"]);
});

test("a consumer that cancels next() again and again still gets every event, on time", async () => {
  const sim = await boot(FIRMWARE);
  sim.button("BTN2").tap("100ms", "200ms");
  sim.button("BTN2").tap("1s", "500ms");
  sim.runFor("2s");
  const h = sim.pin("BTN2").history;
  const at = (from: number): number => lastEdge(h, from, from + 100_000) + DEBOUNCE;
  const lines = logLines(sim).filter((l) => l.includes("btn2"));
  assert.equal(lines, [
    `${at(100_000)} btn2 press`, `${at(100_000)} btn2 at 100000`,
    `${at(300_000)} btn2 release`, `${at(300_000)} btn2 at 300000`,
    `${at(1_000_000)} btn2 press`, `${at(1_000_000)} btn2 at 1000000`,
    "1300000 btn2 long", "1300000 btn2 at 1300000",
    `${at(1_500_000)} btn2 release`, `${at(1_500_000)} btn2 at 1500000`,
  ]);
});

test.run();
