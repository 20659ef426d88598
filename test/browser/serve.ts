/**
 * The browser tests' fixtures: a view server for a firmware, in this
 * process (the same ViewServer and page `outpost view` serves, without a
 * process per firmware), and a suite's browser: `browserTests` launches
 * Chromium before the suite and closes it after, and its `it` registers a
 * test, or skips it with the reason in its name (and one line on stderr)
 * when Chromium is missing.
 *
 *   const { it, onPage } = browserTests(test, "test/browser/x.test.ts");
 *   it("...", () => onPage(wasm, { name: "blinky.wasm" }, "?speed=paused", async (page) => { ... }));
 */
import type { Page } from "playwright-core";
import type { Test } from "uvu";
import * as assert from "uvu/assert";
import { loadBoard } from "../../src/contract/boards.ts";
import type { SiteInfo } from "../../sim/index.ts";
import { type PageFile, pageFiles } from "../../src/toolchain/cli/view-page.ts";
import { ViewServer } from "../../src/toolchain/cli/view-server.ts";
import { type Chromium, launchChromium, skipReason } from "./chromium.ts";

let page: Promise<Map<string, PageFile>> | null = null;

export interface ServeOptions {
  /** How the page names the firmware (as `outpost view` would be given it). */
  name: string;
  board?: string;
  sites?: SiteInfo[];
  text?: string[];
  sourceDirs?: string[];
}

export async function serveFirmware(firmware: Uint8Array | string, options: ServeOptions): Promise<ViewServer> {
  page ??= pageFiles();
  const board = loadBoard(options.board ?? "sim");
  const session = { name: options.name, board, sites: options.sites, text: options.text, build: 1 };
  return ViewServer.start(0, await page, { session, firmware, sourceDirs: options.sourceDirs ?? [] });
}

export interface BrowserSuite {
  /** `test(name, fn)`, or a skip named for why when Chromium is not installed. */
  it(name: string, fn: () => Promise<void>): void;
  /** The suite's browser (only inside a test that `it` registered). */
  browser(): Chromium;
  /** Serves `firmware`, opens the page with `query`, runs `use`, and checks the page threw nothing; closes both after. */
  onPage(firmware: Uint8Array | string, options: ServeOptions, query: string, use: (page: Page) => Promise<void>): Promise<void>;
}

export function browserTests(test: Test, file: string): BrowserSuite {
  let chromium: Chromium | null = null;
  if (skipReason) process.stderr.write(`${file}: every test skipped${skipReason}\n`);
  else {
    test.before(async () => void (chromium = await launchChromium()));
    test.after(async () => chromium?.close());
  }
  const browser = (): Chromium => chromium!;
  return {
    it: (name, fn) => (skipReason ? test.skip(`${name}${skipReason}`, fn) : test(name, fn)),
    browser,
    async onPage(firmware, options, query, use) {
      const view = await serveFirmware(firmware, options);
      const page = await browser().newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      try {
        await page.goto(view.url + query);
        await use(page);
        assert.equal(errors, [], "the page threw nothing");
      } finally {
        await page.close();
        await view.close();
      }
    },
  };
}
