/**
 * `outpost view` as a command: it prints its URL on stdout, serves the page,
 * the session and the firmware on 127.0.0.1 only, stops on Ctrl-C with 130,
 * and refuses bad input with one line and exit 1 before serving anything.
 * (The page itself is tested in headless Chromium: test/browser/.)
 */
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { request } from "node:http";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Scratch } from "../fixtures/cli.ts";

const test = suite("outpost view");
const s = new Scratch();
test.after(() => s.remove());

/** GET `path` with the Host header given (default: the server's own address). */
function get(port: number, path: string, host = `127.0.0.1:${port}`): Promise<{ status: number; type: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers: { host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, type: String(res.headers["content-type"]), body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("serves the page, the session and the firmware at the URL it prints, and stops on Ctrl-C with 130", async () => {
  const wasm = s.firmware("blinky");
  const child = s.start("view", wasm, "--port", "0");
  try {
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    // stdout and stderr are two pipes: wait for a line on each.
    while (!(stdout.includes("\n") && stderr.includes("\n")) && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
    const url = /^http:\/\/127\.0\.0\.1:(\d+)\/\n$/.exec(stdout);
    assert.ok(url, `stdout: ${stdout}\nstderr: ${stderr}`);
    const port = Number(url![1]);
    assert.is(stderr, "outpost view: blinky.wasm on board sim; open the URL above, Ctrl-C stops\n");

    const page = await get(port, "/");
    assert.is(page.status, 200);
    assert.match(page.body.toString(), /<script type="module" src="app\.js"><\/script>/);
    assert.is((await get(port, "/app.js")).type, "text/javascript; charset=utf-8");
    const session = JSON.parse((await get(port, "/session.json")).body.toString());
    assert.equal([session.name, session.board.name, session.build], ["blinky.wasm", "sim", 1]);
    const firmware = await get(port, "/firmware?build=1");
    assert.equal([firmware.type, firmware.body.equals(readFileSync(s.path(wasm)))], ["application/wasm", true]);
    assert.is((await get(port, "/", `evil.example:${port}`)).status, 403, "a name other than its loopback address is refused");
    assert.is((await get(port, "/source?file=/etc/passwd&line=1&column=1")).status, 400, "only .ts sources are read");
    assert.is((await get(port, "/nothing")).status, 404);

    child.kill("SIGINT");
    const [code] = (await once(child, "exit")) as [number | null];
    assert.is(code, 130);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL"); // a failed assertion leaves no server running
  }
});

test("bad input is one line on stderr and exit 1, before anything is served", async () => {
  s.file("notes.wasm", "these are notes, not a firmware");
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
  const busy = (blocker.address() as { port: number }).port;
  try {
    const cases: [string[], string][] = [
      [[], "outpost: error: outpost view needs a firmware (.wasm, .js) or an entry (.ts): see outpost view --help\n"],
      [["missing.wasm"], "outpost: error: cannot read firmware missing.wasm (no such file): build it with outpost build, or pass an entry .ts\n"],
      [[s.firmware("blinky"), "--port", "http"], 'outpost: error: bad --port "http": give a number from 1 to 65535, or 0 for any free port\n'],
      [[s.firmware("blinky"), "--port", "70000"], 'outpost: error: bad --port "70000": give a number from 1 to 65535, or 0 for any free port\n'],
      [[s.firmware("blinky"), "--watch"], "outpost: error: --watch rebuilds an entry .ts when it is saved, and blinky.wasm is a built firmware: pass its entry .ts: see outpost view --help\n"],
      [[s.firmware("blinky"), "--board", "nope"], /^outpost: error: unknown board "nope": choose one of .* \(outpost boards lists them\)\n$/.source],
      [[s.firmware("blinky"), "--port", String(busy)], `outpost: error: port ${busy} on 127.0.0.1 is in use: pass another with --port N (0 picks a free one)\n`],
    ];
    for (const [args, expected] of cases) {
      const r = s.outpost("view", ...args);
      assert.is(r.code, 1, `${args.join(" ")}: ${r.stderr}`);
      assert.is(r.stdout, "");
      if (expected.startsWith("^")) assert.match(r.stderr, new RegExp(expected));
      else assert.is(r.stderr, expected);
    }
    const notFirmware = s.outpost("view", "notes.wasm");
    assert.equal([notFirmware.code, notFirmware.stdout], [1, ""]);
    assert.match(notFirmware.stderr, /^outpost: error: notes\.wasm .*\n$/);
  } finally {
    blocker.close();
  }
});

test("random bytes given as a firmware are refused with exit 1, never an internal error", () => {
  let seed = 7;
  const next = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
  for (let i = 0; i < 3; i++) {
    const bytes = Uint8Array.from({ length: 16 + 40 * i }, next);
    if (i === 1) bytes.set([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]); // a Wasm header with garbage after it
    const r = s.outpost("view", s.file(`random${i}.wasm`, bytes), "--port", "0");
    assert.is(r.code, 1, r.stderr);
    assert.match(r.stderr, /^outpost: error: random\d\.wasm [^\n]*\n$/);
  }
});

test.run();
