/**
 * The browser tests' fixtures: a view server for a firmware, in this
 * process (the same ViewServer and page `outpost view` serves, without a
 * process per firmware), and `it`, which registers a test, or skips it with
 * the reason in its name and one line on stderr when Chromium is missing.
 *
 *   const view = await serveFirmware(await buildTest("examples/blinky/main.ts"), { name: "blinky.wasm" });
 *   await page.goto(view.url + "?speed=paused");
 *   ...
 *   await view.close();
 */
import type { Test } from "uvu";
import { loadBoard } from "../../src/contract/boards.ts";
import type { SiteInfo } from "../../sim/index.ts";
import { type PageFile, pageFiles } from "../../src/toolchain/cli/view-page.ts";
import { ViewServer } from "../../src/toolchain/cli/view-server.ts";
import { skipReason } from "./chromium.ts";

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

/** `test(name, fn)`, or a skip named for why when Chromium is not installed. */
export function browserTests(test: Test, file: string): (name: string, fn: () => Promise<void>) => void {
  if (skipReason) process.stderr.write(`${file}: every test skipped${skipReason}\n`);
  return (name, fn) => (skipReason ? test.skip(`${name}${skipReason}`, fn) : test(name, fn));
}
