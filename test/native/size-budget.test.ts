/**
 * The native images' own targets (issue 16), on mps2-an385, for the user
 * image `outpost build --board mps2-an385` makes (no test channel): blinky
 * in 12 KB of flash and 4 KB of RAM, uart-echo in 16 KB and 5 KB. RAM is
 * static data (.data + .bss: the firmware's backed memory, the host's and
 * the platform's state) plus the C stack's peak, measured by a 3-second run
 * on QEMU (`outpost run --stack-report`). A change that makes either image
 * bigger than its target fails here with both numbers.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { imageFlash, imageSections } from "../../src/toolchain/cli/build-native.ts";
import { onQemu } from "../conformance/hosts.ts";
import { buildTestImage, missingNativeTools } from "../helpers/native.ts";

const BOARD = "mps2-an385";
const TARGETS: Record<string, { flash: number; ram: number }> = {
  "examples/blinky/main.ts": { flash: 12_288, ram: 4_096 },
  "examples/uart-echo/main.ts": { flash: 16_384, ram: 5_120 },
};
const missing = missingNativeTools("user");

for (const [entry, target] of Object.entries(TARGETS)) {
  const name = `${entry}'s user image fits ${target.flash} bytes of flash and ${target.ram} of RAM on ${BOARD}`;
  (missing ? test.skip : test)(missing ? `${name} (skipped: ${missing})` : name, async () => {
    const image = (await buildTestImage(entry, BOARD, "user")).path;
    const sections = imageSections(image);
    const flash = imageFlash(sections);
    const run = await onQemu(image, ["--for", "3s", "--stack-report"]);
    const peak = /mps2: C stack peak (\d+) bytes/.exec(run.lines.join("\n"));
    assert.ok(peak, `${entry}: no stack report in\n${run.lines.join("\n")}`);
    const ram = (sections.get(".data") ?? 0) + (sections.get(".bss") ?? 0) + Number(peak![1]);
    assert.ok(flash <= target.flash, `${entry}: ${flash} bytes of flash, target ${target.flash}`);
    assert.ok(ram <= target.ram, `${entry}: ${ram} bytes of RAM, target ${target.ram}`);
  });
}

test.run();
