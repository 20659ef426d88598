import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadBoard } from "../../src/contract/boards.ts";
import { OutpostError } from "../../src/contract/errors.ts";
import { Gpio } from "../../sim/gpio.ts";
import { Simulator } from "../../sim/index.ts";
import { TestBench } from "../fixtures/bench.ts";
import { firmware } from "../fixtures/wat.ts";

const board = loadBoard("sim");
const INPUT = 0, OUTPUT = 1, INPUT_PULLUP = 2, INPUT_PULLDOWN = 3;
const RISING = 1, FALLING = 2;

function bench(): { bench: TestBench; gpio: Gpio; changes: string[] } {
  const b = new TestBench();
  const changes: string[] = [];
  const gpio = new Gpio(b, board, (label, level, at) => changes.push(`${at} ${label} ${level}`));
  return { bench: b, gpio, changes };
}

test("configure refuses pins the board lacks, unknown modes and pins already configured", () => {
  const { gpio } = bench();
  assert.is(gpio.configure(99, OUTPUT), -1); // E_NO_PIN
  assert.is(gpio.configure(13, 7), -5); // E_BAD_CONFIG
  assert.is(gpio.configure(13, OUTPUT), 0);
  assert.is(gpio.configure(13, INPUT), -2); // E_PIN_BUSY
});

test("a pull-up input reads high, low while driven low, high again when let go", () => {
  const { bench: b, gpio } = bench();
  gpio.configure(2, INPUT_PULLUP);
  const pin = gpio.byName("BTN1");
  assert.is(gpio.read(2), 1);
  pin.drive(0, 1000);
  pin.drive(null, 2500);
  b.advance(1000);
  assert.is(gpio.read(2), 0);
  b.advance(3000);
  assert.is(gpio.read(2), 1);
  assert.equal(pin.history, [
    { at: 0, level: 1 },
    { at: 1000, level: 0 },
    { at: 2500, level: 1 },
  ]);
});

test("a pull-down input and a floating input read low when nothing drives them", () => {
  const { gpio } = bench();
  gpio.configure(4, INPUT_PULLDOWN);
  gpio.configure(5, INPUT);
  assert.is(gpio.read(4), 0);
  assert.is(gpio.read(5), 0);
  assert.equal(gpio.byName("P4").history, []);
});

test("edges raise GPIO_EDGE only in listened directions, with pin | level << 16 and the edge's time", () => {
  const { bench: b, gpio } = bench();
  gpio.configure(3, INPUT_PULLUP);
  gpio.listen(3, FALLING);
  const pin = gpio.byName("P3");
  pin.drive(0, 100);
  pin.drive(1, 200);
  b.advance(200);
  gpio.listen(3, RISING | FALLING);
  pin.drive(0, 300);
  pin.drive(1, 400);
  b.advance(400);
  gpio.listen(3, 0);
  pin.drive(0, 500);
  b.advance(500);
  assert.equal(b.raised, [
    { source: 1, arg: 3, at: 100 },
    { source: 1, arg: 3, at: 300 },
    { source: 1, arg: 3 | (1 << 16), at: 400 },
  ]);
});

test("an output starts low, reads back what was written, and outside drive does not override it", () => {
  const { gpio, changes } = bench();
  gpio.configure(13, OUTPUT);
  assert.is(gpio.read(13), 0);
  gpio.write(13, 1);
  gpio.byName("LED1").drive(0);
  assert.is(gpio.read(13), 1);
  assert.equal(changes, ["0 LED1 1"]);
});

test("writing to a pin that is not an output warns and changes nothing", () => {
  const { bench: b, gpio } = bench();
  gpio.configure(2, INPUT);
  gpio.write(2, 1);
  gpio.write(40, 1);
  assert.is(gpio.read(2), 0);
  assert.equal(b.warnings, [
    "gpio_write to BTN1, which is an INPUT pin: configure it as OUTPUT first",
    'gpio_write on pin 40, which board "sim" lacks',
  ]);
});

test("a stimulus in the past is refused", () => {
  const { bench: b, gpio } = bench();
  b.advance(2000);
  try {
    gpio.byName("P1").drive(1, 1000);
    assert.unreachable();
  } catch (e) {
    assert.instance(e, OutpostError);
    assert.is((e as OutpostError).code, "BAD_SCENARIO");
    assert.is((e as Error).message, "cannot schedule a stimulus at 0.001000s: the simulation is already at 0.002000s");
  }
});

test("an unknown pin name is an error listing every valid name", async () => {
  const sim = await Simulator.load(firmware("blinky"));
  try {
    sim.pin("LED9");
    assert.unreachable();
  } catch (e) {
    assert.instance(e, OutpostError);
    assert.is((e as OutpostError).code, "UNKNOWN_PIN");
    assert.is(
      (e as Error).message,
      'board "sim" has no pin "LED9": valid pins are P0, P1, P2, P3, P4, P5, P6, P7, P8, P9, P10, P11, P12, P13, P14, P15, LED1, LED2, BTN1, BTN2',
    );
  }
});

test("the firmware sees each edge at its time: LED1 follows BTN1 through the event handler", async () => {
  const sim = await Simulator.load(firmware("listener"));
  const events: string[] = [];
  sim.onEvent = (e) => events.push(`${e.at} ${e.source} ${e.arg}`);
  const btn = sim.pin("BTN1");
  btn.drive(0, "10ms");
  btn.drive(null, "25ms");
  sim.runFor("50ms");
  assert.equal(btn.history, [
    { at: 0, level: 1 },
    { at: 10_000, level: 0 },
    { at: 25_000, level: 1 },
  ]);
  assert.equal(events, ["10000 1 2", `25000 1 ${2 | (1 << 16)}`]);
  assert.equal(sim.pin("LED1").history, [
    { at: 10_000, level: 1 },
    { at: 25_000, level: 0 },
  ]);
  assert.is(sim.now, 50_000);
});

test.run();
