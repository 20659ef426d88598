/**
 * The README's picture of the page (docs/images/outpost-view.png) is made
 * by web/screenshot.ts (`npm run screenshot`): this runs the same steps on
 * a test build and checks the result is a PNG of the committed picture's size.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { SIZE, screenshot } from "../../web/screenshot.ts";
import { buildTestFirmware } from "../helpers/firmware.ts";
import { browserTests, serveFirmware } from "./serve.ts";

const test = suite("outpost view: the README screenshot");
const { it, browser } = browserTests(test, "test/browser/screenshot.test.ts");

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  assert.equal([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "a PNG signature");
  const view = new DataView(png.buffer, png.byteOffset);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

it("web/screenshot.ts drives the shell page to its pictured state and writes a PNG the size of the committed one", async () => {
  const dir = mkdtempSync(join(tmpdir(), "outpost-shot-"));
  const view = await serveFirmware(await buildTestFirmware("examples/shell/main.ts"), { name: "examples/shell/main.ts" });
  try {
    await screenshot(browser(), view.url, join(dir, "shot.png"));
    const committed = pngSize(readFileSync(new URL("../../docs/images/outpost-view.png", import.meta.url)));
    assert.equal(pngSize(readFileSync(join(dir, "shot.png"))), committed);
    assert.equal(committed, SIZE);
  } finally {
    await view.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
