/**
 * sim/vcd.ts: the dump parses back (with a small IEEE 1364 reader) into the
 * simulator's own histories; streamed (VcdWriter) and formatted at the end
 * (formatVcd) it is the same text; identical runs give identical bytes;
 * and, where Debian's sigrok-cli is installed, sigrok reads it.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Simulator, VcdWriter, formatVcd } from "../../sim/index.ts";
import { boot } from "../hal/support.ts";
import { firmware } from "../fixtures/wat.ts";
import { parseVcd } from "../helpers/vcd.ts";

const hasSigrok = spawnSync("sigrok-cli", ["--version"]).status === 0;

test("the header is IEEE 1364 without a date: version, a 1 us timescale, scopes and 1-bit wires only", async () => {
  const sim = await Simulator.load(firmware("blinky"));
  sim.runFor("1s");
  const text = formatVcd(sim, { version: "test" });
  assert.ok(text.startsWith("$version\n  test\n$end\n"), text.slice(0, 80));
  assert.not.match(text, /\$date/);
  assert.match(text, /\n\$timescale 1 us \$end\n/);
  assert.match(text, /\n\$var wire 1 \. LED1 \$end\n/);
  assert.match(text, /\n\$var wire 1 \S+ main_0_ready \$end\n\$var wire 1 \S+ main_0_parked \$end\n\$var wire 1 \S+ main_0_finished \$end\n/);
  assert.not.match(text, /\$var (reg|wire) [02-9]/);
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

test("each task's state reads back from its three lines equal its observed history", async () => {
  const sim = await boot("test/firmware/deadlock_idle.ts", { watchTasks: true });
  sim.button("BTN1").press("1s");
  sim.runFor("2s");
  const vcd = parseVcd(formatVcd(sim));
  const lines = ["ready", "parked", "finished"] as const;
  for (const line of lines) assert.is(vcd.initial.get(`waiter_0_${line}`), "0");
  // Replay the three wires: at each time, the state is the line that is high (none: free).
  const events = lines.flatMap((line) => vcd.changes.get(`waiter_0_${line}`)!.map((c) => ({ ...c, line })));
  const high = new Set<string>();
  const decoded: { at: number; state: string }[] = [];
  for (const at of [...new Set(events.map((e) => e.at))].sort((a, b) => a - b)) {
    for (const e of events.filter((x) => x.at === at)) (e.value === "1" ? high.add(e.line) : high.delete(e.line));
    assert.ok(high.size <= 1, `at ${at} two state lines are high`);
    decoded.push({ at, state: [...high][0] ?? "free" });
  }
  // A viewer shows the last value of each µs: the history's last state at each time.
  const history = sim.taskHistory(0);
  assert.equal(decoded, history.filter((c, i) => history[i + 1]?.at !== c.at));
  assert.equal(decoded.map((c) => c.state), ["parked", "finished"]);
});

/** blinky for 3 s with a button tapped, dumped while it runs. */
async function streamed(): Promise<{ text: string; sim: Simulator }> {
  let text = "";
  const writer = new VcdWriter((t) => (text += t), { version: "stream" });
  const sim = await Simulator.load(firmware("listener"), { seed: 3, ...writer.listeners });
  writer.start(sim);
  sim.button("BTN1").tap("1s", "40ms");
  sim.runFor("3s");
  writer.end(sim.now);
  return { text, sim };
}

test("streamed while running, the dump is the text formatVcd makes at the end", async () => {
  const { text, sim } = await streamed();
  assert.is(text, formatVcd(sim, { version: "stream" }));
});

test("identical runs give byte-identical dumps", async () => {
  assert.is((await streamed()).text, (await streamed()).text);
});

const sigrok = hasSigrok ? test : test.skip;
sigrok(`sigrok-cli reads the dump: every pin and task line, with the right samples${hasSigrok ? "" : " (skipped: sigrok-cli is not installed; apt-get install sigrok-cli)"}`, async () => {
  const { text } = await streamed();
  const dir = mkdtempSync(join(tmpdir(), "outpost-vcd-"));
  try {
    const file = join(dir, "run.vcd");
    writeFileSync(file, text);
    // -O csv: one column per channel, one row per sample; downsampled to 1 ms so that 3 s stays small.
    const r = spawnSync("sigrok-cli", ["-I", "vcd:downsample=1000", "-i", file, "-O", "csv"], { encoding: "utf8" });
    assert.is(r.status, 0, r.stderr);
    const channels = /^; Channels \(\d+\/\d+\): (.*)$/m.exec(r.stdout)![1]!.split(", ");
    const vcd = parseVcd(text);
    assert.equal(channels, [...vcd.widths.keys()]);
    const rows = r.stdout.split("\n").filter((l) => /^[01](,[01])*$/.test(l)).map((l) => l.split(","));
    assert.is(rows.length, 3000);
    const btn1 = rows.map((row) => row[channels.indexOf("BTN1")]);
    // BTN1 (active low, pulled up) is held from 1 s to 1.04 s: about 40 samples of 0, bounce aside.
    const low = btn1.filter((v) => v === "0").length;
    assert.ok(low >= 38 && low <= 42, `${low} samples low`);
    assert.is(btn1[0], "1");
    assert.is(btn1[1020], "0");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
