/**
 * Docs that run: every command line in README.md and docs/*.md is run, and
 * its output compared with what the page shows, so the docs cannot drift
 * from what Outpost does.
 *
 * What counts as a command line: each line of a ```sh block, and each line
 * starting with `$ ` in a ```console block, whose following lines (up to
 * the next `$ ` or the block's end) are the output a terminal shows (stdout
 * and stderr as they interleave). In shown output a line `...` stands for
 * any number of lines. A command is expected to exit 0, unless its line ends
 * with `# exit code N`. `outpost` is the package's command (bin/outpost.mjs,
 * as `npm link` or `npx outpost` runs it).
 *
 * Commands run in the order a page gives them, in a scratch folder that
 * links to everything in the repository but has its own build/, so what
 * they write stays there. A few cannot run inside a test; NOT_RUN lists
 * each with the reason, and a test checks the list matches the pages.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { inFolder } from "../fixtures/cli.ts";
import { buildTest } from "../helpers/firmware.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const PAGES = ["README.md", ...readdirSync(join(root, "docs")).filter((f) => f.endsWith(".md")).sort().map((f) => `docs/${f}`)];

/** Commands the pages show that no test can run here, and why. */
const NOT_RUN: Record<string, string> = {
  "npm install": "it changes node_modules/ under the running tests (.ci/run runs it first)",
  "npm test": "it would run this test inside itself (.ci/run runs it)",
  "outpost sim examples/shell/main.ts --realtime": "it reads the keyboard until Ctrl-C",
  "outpost sim examples/blinky/main.ts --for 2s --watch": "it watches for changes until Ctrl-C (test/cli/watch.test.ts runs --watch)",
  "outpost view examples/shell/main.ts": "it serves a page until Ctrl-C (the web tests run outpost view)",
  "outpost view examples/button-led/main.ts": "it serves a page until Ctrl-C (the web tests run outpost view)",
};

interface DocCommand {
  page: string;
  /** 1-based line of the command in the page. */
  line: number;
  command: string;
  /** The output shown, line by line; null when the page shows none (a ```sh block). */
  shown: string[] | null;
  exit: number;
}

/** The command lines of a page, in order. */
export function commandsOf(page: string, text: string): DocCommand[] {
  const commands: DocCommand[] = [];
  const lines = text.split("\n");
  let block: "sh" | "console" | "other" | null = null;
  for (const [i, line] of lines.entries()) {
    const fence = /^```(\w*)/.exec(line);
    if (fence) {
      block = block !== null ? null : fence[1] === "sh" ? "sh" : fence[1] === "console" ? "console" : "other";
      continue;
    }
    if (block === "sh" && line.trim() !== "") {
      // `npm install && npm start`: each command on its own, so the one a test can run is run.
      for (const part of bare(line).split(" && ")) commands.push(command(page, i + 1, part, null));
    } else if (block === "console") {
      if (line.startsWith("$ ")) commands.push(command(page, i + 1, line.slice(2), []));
      else commands.at(-1)?.shown?.push(line);
    }
  }
  return commands;
}

function command(page: string, line: number, text: string, shown: string[] | null): DocCommand {
  const exit = /#\s*exit code (\d+)\s*$/.exec(text);
  return { page, line, command: text, shown, exit: exit ? Number(exit[1]) : 0 };
}

/** The command without a trailing shell comment. */
function bare(command: string): string {
  return command.replace(/\s+#.*$/, "");
}

/** True when `actual` lines are `shown`, where a `...` line stands for any number of lines. */
export function matches(shown: string[], actual: string[]): boolean {
  const at = (s: number, a: number): boolean => {
    if (s === shown.length) return a === actual.length;
    if (shown[s] === "...") {
      for (let k = a; k <= actual.length; k++) if (at(s + 1, k)) return true;
      return false;
    }
    return a < actual.length && shown[s] === actual[a] && at(s + 1, a + 1);
  };
  return at(0, 0);
}

/**
 * The scratch folder's path: one for every page (each page gets it afresh), because a build's cache
 * key includes the working directory (its messages name files from there), so builds made for it
 * before (FIRMWARE) are the builds its commands find.
 */
const scratchParent = mkdtempSync(join(tmpdir(), "outpost-docs-"));
const scratch = join(scratchParent, "repo");

/** A folder that looks like the repository (links to each top-level entry) but has its own build/: `scratch`, made afresh. */
function scratchRepository(): string {
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch);
  for (const name of readdirSync(root)) {
    if (name === "build" || name === ".git") continue;
    symlinkSync(join(root, name), join(scratch, name));
  }
  mkdirSync(join(scratch, ".bin"));
  const shim = join(scratch, ".bin/outpost");
  writeFileSync(shim, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(join(root, "bin/outpost.mjs"))} "$@"\n`);
  chmodSync(shim, 0o755);
  return scratch;
}

const pages = PAGES.map((page) => ({ page, commands: commandsOf(page, readFileSync(join(root, page), "utf8")) }));
const test = suite("docs that run");

/**
 * The firmware the pages run, built first in this process (whose compiler is warm) from the scratch
 * folder, as the commands build it, into the build cache they read: each command then finds its build
 * instead of compiling it in a new process. A firmware missing here is only slower to run.
 */
const FIRMWARE: [entry: string, board: string][] = [
  ["examples/blinky/main.ts", "sim"],
  ["examples/blinky/main.ts", "wasm3-esp32"],
  ["examples/uart-echo/main.ts", "sim"],
  ["examples/shell/main.ts", "sim"],
  ["test/firmware/deadlock.ts", "sim"],
];
test.before(() =>
  // A worker runs one test file at a time: nothing else sees the working directory change.
  inFolder(scratchRepository(), async () => {
    for (const [entry, board] of FIRMWARE) await buildTest(join(scratch, entry), board);
  }),
);
test.after(() => rmSync(scratchParent, { recursive: true, force: true }));

test("the pages show commands, and every one this test does not run is listed with its reason", () => {
  const all = pages.flatMap((p) => p.commands.map((c) => bare(c.command)));
  assert.ok(all.length >= 10, `only ${all.length} commands found`);
  for (const listed of Object.keys(NOT_RUN)) assert.ok(all.includes(listed), `NOT_RUN lists "${listed}", which no page shows`);
});

for (const { page, commands } of pages) {
  if (commands.length === 0) continue;
  test(`${page}: every command runs as shown`, () => {
    const dir = scratchRepository();
    try {
      for (const c of commands) {
        if (bare(c.command) in NOT_RUN) continue;
        const where = `${c.page}:${c.line}: ${c.command}`;
        // On a line of its own, the command keeps its own redirections and trailing comment.
        const r = spawnSync("sh", ["-c", `{\n${c.command}\n} 2>&1`], {
          cwd: dir,
          encoding: "utf8",
          timeout: 180_000,
          env: { ...process.env, PATH: `${join(dir, ".bin")}:${process.env.PATH}`, NO_COLOR: "1" },
        });
        assert.is(r.status, c.exit, `${where}\nexited ${r.status} (${r.signal ?? "no signal"}), printed:\n${r.stdout}`);
        if (c.shown === null) continue;
        const actual = r.stdout.replace(/\n$/, "").split("\n");
        const shown = c.shown.join("\n").replace(/\n+$/, "").split("\n");
        if (!matches(shown, actual)) assert.fixture(r.stdout.replace(/\n$/, ""), shown.join("\n"), `${where}\nprints other than the page shows`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test("`...` in shown output stands for any number of lines, and only there", () => {
  assert.ok(matches(["a", "...", "d"], ["a", "b", "c", "d"]));
  assert.ok(matches(["a", "...", "b"], ["a", "b"]));
  assert.not.ok(matches(["a", "c"], ["a", "b", "c"]));
  assert.not.ok(matches(["a"], ["a", "b"]));
});

test.run();
