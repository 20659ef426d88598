/**
 * Builds in one process (src/toolchain/parse-cache.ts keeps asc's parse of
 * each file for the next build): a build made from kept parses is the build
 * made from none, byte for byte, and so is a build made while another runs
 * beside it: binaryen's settings are global to the process, and a debug
 * build beside a release build once left its names in the release build
 * (here, what another build does to them is done between every two steps
 * of the release build).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadBoard } from "../../src/contract/boards.ts";
import { type CompileResult, compileFirmware } from "../../src/toolchain/compile.ts";
import { clearParseCache } from "../../src/toolchain/parse-cache.ts";
import { defaultSettings, loadBinaryen } from "../../src/toolchain/wasm/binaryen.ts";

const root = new URL("../../", import.meta.url).pathname;
const release = { entry: root + "examples/blinky/main.ts", board: loadBoard("wasm3-esp32"), release: true };

/** What a build gives its caller, with the module as bytes to compare. */
function seen(r: CompileResult): unknown {
  return { ...r, wasm: [...r.wasm] };
}

test("a build from kept parses, and one made while another build changes binaryen's settings, are the build made from fresh parses", async () => {
  clearParseCache();
  const fresh = seen(await compileFirmware(release));
  assert.equal(seen(await compileFirmware(release)), fresh, "a second build, from kept parses");
  const b = await loadBinaryen();
  // Between every two steps of the build, as another build's would (a debug build's asc sets debugInfo).
  let building = true;
  let turns = 0;
  const meddle = (): void => {
    b.setDebugInfo(true);
    b.setShrinkLevel(0);
    if (building && ++turns < 100_000) queueMicrotask(meddle);
  };
  meddle();
  const meddled = await compileFirmware(release).finally(() => (building = false));
  defaultSettings(b);
  assert.equal(seen(meddled), fresh, "a build while binaryen's settings change under it");
});

test("an error in a file is reported again by the next build of it", async () => {
  const entry = root + "test/firmware/bad-pin.ts";
  const message = async (): Promise<string> => {
    try {
      await compileFirmware({ entry, board: loadBoard("sim") });
      return "built";
    } catch (e) {
      return (e as Error).message;
    }
  };
  const first = await message();
  assert.match(first, /bad-pin\.ts/);
  assert.is(await message(), first);
});

test.run();
