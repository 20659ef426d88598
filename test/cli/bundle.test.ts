import { execFileSync, spawnSync } from "node:child_process";
import { test } from "uvu";
import * as assert from "uvu/assert";

// The bundle (npm run build → dist/) must behave exactly like the sources
// run through the TypeScript loader.
test("the rollup bundle lists boards and simulates exactly like the sources", () => {
  execFileSync(process.execPath, ["node_modules/rollup/dist/bin/rollup", "-c", "--silent"], { stdio: "pipe" });
  const viaSources = spawnSync(process.execPath, ["bin/outpost.mjs", "boards"], { encoding: "utf8" });
  const viaBundle = spawnSync(process.execPath, ["dist/outpost.mjs", "boards"], { encoding: "utf8" });
  assert.is(viaBundle.status, 0, viaBundle.stderr);
  assert.is(viaBundle.stdout, viaSources.stdout);

  const sim = (bin: string) =>
    spawnSync(process.execPath, [bin, "sim", "examples/blinky/main.ts", "--for", "1s"], { encoding: "utf8" });
  const a = sim("bin/outpost.mjs");
  const b = sim("dist/outpost.mjs");
  assert.is(b.status, 0, b.stderr);
  assert.is(b.stderr, a.stderr);
  assert.ok(b.stderr.includes("[   1.000000] LED1 high"), b.stderr);
});

test.run();
