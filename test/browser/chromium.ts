/**
 * Headless Chromium for the browser tests, the screenshot script and the
 * page benchmark: Debian's `chromium` package (never a downloaded browser),
 * driven by playwright-core. `.ci/run` installs it; without it the browser
 * tests are skipped with their names saying so.
 *
 *   const browser = await launchChromium();          // null when not installed
 *   const page = await browser.newPage();
 *   await browser.close();                           // and its profile folder goes
 *
 * OUTPOST_CHROMIUM names another executable (and only it is tried).
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";

const CANDIDATES = process.env.OUTPOST_CHROMIUM ? [process.env.OUTPOST_CHROMIUM] : ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

/** The Chromium executable, or null when none is installed. */
export const chromiumPath: string | null = CANDIDATES.find((p) => existsSync(p)) ?? null;

/** Why browser tests are skipped, for their names: "" when Chromium is there. */
export const skipReason = chromiumPath ? "" : " (skipped: chromium is not installed; apt-get install chromium)";

const FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync",
];

export interface Chromium {
  newPage(): Promise<Page>;
  /** Closes the browser, then removes its profile folder. */
  close(): Promise<void>;
}

/** A fresh browser with its own profile folder; null when Chromium is not installed. */
export async function launchChromium(): Promise<Chromium | null> {
  if (!chromiumPath) return null;
  const { chromium } = await import("playwright-core");
  const profile = mkdtempSync(join(tmpdir(), "outpost-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  return {
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}
