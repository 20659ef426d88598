/**
 * Expected await-chain steps, read from a test firmware's source rather
 * than written as numbers: `siteAt(path, "await sample(i)", "await", "task
 * sampler")` is `path:line:col in task sampler`, the line holding the text
 * and the column of the word (an `await` or a `throw`) from there, as the
 * site table names it. Used by test/lower/chains.test.ts and the
 * conformance suite's await chains.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const sources = new Map<string, string[]>();

/** `path:line:col in fn` of the first `word` at or after `text` on the line holding `text` (path relative to the repository root). */
export function siteAt(path: string, text: string, word: string, fn: string): string {
  let lines = sources.get(path);
  if (!lines) {
    lines = readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), "utf8").split("\n");
    sources.set(path, lines);
  }
  const line = lines.findIndex((l) => l.includes(text));
  if (line < 0) throw new Error(`${path} has no line holding ${JSON.stringify(text)}`);
  return `${path}:${line + 1}:${lines[line]!.indexOf(word, lines[line]!.indexOf(text)) + 1} in ${fn}`;
}

/** `task "name" → step → step …`: a chain as every host prints it once its sites are named. */
export function chainText(task: string, ...steps: string[]): string {
  return [`task "${task}"`, ...steps].join(" → ");
}
