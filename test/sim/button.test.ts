import { test } from "uvu";
import * as assert from "uvu/assert";
import { OutpostError } from "../../src/contract/errors.ts";
import { type LevelChange, Simulator } from "../../sim/index.ts";
import { firmware } from "../fixtures/wat.ts";

async function tapped(seed: number, bounceMs?: number): Promise<Simulator> {
  const sim = await Simulator.load(firmware("listener"), { seed });
  const btn = sim.button("BTN1");
  if (bounceMs !== undefined) btn.bounceMs = bounceMs;
  btn.tap("1s", "100ms");
  sim.runFor("2s");
  return sim;
}

const within = (h: readonly LevelChange[], from: number, to: number) => h.filter((c) => c.at >= from && c.at <= to);

test("a press bounces for up to bounceMs and settles low on an active-low button", async () => {
  const history = (await tapped(1)).pin("BTN1").history;
  const press = within(history, 1_000_000, 1_099_999);
  assert.equal(press[0], { at: 1_000_000, level: 0 });
  assert.ok(press.length >= 3 && press.length % 2 === 1, `chatter, ending pressed: ${JSON.stringify(press)}`);
  assert.ok(press.at(-1)!.at <= 1_003_000 && press.at(-1)!.level === 0);
});

test("a release bounces too and settles high through the pull-up", async () => {
  const history = (await tapped(1)).pin("BTN1").history;
  const release = within(history, 1_100_000, 2_000_000);
  assert.equal(release[0], { at: 1_100_000, level: 1 });
  assert.ok(release.length >= 3 && release.at(-1)!.at <= 1_103_000 && release.at(-1)!.level === 1);
});

test("the firmware is told about every bounce edge", async () => {
  const sim = await tapped(1);
  const edges = sim.pin("BTN1").history.length - 1; // the first entry is the pull-up at configure
  assert.is(sim.stats.events, edges);
  assert.is(sim.pin("LED1").history.length, edges);
});

test("the same seed gives the same edges; another seed other edges", async () => {
  const a = (await tapped(7)).pin("BTN1").history;
  const b = (await tapped(7)).pin("BTN1").history;
  const c = (await tapped(8)).pin("BTN1").history;
  assert.equal(a, b);
  assert.not.equal(a, c);
});

test("with bounce off a tap is exactly two edges", async () => {
  const sim = await tapped(1, 0);
  assert.equal(sim.pin("BTN1").history, [
    { at: 0, level: 1 },
    { at: 1_000_000, level: 0 },
    { at: 1_100_000, level: 1 },
  ]);
});

test("a release during the press's chatter cuts the chatter short", async () => {
  const sim = await Simulator.load(firmware("listener"));
  const btn = sim.button("BTN1");
  btn.bounceMs = 3;
  btn.press(1000);
  btn.bounceMs = 0;
  btn.release(1001); // before any of the press's bounce edges
  sim.runFor("10ms");
  assert.equal(sim.pin("BTN1").history.slice(1), [
    { at: 1000, level: 0 },
    { at: 1001, level: 1 },
  ]);
  assert.is(sim.pin("BTN1").level, 1);
});

test("an unknown button is an error listing the board's buttons", async () => {
  const sim = await Simulator.load(firmware("listener"));
  try {
    sim.button("LED1");
    assert.unreachable();
  } catch (e) {
    assert.instance(e, OutpostError);
    assert.is((e as Error).message, 'board "sim" has no button "LED1": valid buttons are BTN1, BTN2');
  }
});

test.run();
