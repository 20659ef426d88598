/** examples/shell: `help`, `led on|off|toggle` and `status` on UART0. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Simulator } from "../../sim/index.ts";
import { boot, byteArrival } from "../hal/support.ts";

const FIRMWARE = "examples/shell/main.ts";

/** Types `line` at `at`; returns when its line ending (the first CR or LF) lands. */
function type(sim: Simulator, line: string, at: number): number {
  sim.uart("UART0").send(line, { at });
  return byteArrival(at, line.search(/[\r\n]/) + 1);
}

test("the session: prompt, help, led, status, unknown command, empty line, usage", async () => {
  const sim = await boot(FIRMWARE);
  type(sim, "help\r\n", 10_000);
  const on = type(sim, "led on\r\n", 50_000);
  const status = type(sim, "status\r\n", 100_000);
  type(sim, "frob 1 2\r\n", 150_000);
  type(sim, "\r\n", 200_000);
  type(sim, "led\n", 250_000);
  const toggle = type(sim, "led toggle\r", 300_000);
  sim.runFor("400ms");
  assert.is(
    sim.uart("UART0").output,
    "> " +
      "commands:\r\n" +
      "  help    list commands\r\n" +
      "  led     led on|off|toggle: switch LED1\r\n" +
      "  status  show LED1 and the uptime\r\n" +
      "> LED1 on\r\n" +
      `> LED1 on, up ${Math.floor(status / 1000)} ms\r\n` +
      '> unknown command "frob": type help to list commands\r\n' +
      "> " +
      "> usage: led on|off|toggle\r\n" +
      "> LED1 off\r\n" +
      "> ",
  );
  assert.equal(sim.pin("LED1").history, [{ at: on, level: 1 }, { at: toggle, level: 0 }]);
  assert.is(sim.panic, null);
});

test("the prompt goes out at boot, and each reply starts one byte time after the line's end", async () => {
  const sim = await boot(FIRMWARE);
  const end = type(sim, "led on\n", 10_000);
  sim.runFor("20ms");
  const log = sim.uart("UART0").txLog;
  assert.equal(log.slice(0, 2).map((r) => r.at), [87, 174]); // "> " at boot
  assert.is(log[2]!.at, byteArrival(end, 1)); // "L" of "LED1 on"
});

test("a line too long for the shell gets a message, and the shell goes on", async () => {
  const sim = await boot(FIRMWARE);
  type(sim, "x".repeat(100) + "\n", 10_000);
  type(sim, "led on\n", 50_000);
  sim.runFor("100ms");
  assert.is(sim.uart("UART0").output, "> line too long: at most 80 characters\r\n> LED1 on\r\n> ");
});

test.run();
