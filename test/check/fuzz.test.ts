/**
 * `outpost check` on broken firmware: mutations of the examples (a span
 * cut out, a span repeated, a stray character) each give diagnostics at
 * places inside the file, or a clean pass, never an exception and never
 * the lowering's "internal error". Seeded, so a failure repeats; the
 * mutants share one check (one TypeScript program), which keeps it cheap.
 * More of them: OUTPOST_FUZZ_MUTANTS=500 OUTPOST_FUZZ_SEED=7 (150 with
 * seed 777 found nothing).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadBoard } from "../../src/contract/boards.ts";
import { checkFirmware } from "../../src/toolchain/check/index.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "outpost-check-fuzz-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const MUTANTS = Number(process.env.OUTPOST_FUZZ_MUTANTS ?? 30);
const STRAY = ["{", "}", "(", ")", ";", "await ", "async ", "<", ">", "?", ":", "=>", "`", '"', "/*", "\\", "\u00e9", "\n"];

function xorshift(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x;
  };
}

function mutate(text: string, next: () => number): string {
  const at = next() % text.length;
  const span = 1 + (next() % 40);
  switch (next() % 3) {
    case 0: return text.slice(0, at) + text.slice(at + span);
    case 1: return text.slice(0, at) + text.slice(at, at + span) + text.slice(at);
    default: return text.slice(0, at) + STRAY[next() % STRAY.length] + text.slice(at);
  }
}

test(`${MUTANTS} mutants of the examples: diagnostics inside the file or none, never a crash`, () => {
  const examples = readdirSync(join(root, "examples"), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const next = xorshift(Number(process.env.OUTPOST_FUZZ_SEED ?? 0x5eed));
  const mutants: string[] = [];
  for (let i = 0; i < MUTANTS; i++) {
    const name = examples[i % examples.length]!;
    const source = readFileSync(join(root, "examples", name, "main.ts"), "utf8");
    const path = join(dir, `m${i}-${name}.ts`);
    writeFileSync(path, mutate(mutate(source, next), next));
    mutants.push(path);
  }
  const result = checkFirmware(mutants, loadBoard("sim"));
  for (const d of result.diagnostics) {
    assert.not.match(d.message, /internal error/, `${d.file}:${d.line}:${d.column}: ${d.message}`);
    const lines = readFileSync(d.file, "utf8").split("\n");
    assert.ok(d.line >= 1 && d.line <= lines.length && d.column >= 1 && d.column <= lines[d.line - 1]!.length + 1,
      `${d.file}:${d.line}:${d.column} is outside the file: ${d.message}`);
  }
  assert.ok(result.errors > MUTANTS / 2, `${result.errors} errors in ${MUTANTS} mutants`);
});

test.run();
