/**
 * The simulator's Espruino host (sim/espruino/) with hand-written scripts:
 * Espruino's globals and nothing Espruino lacks, timers and watches in
 * virtual time, serial devices on the UART models, and how a script's
 * panic, trap or uncaught exception stops it.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Simulator } from "../../sim/index.ts";
import { asBuild } from "../helpers/espruino-script.ts";

const test = suite("espruino host");
const load = (script: string): Promise<Simulator> => Simulator.load(asBuild(script), { board: "espruino-pico", name: "test.js" });
const texts = (sim: Simulator): string[] => sim.logs.map((l) => `${l.at} ${l.level} ${l.text}`);

test("a script sees Espruino's globals and not what Espruino lacks", async () => {
  const sim = await load(
    'console.log("info: " + [typeof Map, typeof Set, typeof Symbol, typeof Proxy, typeof Math.imul, typeof Math.trunc, ' +
      "typeof Uint8Array.prototype.copyWithin, typeof Math.floor, typeof Uint8Array, typeof DataView, typeof getTime, typeof setWatch, " +
      "typeof Serial1.setup, typeof USB, typeof E.toUint8Array, String(LED1), LED1 === B2, typeof global].join(','));",
  );
  assert.equal(texts(sim), [
    "0 3 undefined,undefined,undefined,undefined,undefined,undefined,undefined,function,function,function,function,function,function,object,function,B2,true,object",
  ]);
});

test("timers run in virtual time, intervals repeat, clearTimeout() with no id clears them all", async () => {
  const sim = await load(
    'pinMode(LED1, "output"); var on = 0;' +
      "var i = setInterval(function () { on = !on; digitalWrite(LED1, on); }, 250);" +
      "setTimeout(function () { clearTimeout(); }, 1100);",
  );
  sim.runFor("3s");
  assert.equal(sim.pin("LED1").history.map((c) => `${c.at}:${c.level}`), ["250000:1", "500000:0", "750000:1", "1000000:0"]);
});

test("clearTimeout of an unknown id throws, as on Espruino", async () => {
  const sim = await load('try { clearTimeout(99); } catch (e) { console.log("info: " + e.message); }');
  assert.equal(texts(sim), ["0 3 Unknown Timeout"]);
});

test("setWatch hears the button's edges with Espruino's event object", async () => {
  const sim = await load(
    'pinMode(BTN1, "input_pulldown");' +
      'setWatch(function (e) { console.log("info: " + e.state + " " + e.time + " " + e.lastTime); }, BTN1, { repeat: true, edge: "both", debounce: 0 });' +
      'setWatch(function (e) { console.log("info: once " + e.state); }, BTN1, { edge: "rising" });',
  );
  sim.button("BTN1").bounceMs = 0;
  sim.button("BTN1").tap("1s", "500ms");
  sim.runFor("2s");
  assert.equal(texts(sim), ["1000000 3 true 1 1", "1000000 3 once true", "1500000 3 false 1.5 1"]);
});

test("Serial1 is UART0: setup claims its pins, data arrives as strings, write transmits", async () => {
  const sim = await load('Serial1.setup(115200, { tx: B6, rx: B7 }); Serial1.on("data", function (d) { Serial1.write(d.toUpperCase()); });');
  sim.uart("UART0").send("abc", { at: 1000 });
  sim.runFor("10ms");
  assert.is(sim.uart("UART0").output, "ABC");
  assert.is(sim.uart("UART0").baud, 115200);
  assert.is(sim.pin("B6").mode, "UART");
});

test("a PANIC line from the glue stops the firmware with the panic it names", async () => {
  const sim = await load('setTimeout(function () { console.log("PANIC 2 \\"blink\\" main.ts:12:3: pool full"); }, 5);');
  sim.runFor("1s");
  assert.equal(sim.panic, { code: "POOL_FULL", message: "pool full", file: "main.ts", line: 12, column: 3, task: "blink", at: 5000 });
});

test("an exception that escapes a callback stops the firmware as a trap", async () => {
  const sim = await load("setTimeout(function () { null.x = 1; }, 7);");
  sim.runFor("1s");
  assert.is(sim.panic?.code, "TRAP");
  assert.is(sim.panic?.at, 7000);
  assert.match(sim.panic!.message, /^uncaught exception in the Espruino script: Cannot set properties of null/);
});

test("a script without the manifest line is refused", async () => {
  try {
    await Simulator.load(new TextEncoder().encode("var x = 1;\n"), { board: "espruino-pico", name: "x.js" });
    assert.unreachable("loaded");
  } catch (e) {
    assert.match((e as Error).message, /^x\.js is not a WebAssembly module/);
  }
});

test.run();
