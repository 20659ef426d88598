/**
 * Conformance (hosts.ts): every test firmware's default build for the sim
 * board, run for 2 s with no input, gives one transcript on the simulator
 * and on the C host. The list is long (a C host image each), so it is
 * dealt over firmware-1.test.ts and firmware-2.test.ts, which `npm test`
 * runs on different workers: together they cover every firmware once.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import { buildTestImage, missingNativeTools } from "../helpers/native.ts";
import { onCHost, onSim, same } from "./hosts.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Not firmware on its own (a library), or a build that fails on purpose (test/cli tests its error). */
const NOT_RUNNABLE = ["async-modules-lib.ts", "bad-pin.ts"];
const firmwares = readdirSync(join(root, "test/firmware")).filter((f) => f.endsWith(".ts") && !NOT_RUNNABLE.includes(f)).sort();

/** Runs the cases of every `parts`-th firmware of the sorted list, from the `part`-th (0-based). */
export function runFirmwareCases(part: number, parts: number): void {
  const test = suite(`conformance: test firmware on the simulator and the C host (part ${part + 1} of ${parts})`);
  const cMissing = missingNativeTools("posix");
  for (const file of firmwares.filter((_, i) => i % parts === part)) {
    const entry = `test/firmware/${file}`;
    const title = `sim: ${entry}: sim = c-host${cMissing ? ` (skipped: ${cMissing})` : ""}`;
    (cMissing ? test.skip : test)(title, async () => {
      const image = await buildTestImage(entry, "sim", "posix", {});
      const sim = await onSim(image.wasm, "sim", ["--for", "2s"]);
      same("the C host", onCHost(image.path, "sim", ["--for", "2s"]), sim);
    });
  }
  test.run();
}
