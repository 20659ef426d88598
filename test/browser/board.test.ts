/// <reference lib="dom" />
/**
 * The board page in headless Chromium (`outpost view`'s page and server):
 * LEDs at exact virtual times, pause and step, buttons by mouse and by
 * keyboard, a UART terminal, and the VCD and Perfetto downloads, each
 * compared with what the simulator gives on Node for the same firmware.
 */
import { readFileSync } from "node:fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { Page } from "playwright-core";
import { Simulator, TraceRecorder, formatVcd } from "../../sim/index.ts";
import { loadBoard } from "../../src/contract/boards.ts";
import { compileEspruino } from "../../src/toolchain/espruino/bundle.ts";
import { buildTestFirmware } from "../helpers/firmware.ts";
import { browserTests } from "./serve.ts";

const test = suite("outpost view: the board page");
const { it, onPage } = browserTests(test, "test/browser/board.test.ts");

/** A page on the example `entry` built for the sim board, run by `use` once Step is there. */
async function withPage(entry: string, query: string, use: (page: Page) => Promise<void>): Promise<Uint8Array> {
  const wasm = await buildTestFirmware(entry);
  await onPage(wasm, { name: entry.replace(/^examples\/(.*)\/main\.ts$/, "build/$1.wasm") }, query, async (page) => {
    await page.getByRole("button", { name: "Step" }).waitFor();
    await use(page);
  });
  return wasm;
}

const clock = (page: Page): Promise<string> => page.locator(".clock").innerText();
const led = (page: Page, name: string): Promise<string | null> => page.locator(`.lamp[aria-label^="${name} "]`).getAttribute("aria-label");

/** Waits until the clock shows something other than `before`, and returns it. */
async function clockAfter(page: Page, before: string): Promise<string> {
  await page.waitForFunction((text) => document.querySelector(".clock")?.textContent !== text, before);
  return clock(page);
}

it("blinky: LED1 is lit at 0 s and changes at 0.5 s, 1 s and 1.5 s, one step each", async () => {
  await withPage("examples/blinky/main.ts", "?speed=paused", async (page) => {
    assert.is(await clock(page), "0.000000");
    assert.is(await led(page, "LED1"), "LED1 lit");
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      const before = await clock(page);
      await page.getByRole("button", { name: "Step" }).click();
      seen.push(`${await clockAfter(page, before)} ${await led(page, "LED1")}`);
    }
    assert.equal(seen, ["0.500000 LED1 dark", "1.000000 LED1 lit", "1.500000 LED1 dark"]);
  });
});

it("pause during a real-time run, then each step runs exactly the next event: the next toggle of LED1", async () => {
  await withPage("examples/blinky/main.ts", "", async (page) => {
    await page.waitForFunction(() => Number(document.querySelector(".clock")?.textContent) >= 0.2);
    await page.keyboard.press("p");
    await page.waitForFunction(() => document.querySelector('button[aria-pressed="true"]')?.textContent === "Pause");
    await page.evaluate(() => new Promise(requestAnimationFrame));
    const paused = await clock(page);
    const lit = await led(page, "LED1");
    await page.waitForTimeout(100);
    assert.is(await clock(page), paused, "the clock stands still while paused");
    const next = (Math.floor(Math.round(Number(paused) * 1e6) / 500_000) + 1) * 0.5;
    await page.keyboard.press("s");
    assert.is(await clockAfter(page, paused), next.toFixed(6));
    assert.is.not(await led(page, "LED1"), lit);
    await page.getByRole("button", { name: "Step" }).click();
    assert.is(await clockAfter(page, next.toFixed(6)), (next + 0.5).toFixed(6));
    assert.is(await led(page, "LED1"), lit);
  });
});

it("button-led: pressing BTN1 by mouse toggles LED1, and again by keyboard (Space held, then let go)", async () => {
  await withPage("examples/button-led/main.ts", "", async (page) => {
    const button = page.getByRole("button", { name: "BTN1" });
    assert.is(await led(page, "LED1"), "LED1 dark");
    await button.hover();
    await page.mouse.down();
    assert.is(await button.getAttribute("aria-pressed"), "true");
    await page.waitForSelector('.lamp[aria-label="LED1 lit"]');
    await page.mouse.up();
    assert.is(await button.getAttribute("aria-pressed"), "false");
    await page.waitForTimeout(150); // the release bounces and settles: no second toggle
    assert.is(await led(page, "LED1"), "LED1 lit");

    await button.focus();
    await page.keyboard.down("Space");
    await page.waitForSelector('.lamp[aria-label="LED1 dark"]');
    await page.keyboard.up("Space");
    await page.waitForTimeout(150);
    assert.is(await led(page, "LED1"), "LED1 dark");
    const log = await page.getByRole("log", { name: "Log" }).innerText();
    assert.match(log, /\[ {3}0\.000000\] info: button-led: press BTN1 to toggle LED1/);
  });
});

let shown = "";
it("shell: help typed into UART0's terminal is answered with the same bytes the simulator gives on Node", async () => {
  const wasm = await withPage("examples/shell/main.ts", "", async (page) => {
    const output = page.getByRole("log", { name: "UART0 output" });
    await page.waitForFunction(() => document.querySelector('[aria-label="UART0 output"]')?.textContent === "> ");
    await page.getByRole("textbox", { name: "Send to UART0" }).fill("help");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => /\n> $/.test(document.querySelector('[aria-label="UART0 output"]')?.textContent ?? ""));
    shown = await output.innerText();
  });
  const sim = await Simulator.load(wasm, { board: "sim" });
  sim.uart("UART0").send("help\n", { at: 0 });
  sim.runFor("1s");
  assert.is(shown, sim.uart("UART0").output.replace(/\r\n/g, "\n"));
  assert.match(shown, /led on\|off\|toggle: switch LED1/);
});

it("the VCD and Perfetto downloads hold what the simulator records on Node for the same run", async () => {
  let vcd = "";
  let trace = "";
  const wasm = await withPage("examples/blinky/main.ts", "?speed=paused", async (page) => {
    for (const t of ["0.500000", "1.000000"]) {
      await page.getByRole("button", { name: "Step" }).click();
      await page.waitForFunction((text) => document.querySelector(".clock")?.textContent === text, t);
    }
    const saved = async (name: string): Promise<string> => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name }).click()]);
      return readFileSync((await download.path())!, "utf8");
    };
    vcd = await saved("VCD");
    trace = await saved("Perfetto trace");
  });
  const recorder = new TraceRecorder();
  const sim = await Simulator.load(wasm, { board: "sim", name: "build/blinky.wasm", watchTasks: true, ...recorder.listeners });
  sim.runFor("1s");
  const undated = (text: string): string => text.replace(/^\$date\n.*\n\$end\n/, "");
  assert.is(undated(vcd), undated(formatVcd(sim, { version: "outpost view build/blinky.wasm on sim" })));
  assert.equal(JSON.parse(trace), recorder.toJSON(sim.tasks(), "outpost view build/blinky.wasm"));
});

it("an Espruino build runs in the page (its script in an iframe realm) with LED1 changing when it does on Node", async () => {
  const board = loadBoard("espruino-pico");
  const { js } = await compileEspruino(await buildTestFirmware("examples/blinky/main.ts", board.name), board, "blinky.js");
  const sim = await Simulator.load(js, { board: board.name });
  sim.runFor("1.5s");
  const lit = (level: number): string => `LED1 ${(level === 1) !== board.leds.LED1!.activeLow ? "lit" : "dark"}`;
  const expected = sim.pin("LED1").history.filter((c) => c.at > 0).map((c) => `${(c.at / 1e6).toFixed(6)} ${lit(c.level)}`);
  const seen: string[] = [];
  await onPage(js, { name: "blinky.js", board: board.name }, "?speed=paused", async (page) => {
    assert.is(await page.locator(".board h2").innerText(), `espruino-pico ${board.description}`);
    for (let i = 0; i < expected.length; i++) {
      const before = await clock(page);
      await page.getByRole("button", { name: "Step" }).click();
      seen.push(`${await clockAfter(page, before)} ${await led(page, "LED1")}`);
    }
  });
  assert.equal(seen, expected);
  assert.is(expected.length, 3);
});

test.run();
