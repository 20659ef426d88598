/// <reference lib="dom" />
/**
 * Regenerates docs/images/outpost-view.png, the README's picture of the
 * page: the shell example on the sim board with its await sites, `help` and
 * `led on` typed into UART0 at "as fast as possible", then paused. An idle
 * firmware's clock stands still at that speed, so the picture is the same
 * on every run.
 *
 *   npm run screenshot     (needs Debian's chromium)
 *
 * test/browser/screenshot.test.ts runs `screenshot` on a test build.
 */
import { fileURLToPath, pathToFileURL } from "node:url";
import { loadBoard } from "../src/contract/boards.ts";
import { loadFirmware } from "../src/toolchain/cli/sim.ts";
import { pageFiles } from "../src/toolchain/cli/view-page.ts";
import { ViewServer } from "../src/toolchain/cli/view-server.ts";
import { type Chromium, launchChromium } from "../test/browser/chromium.ts";

export const SIZE = { width: 1280, height: 900 };

/** Drives the page at `url` to the pictured state and writes a PNG of it to `out`. */
export async function screenshot(browser: Chromium, url: string, out: string): Promise<void> {
  const page = await browser.newPage();
  try {
    await page.setViewportSize(SIZE);
    await page.goto(url + "?speed=max");
    const input = page.getByRole("textbox", { name: "Send to UART0" });
    for (const line of ["help", "led on"]) {
      await input.fill(line);
      await input.press("Enter");
      const answer = line === "help" ? "status" : "LED1 on";
      await page.waitForFunction((text) => /\n> $/.test(document.querySelector('[aria-label="UART0 output"]')?.textContent?.split(text)[1] ?? ""), answer);
    }
    await page.getByLabel("Waveform window").selectOption("10ms");
    await page.getByRole("button", { name: "Pause" }).click();
    await page.waitForFunction(() => document.querySelector('.lamp[aria-label="LED1 lit"]') !== null);
    await page.evaluate(() => new Promise(requestAnimationFrame));
    await page.screenshot({ path: out });
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  const entry = "examples/shell/main.ts";
  const board = loadBoard("sim");
  const { firmware, sites, text } = await loadFirmware({ path: entry, board });
  const view = await ViewServer.start(0, await pageFiles(), { session: { name: entry, board, sites, text, build: 1 }, firmware, sourceDirs: [] });
  const browser = await launchChromium();
  if (!browser) throw new Error("chromium is not installed: apt-get install chromium");
  const out = fileURLToPath(new URL("../docs/images/outpost-view.png", import.meta.url));
  try {
    await screenshot(browser, view.url, out);
  } finally {
    await browser.close();
    await view.close();
  }
  process.stdout.write(`wrote ${out}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
