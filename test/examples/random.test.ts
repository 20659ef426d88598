/**
 * Randomized runs of button-led, uart-echo and shell: 1,000 seeds each of random
 * button edges (bouncing presses and raw pin drives, some in the same µs)
 * and random UART bytes (bursts at the port's baud, slightly fast, or at a
 * wrong baud). Every run must end without a panic, with the heap top where
 * init left it, and with nothing lost:
 *   button-led  LED1 toggles exactly at the presses a reference model of
 *               the debouncer computes from BTN1's recorded edges;
 *   uart-echo   every byte sent is echoed or counted (overrun, framing),
 *               and the echo keeps the order;
 *   shell       (300 seeds) command lines, garbage and over-long lines typed
 *               at the line rate: every line gets its one answer and a
 *               prompt, and LED1 ends as the led commands left it.
 * Each firmware is built once; runs are short in virtual time. A failure
 * names its seed: rerun it with SEED=<n>.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Simulator, type LevelChange } from "../../sim/index.ts";
import { mulberry32 } from "../../sim/prng.ts";
import { buildTestFirmware } from "../helpers/firmware.ts";
import { isSubsequence } from "../hal/support.ts";

const SEEDS = process.env.SEED ? [Number(process.env.SEED)] : Array.from({ length: 1000 }, (_, i) => i + 1);
const DEBOUNCE = 20_000;


/**
 * When the Button driver (debounce 20 ms, active low, idle high) reports a
 * press, given every level change of its pin. Mirrors the driver: wait for
 * the level that changes the state (at once if it holds), then for 20 ms
 * without an edge after the last one, then compare the level with the state.
 */
function modelPresses(history: readonly LevelChange[], end: number): number[] {
  const levelAt = (t: number): number => {
    let level = 1;
    for (const c of history) if (c.at <= t) level = c.level;
    return level;
  };
  const presses: number[] = [];
  let pressed = false;
  let t = 0;
  while (true) {
    const target = pressed ? 1 : 0;
    let start: number;
    if (levelAt(t) === target) start = t;
    else {
      const edge = history.find((c) => c.at > t && c.level === target);
      if (!edge) break;
      start = edge.at;
    }
    let quiet = start;
    for (let next = history.find((c) => c.at > quiet); next && next.at <= quiet + DEBOUNCE; next = history.find((c) => c.at > quiet)) {
      quiet = next.at;
    }
    const settled = quiet + DEBOUNCE;
    if (settled > end) break;
    const active = levelAt(settled) === 0;
    if (active !== pressed) {
      pressed = active;
      if (active) presses.push(settled);
    }
    t = settled;
  }
  return presses;
}

test("button-led: random edges never panic or allocate, and LED1 toggles exactly at each debounced press", async () => {
  const wasm = await buildTestFirmware("examples/button-led/main.ts");
  let presses = 0;
  for (const seed of SEEDS) {
    const random = mulberry32(seed);
    const sim = await Simulator.load(wasm, { board: "sim", seed });
    const heap = sim.heapTop();
    const btn = sim.button("BTN1");
    const pin = sim.pin("BTN1");
    let at = 1000;
    const stimuli = Math.floor(random() * 14);
    for (let i = 0; i < stimuli; i++) {
      at += Math.floor(random() * random() * 60_000); // often close together, sometimes the same µs
      const kind = random();
      if (kind < 0.35) btn.press(at);
      else if (kind < 0.7) btn.release(at);
      else pin.drive(random() < 0.5 ? 0 : null, at);
    }
    const end = at + 100_000;
    sim.runFor(end);
    const where = `seed ${seed}`;
    assert.is(sim.panic, null, where);
    assert.is(sim.heapTop(), heap, where);
    const toggles = sim.pin("LED1").history.map((c) => c.at);
    assert.equal(toggles, modelPresses(pin.history, end), where);
    presses += toggles.length;
  }
  if (SEEDS.length > 100) assert.ok(presses > SEEDS.length / 2, `the runs pressed the button (${presses} presses)`);
});

test("uart-echo: random bytes never panic or allocate, and every byte is echoed in order or counted", async () => {
  const wasm = await buildTestFirmware("examples/uart-echo/main.ts");
  let overruns = 0;
  let framing = 0;
  for (const seed of SEEDS) {
    const random = mulberry32(seed);
    const sim = await Simulator.load(wasm, { board: "sim", seed });
    const heap = sim.heapTop();
    const u = sim.uart("UART0");
    let sent = "";
    let at = 1000;
    const bursts = Math.floor(random() * 6);
    for (let i = 0; i < bursts; i++) {
      at += Math.floor(random() * 8_000);
      const kind = random();
      // On time; 2.9% fast (a long burst then outruns the echo: overruns); garbled (framing errors).
      const baud = kind < 0.55 ? 115200 : kind < 0.9 ? 118500 : 9600;
      const length = baud === 9600 ? 1 + Math.floor(random() * 3) : random() < 0.025 ? 1200 : 1 + Math.floor(random() * 80);
      let text = "";
      for (let j = 0; j < length; j++) text += String.fromCharCode(32 + Math.floor(random() * 95));
      u.send(text, { at, baud });
      sent += text;
    }
    sim.runFor(at + sent.length * 100 + 20_000); // ≤ 87 µs a byte to arrive, as much to echo
    overruns += u.overruns;
    framing += u.framingErrors;
    const where = `seed ${seed}`;
    assert.is(sim.panic, null, where);
    assert.is(sim.heapTop(), heap, where);
    assert.is(u.rxQueued, 0, where);
    assert.is(u.output.length + u.overruns + u.framingErrors, sent.length, where);
    assert.ok(isSubsequence(u.output, sent), `${where}: the echo is the input with lost bytes left out`);
  }
  if (SEEDS.length > 100) assert.ok(overruns > 0 && framing > 0, "the runs exercised overruns and framing errors");
});

test("shell: random command lines and junk never panic or allocate; each line is answered and LED1 follows the led commands", async () => {
  const wasm = await buildTestFirmware("examples/shell/main.ts");
  const seeds = SEEDS.slice(0, 300);
  for (const seed of seeds) {
    const random = mulberry32(seed);
    const sim = await Simulator.load(wasm, { board: "sim", seed });
    const heap = sim.heapTop();
    const u = sim.uart("UART0");
    let led = 0;
    const answers: string[] = [];
    let at = 10_000;
    for (let n = 1 + Math.floor(random() * 8); n > 0; n--) {
      const kind = random();
      let line: string;
      if (kind < 0.45) {
        const action = ["on", "off", "toggle"][Math.floor(random() * 3)]!;
        line = `led ${action}`;
        led = action === "on" ? 1 : action === "off" ? 0 : led ^ 1;
        answers.push(`LED1 ${led ? "on" : "off"}\r\n`);
      } else if (kind < 0.6) {
        line = "help";
        answers.push("led on|off|toggle: switch LED1");
      } else if (kind < 0.85) {
        line = `x${Array.from({ length: Math.floor(random() * 20) }, () => String.fromCharCode(33 + Math.floor(random() * 94))).join("")}`;
        answers.push(`unknown command "${line.split(/[ \t]/)[0]}"`);
      } else {
        line = "y".repeat(81 + Math.floor(random() * 60));
        answers.push("line too long: at most 80 characters\r\n");
      }
      u.send(`${line}\n`, { at });
      at += 30_000; // a line at 115200 baud is under 13 ms; the answer leaves before the next
    }
    sim.runFor(at + 50_000);
    const where = `seed ${seed}`;
    assert.is(sim.panic, null, where);
    assert.is(sim.heapTop(), heap, where);
    assert.is(u.overruns + u.framingErrors, 0, where);
    assert.is(sim.pin("LED1").level, led, where);
    const output = u.output;
    let from = 0;
    for (const answer of answers) {
      const found = output.indexOf(answer, from);
      assert.ok(found >= 0, `${where}: ${JSON.stringify(answer)} missing after ${from} in ${JSON.stringify(output)}`);
      from = found + answer.length;
    }
    assert.is(output.split("> ").length - 1, answers.length + 1, `${where}: one prompt per line, and the first`);
  }
});

test.run();
