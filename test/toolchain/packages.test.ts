/**
 * The firmware package map (src/toolchain/packages.ts): asc's names for
 * Outpost's own files, as diagnostics and panic reports show them, and the
 * source lines a panic report quotes from them (cli/source.ts).
 */
import { readFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { libraryFileLabel } from "../../src/toolchain/packages.ts";
import { findSource } from "../../src/toolchain/cli/source.ts";

test("~lib/outpost names map to repository paths for each package; other names are not Outpost's", () => {
  const labels = ["~lib/outpost/sync/channel.ts", "~lib/outpost/index.ts", "~lib/outpost/hal/uart.ts", "~lib/outpost/hal", "~lib/outpost/drivers/shell.ts", "~lib/outpost/board.ts"].map(libraryFileLabel);
  assert.equal(labels, ["src/runtime/sync/channel.ts", "src/runtime/index.ts", "hal/uart.ts", "hal/index.ts", "hal/drivers/shell.ts", "outpost/board.ts"]);
  assert.is(libraryFileLabel("~lib/rt/outpost-sealed.ts"), null);
  assert.is(libraryFileLabel("main.ts"), null);
});

test("a panic in a HAL file quotes that file's line, named by its repository path", () => {
  const line = readFileSync(new URL("../../hal/uart.ts", import.meta.url), "utf8").split("\n")[9]!;
  const source = findSource("~lib/outpost/hal/uart.ts", 10, 3);
  assert.is(source.path, "hal/uart.ts");
  assert.ok(source.excerpt.startsWith(`    10 | ${line}\n`), source.excerpt);
});

test.run();
