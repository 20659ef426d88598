/**
 * tools/write-whole.mjs, which the transpile caches (tools/ts-hooks.mjs,
 * tools/host-tree.mjs), TypeScript's code cache and the native test images
 * write through: test workers fill the same caches at once, and a reader
 * must never see part of a file (a half-written transpiled module failed to
 * load with "does not provide an export named …").
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { writeWhole } from "../../tools/write-whole.mjs";

test("a file written again and again is only ever read whole by another thread, and no partial file is left", async () => {
  const dir = mkdtempSync(join(tmpdir(), "outpost-whole-"));
  try {
    const file = join(dir, "cache", "module.js");
    const size = 4 << 20;
    // The reader counts reads that found the file but not all of it.
    const reader = new Worker(
      `const { readFileSync } = require("node:fs"); const { parentPort } = require("node:worker_threads");
       let stop = false, reads = 0, partial = 0;
       parentPort.on("message", () => { stop = true; });
       (function loop() {
         for (let i = 0; i < 50; i++) { try { const n = readFileSync(${JSON.stringify(file)}).length; reads++; if (n !== ${size}) partial++; } catch {} }
         if (stop) parentPort.postMessage({ reads, partial }); else setImmediate(loop);
       })();`,
      { eval: true },
    );
    const data = new Uint8Array(size).fill(65);
    for (let i = 0; i < 40; i++) assert.ok(writeWhole(file, data));
    reader.postMessage("stop");
    const { reads, partial } = await new Promise<{ reads: number; partial: number }>((resolve) => reader.once("message", resolve));
    await reader.terminate();
    assert.ok(reads > 0, "the reader read the file");
    assert.is(partial, 0);
    assert.equal(readdirSync(join(dir, "cache")), ["module.js"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a folder that cannot be made is reported as false, not thrown", () => {
  const dir = mkdtempSync(join(tmpdir(), "outpost-whole-"));
  try {
    assert.ok(writeWhole(join(dir, "file"), "x"));
    assert.is(writeWhole(join(dir, "file", "cache.js"), "x"), false); // "file" is a file, not a folder
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
