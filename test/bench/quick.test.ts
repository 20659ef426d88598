/**
 * `bench/run.ts --quick`: every benchmark runs with tiny counts and the
 * driver writes its JSON. Only that it runs and what it writes are checked:
 * timings never are (they live in bench/, as ratios).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

test("bench/run.ts --quick runs every benchmark and writes one result per implementation as JSON", () => {
  const dir = mkdtempSync(join(tmpdir(), "outpost-bench-"));
  try {
    const out = join(dir, "results.json");
    const r = spawnSync(process.execPath, ["--import", "./tools/register.mjs", "bench/run.ts", "--quick", "--out", out], {
      cwd: root,
      encoding: "utf8",
    });
    assert.is(r.status, 0, r.stderr);
    const results = JSON.parse(readFileSync(out, "utf8")) as Record<string, unknown>[];
    const names = new Set(results.map((x) => x.benchmark));
    assert.equal([...names].sort(), ["check", "fuzz", "gpio-edge", "memory", "page-speed", "ping-pong", "ping-pong-async", "rebuild", "sim-speed", "timer-storm", "uart", "watchdog", "yield"]);
    for (const x of results) {
      assert.type(x.impl, "string");
      assert.ok(typeof x.ns_per_op === "number" && x.ns_per_op > 0 && Number.isFinite(x.ns_per_op), JSON.stringify(x));
    }
    const pingPong = results.filter((x) => x.benchmark === "ping-pong").map((x) => x.impl);
    assert.equal(pingPong.sort(), ["direct", "outpost", "promises"]);
    assert.match(r.stdout, /^benchmark +impl +ns\/op +vs peer/);
    assert.match(r.stderr, /devicescript peer skipped: not run with --quick/);
    assert.match(r.stderr, /page-speed: the page skipped: not run with --quick/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
