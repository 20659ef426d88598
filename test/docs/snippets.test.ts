/**
 * Code the docs quote from a tested file: a fenced block right after a line
 * `<!-- quoted from PATH -->` must appear in PATH, line for line (leading
 * spaces aside), so the page cannot show code that does not compile or
 * does something else. The select/join results pattern (README.md,
 * hal/README.md) is quoted from test/firmware/async-results.ts, which runs
 * here; tsc -p types checks it against the editor typings.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { lines, simulate } from "../helpers/simulate.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const PAGES = ["README.md", "hal/README.md", "docs/scenarios.md", "docs/debugging.md"];

interface Quote {
  page: string;
  line: number;
  from: string;
  code: string[];
}

function quotesOf(page: string): Quote[] {
  const text = readFileSync(join(root, page), "utf8").split("\n");
  const quotes: Quote[] = [];
  text.forEach((line, i) => {
    const m = /^<!-- quoted from (\S+) -->$/.exec(line);
    if (!m) return;
    assert.match(text[i + 1] ?? "", /^```/, `${page}:${i + 1}: a quote marker must be followed by a code block`);
    const end = text.indexOf("```", i + 2);
    quotes.push({ page, line: i + 1, from: m[1]!, code: text.slice(i + 2, end) });
  });
  return quotes;
}

const trimmed = (lines: string[]): string[] => lines.map((l) => l.trim());
const test = suite("quoted code");

test("every quoted block appears in its file, line for line", () => {
  const quotes = PAGES.flatMap(quotesOf);
  assert.ok(quotes.some((q) => q.page === "README.md") && quotes.some((q) => q.page === "hal/README.md"), "README.md and hal/README.md quote the results pattern");
  for (const q of quotes) {
    const source = trimmed(readFileSync(join(root, q.from), "utf8").split("\n")).join("\n");
    assert.ok(source.includes(trimmed(q.code).join("\n")), `${q.page}:${q.line} quotes lines that ${q.from} does not have:\n${q.code.join("\n")}`);
  }
});

test("the quoted firmware reads each winner's result and both results of a join", async () => {
  const sim = await simulate("test/firmware/async-results.ts");
  sim.uart("UART0").send("h", { at: 0 });
  sim.runFor("300ms");
  assert.is(sim.panic, null);
  assert.equal(lines(sim), ["87 received bytes: 1", "3000 read 30", "8000 timed out", "12000 sum 60", "100087 nothing within 100 ms"]);
});

test.run();
