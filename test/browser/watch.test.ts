/// <reference lib="dom" />
/**
 * `outpost view <entry.ts> --watch` in headless Chromium: saving the source
 * rebuilds the firmware and reloads the page, which then runs the new
 * build; a save that does not build shows its error in the page, which
 * keeps running the last good build.
 */
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { Page } from "playwright-core";
import { Scratch } from "../fixtures/cli.ts";
import { browserTests } from "./serve.ts";

const test = suite("outpost view --watch");
const { it, browser } = browserTests(test, "test/browser/watch.test.ts");
const s = new Scratch();
test.after(() => s.remove());

const blinky = readFileSync(new URL("../../examples/blinky/main.ts", import.meta.url), "utf8");

async function stepTo(page: Page, expected: string): Promise<void> {
  await page.getByRole("button", { name: "Step" }).click();
  await page.waitForFunction((text) => document.querySelector(".clock")?.textContent === text, expected);
}

it("saving the entry rebuilds it and reloads the page; a broken save shows its error and keeps the last build", async () => {
  s.file("main.ts", blinky);
  const child = s.start("view", "main.ts", "--watch", "--port", "0");
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const page = await browser().newPage();
  try {
    while (!stdout.includes("\n") && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
    assert.match(stdout, /^http:\/\/127\.0\.0\.1:\d+\/\n$/, stderr);
    await page.goto(stdout.trim() + "?speed=paused");
    await stepTo(page, "0.500000");

    const reloaded = page.waitForEvent("load", { timeout: 60_000 });
    s.file("main.ts", blinky.replace("Duration.millis(500)", "Duration.millis(250)"));
    await reloaded;
    await stepTo(page, "0.250000");
    assert.match(stderr, /outpost view: rebuilt main\.ts \(build 2\)\n/);

    s.file("main.ts", blinky.replace("led.toggle();", "led.toggle(;"));
    await page.getByRole("alert").waitFor({ timeout: 60_000 });
    assert.is(await page.getByRole("alert").locator("strong").innerText(), "Build failed");
    assert.match(await page.getByRole("alert").locator("pre").innerText(), /main\.ts/);
    await stepTo(page, "0.500000"); // still the 250 ms build
    assert.match(stderr, /outpost view: main\.ts did not build: /);
  } finally {
    await page.close();
    child.kill("SIGINT");
    await once(child, "exit");
  }
  assert.is(child.exitCode, 130);
});

test.run();
