import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadBoard } from "../../src/contract/boards.ts";
import { Gpio } from "../../sim/gpio.ts";
import { Simulator } from "../../sim/index.ts";
import { Uarts } from "../../sim/uart.ts";
import { TestBench } from "../fixtures/bench.ts";
import { firmware } from "../fixtures/wat.ts";

const UART_RX = 2, UART_TX = 3, UART_ERROR = 4;

async function load(name: string) {
  const sim = await Simulator.load(firmware(name));
  const events: { source: number; arg: number; at: number }[] = [];
  sim.onEvent = (e) => events.push(e);
  return { sim, uart: sim.uart("UART0"), events };
}

test("at 9600 baud bytes leave 1041.67 µs apart, rounded up to the µs, without drift", async () => {
  const { sim, uart } = await load("writer");
  sim.runFor("1s");
  assert.is(uart.output, "0123456789".repeat(10));
  const at = (n: number) => uart.txLog[n - 1]!.at;
  assert.equal([at(1), at(2), at(3)], [1042, 2084, 3125]);
  assert.equal([at(32), at(33), at(96), at(100)], [33_334, 34_375, 100_000, 104_167]);
});

test("uart_write takes only what fits in the TX FIFO, and UART_TX asks for more when it empties", async () => {
  const { sim, events } = await load("writer");
  sim.runFor("1s");
  assert.equal(events, [
    { source: UART_TX, arg: 0, at: 33_334 },
    { source: UART_TX, arg: 0, at: 66_667 },
    { source: UART_TX, arg: 0, at: 100_000 },
    { source: UART_TX, arg: 0, at: 104_167 },
  ]);
  assert.equal(sim.logs, [{ at: 100_000, level: 3, text: "done" }]);
});

test("an echo returns each byte one byte-time after it arrived", async () => {
  const { sim, uart, events } = await load("echo");
  uart.send("hello", { at: 1000 });
  sim.runFor("10ms");
  assert.equal(events.map((e) => `${e.source}@${e.at}`), ["2@1087", "2@1174", "2@1261", "2@1348", "2@1435"]);
  assert.is(uart.output, "hello");
  assert.equal(uart.txLog.map((r) => r.at), [1174, 1261, 1348, 1435, 1522]);
  assert.is(uart.rxRead, 5);
});

test("a flood into a firmware that never reads fills the RX FIFO and counts every other byte as an overrun", async () => {
  const { sim, uart, events } = await load("listener");
  uart.send(new Uint8Array(100).fill(0x55));
  sim.runFor("1s");
  assert.is(uart.rxQueued, 32);
  assert.is(uart.overruns, 68);
  assert.is(uart.rxQueued + uart.rxRead + uart.overruns, 100);
  assert.is(events.filter((e) => e.source === UART_RX).length, 32);
  const errors = events.filter((e) => e.source === UART_ERROR);
  assert.is(errors.length, 68);
  assert.equal(errors[0], { source: UART_ERROR, arg: 0 | (1 << 8), at: 2865 }); // byte 33: ceil(33 × 86.81)
});

test("bytes sent at the wrong baud arrive as framing errors", async () => {
  const { sim, uart, events } = await load("listener");
  uart.send("abc", { baud: 9600 });
  sim.runFor("1s");
  assert.is(uart.framingErrors, 3);
  assert.is(uart.rxQueued, 0);
  assert.equal(events[0], { source: UART_ERROR, arg: 0 | (2 << 8), at: 1042 });
});

test("bytes sent to a port the firmware never configured are dropped and counted", async () => {
  const { sim } = await load("listener");
  const uart1 = sim.uart("UART1");
  uart1.send("xyz", { at: "1ms" });
  sim.runFor("1s");
  assert.is(uart1.dropped, 3);
  assert.is(sim.stats.events, 0);
});

test("writing to a port that was never configured stops the firmware", async () => {
  const { sim } = await load("misuse");
  sim.runFor("1s");
  assert.equal(sim.panic, {
    code: "PERIPHERAL",
    message: "uart_write on UART1, which is not configured: call uart_configure first",
    file: "",
    line: 0,
    column: 0,
    task: "main",
    taskId: 0,
    at: 0,
  });
  assert.is(sim.now, 0);
});

test("configure refuses unknown ports, bad settings, a second claim and pins already in use", () => {
  const bench = new TestBench();
  const board = loadBoard("sim");
  const gpio = new Gpio(bench, board, () => {});
  const uarts = new Uarts(bench, gpio, board, () => {});
  assert.is(uarts.configure(5, 9600, 0), -3); // E_NO_PORT
  assert.is(uarts.configure(0, 0, 0), -5); // E_BAD_CONFIG: baud
  assert.is(uarts.configure(0, 9600, 1), -5); // E_BAD_CONFIG: flags
  assert.is(uarts.configure(0, 9600, 0), 0);
  assert.is(uarts.configure(0, 9600, 0), -4); // E_PORT_BUSY
  assert.is(gpio.configure(6, 1), -2); // UART0's TX pin
  assert.is(gpio.configure(9, 0), 0); // UART1's RX pin, taken as GPIO first
  assert.is(uarts.configure(1, 9600, 0), -2);
});

test.run();
