/**
 * `outpost sim --watch`: runs, waits for a change to a file the firmware
 * was built from, runs again; a build error is reported and the watch goes
 * on; Ctrl-C ends it with exit code 130.
 */
import { writeWhole } from "../../tools/write-whole.mjs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Scratch } from "../fixtures/cli.ts";

const test = suite("outpost sim --watch");
const s = new Scratch();
test.after(() => s.remove());

/**
 * Saves greeting.ts whole, as most editors do (a new file renamed over it): a plain write truncates
 * first, and on a loaded machine a build that starts between the two sees an empty file and
 * reports it (then builds again at the write), which this exact transcript does not expect.
 */
const greeting = (text: string): void => void writeWhole(s.path("greeting.ts"), text);
s.file("main.ts", `import { log } from "outpost";\nimport { GREETING } from "./greeting";\n\nexport function main(): void {\n  log.info(GREETING);\n}\n`);
greeting(`export const GREETING = "hello";\n`);

const WAITING = "watch: exit code 0; waiting for a change to main.ts or 1 other file (Ctrl-C stops)\n";

test("runs, runs again after each change, reports a broken build and keeps watching, stops on Ctrl-C", async () => {
  const child = s.start("sim", "main.ts", "--for", "10ms", "--watch");
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((done) => child.on("close", (code) => done(code)));
  /** Resolves once stderr has grown to contain `count` copies of `text`. */
  const seen = async (text: string | RegExp, count = 1): Promise<void> => {
    const deadline = Date.now() + 240_000;
    const matches = (): number => (typeof text === "string" ? stderr.split(text).length - 1 : (stderr.match(new RegExp(text, "g")) ?? []).length);
    while (matches() < count) {
      if (Date.now() > deadline) throw new Error(`waited for ${String(text)} (×${count}); stderr so far:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  try {
    await seen(WAITING);
    greeting(`export const GREETING = "hello, again";\n`);
    await seen(WAITING, 2);
    greeting(`export const GREETING = ;\n`);
    await seen(/watch: exit code 1; waiting/);
    greeting(`export const GREETING = "fixed";\n`);
    await seen(WAITING, 3);
    child.kill("SIGINT");
    assert.is(await exited, 130);
  } finally {
    child.kill("SIGKILL");
  }
  const [beforeError, afterError] = stderr.split(/outpost: error: [^]*?\nwatch: exit code 1; waiting for a change to main.ts or 1 other file \(Ctrl-C stops\)\n/);
  assert.is(
    beforeError,
    "[   0.000000] info: hello\n" + WAITING + "watch: greeting.ts changed: running again\n" + "[   0.000000] info: hello, again\n" + WAITING + "watch: greeting.ts changed: running again\n",
  );
  assert.is(afterError, "watch: greeting.ts changed: running again\n" + "[   0.000000] info: fixed\n" + WAITING);
  assert.match(stderr, /outpost: error: main\.ts does not compile:\nERROR TS1109: Expression expected\.\n[^]*└─ in greeting\.ts\(1,25\)\n/);
});

test.run();
