/** examples/button-led: each debounced press of BTN1 toggles LED1. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { boot, logLines } from "../hal/support.ts";

test("each press toggles LED1 exactly once, 20 ms after its bounce ends; releases do nothing", async () => {
  const sim = await boot("examples/button-led/main.ts");
  const btn = sim.button("BTN1");
  btn.tap("100ms", "200ms");
  btn.tap("1s", "50ms");
  btn.tap("1.5s", "2s"); // a long hold: still one toggle
  sim.runFor("4s");
  const edges = sim.pin("BTN1").history;
  const settled = (from: number): number => edges.filter((c) => c.at >= from && c.at < from + 10_000).at(-1)!.at + 20_000;
  assert.ok(edges.length > 12, "the button bounced");
  assert.equal(sim.pin("LED1").history, [
    { at: settled(100_000), level: 1 },
    { at: settled(1_000_000), level: 0 },
    { at: settled(1_500_000), level: 1 },
  ]);
  assert.equal(logLines(sim), ["0 button-led: press BTN1 to toggle LED1"]);
});

test.run();
