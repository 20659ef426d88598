/** `outpost sim --realtime`: virtual time follows the wall clock and stdin feeds the console UART. */
import { once } from "node:events";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildTestFirmware } from "../helpers/firmware.ts";
import { Scratch } from "../fixtures/cli.ts";

const test = suite("outpost sim --realtime");
const s = new Scratch();
test.after(() => s.remove());

test("a line piped 300 ms after the prompt reaches the shell at about 0.3 s of virtual time", async () => {
  s.file("shell.wasm", await buildTestFirmware("examples/shell/main.ts"));
  const started = performance.now();
  const child = s.start("sim", "shell.wasm", "--realtime", "--for", "1s");
  let stdout = "";
  let stderr = "";
  let promptAt = 0;
  child.stdout.on("data", (d: Buffer) => {
    stdout += d.toString();
    if (promptAt === 0 && stdout.includes("> ")) {
      promptAt = performance.now();
      setTimeout(() => child.stdin.end("led on\n"), 300);
    }
  });
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const [code] = (await once(child, "exit")) as [number | null];
  assert.is(code, 0, stderr);
  assert.is(stdout, "> LED1 on\r\n> ");
  const led = /\[ *(\d+\.\d{6})\] LED1 high/.exec(stderr);
  assert.ok(led, stderr);
  const at = Number(led![1]);
  assert.ok(at >= 0.3 && at < 1, `LED1 went high at ${at} s of virtual time`);
  assert.ok(performance.now() - promptAt >= 900, "the run took its 1 s of wall time");
  assert.ok(performance.now() - started < 10_000);
});

test.run();
