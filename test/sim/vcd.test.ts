/** sim/vcd.ts: the dump parses back (with a small IEEE 1364 reader) into the simulator's own histories. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Simulator, TASK_STATES, formatVcd } from "../../sim/index.ts";
import { boot } from "../hal/support.ts";
import { firmware } from "../fixtures/wat.ts";
import { parseVcd } from "../helpers/vcd.ts";

test("the header is IEEE 1364: date, version, a 1 us timescale, scopes and one var per pin and task", async () => {
  const sim = await Simulator.load(firmware("blinky"));
  sim.runFor("1s");
  const text = formatVcd(sim, { date: "today", version: "test" });
  assert.ok(text.startsWith("$date\n  today\n$end\n$version\n  test\n$end\n"), text.slice(0, 80));
  assert.match(text, /\n\$timescale 1 us \$end\n/);
  assert.match(text, /\n\$var wire 1 \. LED1 \$end\n/);
  assert.match(text, /\n\$var reg 2 \S+ main_0 \$end\n/);
  assert.match(text, /\n\$enddefinitions \$end\n#0\n\$dumpvars\n/);
  const vcd = parseVcd(text);
  assert.is(vcd.timescale, "1 us");
  assert.equal(vcd.scopes, ["module sim", "module pins", "module tasks"]);
  assert.is(vcd.end, 1_000_000);
});

test("every pin's changes read back equal its history, bounce included", async () => {
  const sim = await Simulator.load(firmware("listener"), { seed: 7 });
  sim.button("BTN1").tap("100ms", "30ms");
  sim.button("BTN2").tap("200ms", "5ms");
  sim.uart("UART0").send("hello");
  sim.runFor("1s");
  const vcd = parseVcd(formatVcd(sim));
  const pins = sim.pins().filter((p) => p.mode !== "UART");
  assert.equal([...vcd.widths.keys()].slice(0, pins.length), pins.map((p) => p.label));
  assert.not.ok(vcd.widths.has("P6"), "UART0's pins are left out");
  for (const pin of pins) {
    assert.is(vcd.initial.get(pin.label), "0");
    assert.equal(vcd.changes.get(pin.label), pin.history.map((c) => ({ at: c.at, value: String(c.level) })), pin.label);
  }
  assert.ok(sim.pin("BTN1").history.length > 4, "the test should see bounce");
});

test("each task's state reads back equal its observed history", async () => {
  const sim = await boot("test/firmware/deadlock_idle.ts", { watchTasks: true });
  sim.button("BTN1").press("1s");
  sim.runFor("2s");
  const vcd = parseVcd(formatVcd(sim));
  assert.is(vcd.widths.get("waiter_0"), 2);
  assert.is(vcd.initial.get("waiter_0"), "00");
  const decoded = vcd.changes.get("waiter_0")!.map((c) => ({ at: c.at, state: TASK_STATES[parseInt(c.value, 2)] }));
  assert.equal(decoded, sim.taskHistory(0));
  assert.equal(decoded.map((c) => c.state), ["ready", "parked", "ready", "finished"]);
});

test.run();
