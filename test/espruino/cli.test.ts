/** The `outpost` command with Espruino boards: build, sim of the .js, flash (its invocation, dry-run), decode of a panic's await chain. */
import { existsSync, readFileSync, renameSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Scratch } from "../fixtures/cli.ts";

const test = suite("outpost with Espruino boards");
const s = new Scratch();
const blinky = fileURLToPath(new URL("../../examples/blinky/main.ts", import.meta.url));
const uploader = /^(npx --yes espruino@0\.1\.67|\S+ \S+espruino\S*\.js)/;
test.after(() => s.remove());

test("build writes one .js for the board and reports bytes and JsVars", async () => {
  const r = await s.run("build", blinky, "--board", "espruino-pico", "-o", "blinky.js");
  assert.is(r.code, 0, r.stderr);
  const lines = r.stdout.split("\n");
  assert.is(lines[0], "blinky.js for espruino-pico (Espruino Pico (STM32F401, Espruino 2v29): LED1 red on B2, LED2 green on B12, BTN1 on C13, Serial1 on B6/B7)");
  assert.match(lines[1]!, /^ {2}file {8}[\d,]+ bytes of JavaScript, \d+ functions$/);
  assert.match(lines[3]!, /^ {2}JsVars {6}about [\d,]+ of 5,100 resident \(\d+%\), [\d,]+ at the peak of a RAM upload: code [\d,]+, /);
  assert.match(lines[4]!, /^ {2}from flash {2}about [\d,]+ when the code runs from Storage \(outpost flash --storage\)$/);
  const js = readFileSync(s.path("blinky.js"), "utf8");
  assert.match(js, /^\/\/ Outpost firmware for Espruino Pico/);
  assert.match(js, /\n\/\/outpost:\{"abi":1,"board":"espruino-pico",/);
});

test("sim runs the .js on the board's models: LED1 blinks", () => {
  const r = s.outpost("sim", "blinky.js", "--board", "espruino-pico", "--for", "1s");
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stderr, /\[ +0\.000000\] LED1 high\n/);
  assert.match(r.stderr, /\[ +0\.500000\] LED1 low\n/);
});

test("sim refuses a .js built for another board", async () => {
  const r = await s.run("sim", "blinky.js", "--board", "puckjs");
  assert.is(r.code, 1);
  assert.is(r.stderr, 'outpost: error: blinky.js was built for board "espruino-pico", not "puckjs": leave out --board (the firmware names its board), or rebuild it with --board puckjs\n');
});

test("sim and flash take the board from the .js", async () => {
  const r = await s.run("sim", "blinky.js", "--for", "500ms");
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stderr, /\[ +0\.500000\] LED1 low\n/);
  const flash = await s.run("flash", "blinky.js", "--port", "/dev/ttyACM0", "--dry-run");
  assert.is(flash.code, 0, flash.stderr);
  assert.ok(flash.stdout.endsWith(" --port /dev/ttyACM0 --no-ble blinky.js\n"), flash.stdout);
});

test("flash --dry-run prints the uploader's invocation for RAM, --save and --storage", async () => {
  const ram = await s.run("flash", "blinky.js", "--board", "espruino-pico", "--port", "/dev/ttyACM0", "--dry-run");
  assert.is(ram.code, 0, ram.stderr);
  assert.match(ram.stdout, uploader);
  assert.ok(ram.stdout.endsWith(" --port /dev/ttyACM0 --no-ble blinky.js\n"), ram.stdout);
  const save = await s.run("flash", "blinky.js", "--board", "espruino-pico", "--port", "COM3", "--save", "--dry-run");
  assert.ok(save.stdout.endsWith(" --port COM3 --no-ble --config SAVE_ON_SEND=1 blinky.js\n"), save.stdout);
  const storage = await s.run("flash", "blinky.js", "--board", "espruino-pico", "--port", "tcp://192.168.1.5:23", "--storage", "--dry-run");
  assert.ok(storage.stdout.endsWith(" --port tcp://192.168.1.5:23 --no-ble --storage .bootcde:blinky.js\n"), storage.stdout);
  const ble = await s.run("flash", "blinky.js", "--board", "espruino-pico", "--port", "c6:a1:b2:c3:d4:e5", "--dry-run");
  assert.ok(ble.stdout.endsWith(" --port c6:a1:b2:c3:d4:e5 blinky.js\n"), ble.stdout);
  assert.is(ram.stderr + save.stderr + storage.stderr + ble.stderr, "", "blinky fits a RAM upload: nothing to say");
});

test("flash uploads a build that fits the board only from Storage to Storage, and says so; --save is warned", async () => {
  const shell = fileURLToPath(new URL("../../examples/shell/main.ts", import.meta.url));
  const build = await s.run("build", shell, "--board", "puckjs", "-o", "shell.js");
  assert.is(build.code, 0, build.stderr);
  // The figures the build reported are the ones flash goes by.
  const ram = /, ([\d,]+) at the peak of a RAM upload/.exec(build.stdout)![1];
  const flash = /from flash {2}about ([\d,]+) when the code runs from Storage \(outpost flash --storage\): upload it that way/.exec(build.stdout)![1];
  const need = `shell.js needs about ${ram} JsVars uploaded to RAM but board "puckjs" has 2,630; with its code in flash it needs about ${flash}`;
  const auto = await s.run("flash", "shell.js", "--port", "/dev/ttyACM0", "--dry-run");
  assert.is(auto.code, 0, auto.stderr);
  assert.match(auto.stdout, uploader);
  assert.ok(auto.stdout.endsWith(" --port /dev/ttyACM0 --no-ble --storage .bootcde:shell.js\n"), auto.stdout);
  assert.is(auto.stderr, `${need}: uploading to Storage (as --storage)\n`);
  const save = await s.run("flash", "shell.js", "--port", "/dev/ttyACM0", "--save", "--dry-run");
  assert.ok(save.stdout.endsWith(" --port /dev/ttyACM0 --no-ble --config SAVE_ON_SEND=1 shell.js\n"), save.stdout);
  assert.is(save.stderr, `${need}: --save uploads to RAM first and may run out; --storage fits\n`);
  const storage = await s.run("flash", "shell.js", "--port", "/dev/ttyACM0", "--storage", "--dry-run");
  assert.ok(storage.stdout.endsWith(" --storage .bootcde:shell.js\n"), storage.stdout);
  assert.is(storage.stderr, "");
});

test("flash refuses bad arguments with one message each", async () => {
  const cases: [string[], string][] = [
    [["blinky.js", "--board", "espruino-pico"], "outpost flash needs --port PORT (a serial device, a Bluetooth address or tcp://host:port): see outpost flash --help"],
    [["blinky.js", "--board", "espruino-pico", "--port", "p", "--save", "--storage"], "--save and --storage are two ways to keep the firmware: choose one: see outpost flash --help"],
    [["blinky.js", "--board", "puckjs", "--port", "p"], 'blinky.js was built for board "espruino-pico", not "puckjs": leave out --board (the firmware names its board), or rebuild it with --board puckjs'],
    [["missing.js", "--board", "espruino-pico", "--port", "p"], "cannot read firmware missing.js (no such file): build it with outpost build <entry.ts> --board espruino-pico"],
    [["missing.js", "--port", "p"], "cannot read firmware missing.js (no such file): build it with outpost build <entry.ts> --board NAME (an Espruino board)"],
    [["blinky.wasm", "--board", "wasm3-esp32", "--port", "p"], 'board "wasm3-esp32" is not an Espruino board (boards/wasm3-esp32/board.json needs family "espruino" and an "espruino" section with jsVars and serial): choose one of the espruino-* boards, puckjs or banglejs2'],
    [["notes.js", "--port", "p"], "notes.js is not an Outpost build for Espruino: build it with outpost build <entry.ts> --board NAME (an Espruino board)"],
  ];
  s.file("notes.js", "console.log('hello');\n");
  for (const [args, message] of cases) {
    const r = await s.run("flash", ...args);
    assert.is(r.code, 1, args.join(" "));
    assert.is(r.stderr, `outpost: error: ${message}\n`);
    assert.is(r.stdout, "");
  }
});

test("a panic's await chain: the glue prints site ids, outpost sim names them from the .sites.json beside the .js, and so does outpost decode", async () => {
  const entry = fileURLToPath(new URL("../firmware/async-chain.ts", import.meta.url));
  const build = await s.run("build", entry, "--board", "espruino-pico", "-o", "chain.js");
  assert.is(build.code, 0, build.stderr);
  assert.ok(existsSync(s.path("chain.sites.json")), "the build writes the site table beside the .js");
  const named = await s.run("sim", "chain.js", "--for", "1s");
  assert.is(named.code, 3);
  const chain = /^ {4}await chain: .*$/m.exec(named.stderr)?.[0];
  assert.ok(chain?.endsWith("/async-chain.ts:26:14 in readRaw"), named.stderr);
  renameSync(s.path("chain.sites.json"), s.path("kept.sites.json"));
  const ids = await s.run("sim", "chain.js", "--for", "1s");
  assert.match(ids.stderr, /\n {4}await chain: task "sampler" → await site \d+ → await site \d+ → await site \d+\n/);
  s.file("board.log", ids.stderr);
  const viaTable = await s.run("decode", "kept.sites.json", "board.log");
  assert.is(viaTable.code, 0, viaTable.stderr);
  assert.is(viaTable.stdout, named.stderr.replace(/ {4}26 \|.*\n.*\^\n/, "")); // less the source excerpt, which only a named site brings
  assert.is((await s.run("decode", "chain.js", "board.log")).stderr, "outpost: error: chain.js has no chain.sites.json beside it, so there is nothing to decode with: keep the files outpost build writes beside the firmware, or name a table\n");
  renameSync(s.path("kept.sites.json"), s.path("chain.sites.json"));
  assert.is((await s.run("decode", "chain.js", "board.log")).stdout, viaTable.stdout);
  s.file("other.log", "    await chain: task \"x\" → await site 9999\n");
  const other = await s.run("decode", "chain.js", "other.log");
  assert.is(other.code, 1);
  assert.is(other.stdout, "    await chain: task \"x\" → await site 9999?\n");
  assert.match(other.stderr, /^outpost: error: await site 9999 is not in chain\.sites\.json, which holds \d+ sites; marked await site N\? in the output: decode the log with the tables of the build that printed it\n$/);
});

test("flash without the uploader installed says how to get it", async () => {
  if (existsSync(fileURLToPath(new URL("../../node_modules/espruino/package.json", import.meta.url)))) return; // installed here: nothing to check
  const r = await s.run("flash", "blinky.js", "--board", "espruino-pico", "--port", "/dev/ttyACM0");
  assert.is(r.code, 1);
  assert.is(
    r.stderr,
    "outpost: error: the Espruino uploader is not installed: run npm install --no-save espruino@0.1.67 (it brings native serial and Bluetooth bindings), " +
      "or upload with: npx --yes espruino@0.1.67 --port /dev/ttyACM0 --no-ble blinky.js\n",
  );
});

test.run();
