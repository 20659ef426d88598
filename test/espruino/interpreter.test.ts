/**
 * Espruino builds on a real Espruino interpreter: the Linux builds that
 * OUTPOST_ESPRUINO names (boards/espruino/README.md, "Measuring on a real
 * interpreter"). Without one every case is skipped, saying so in its name.
 * CI has none (it cannot fetch Espruino's source); the simulator's
 * Espruino host, which every other test uses, is held to what these see.
 *
 * Per interpreter: uart-echo echoes every byte value unchanged (also on a
 * build with Unicode support, where the indexing echo the simulator models
 * for `unicode` boards garbles them exactly as the simulator says); traps
 * and panic texts read as on the simulator's hosts; a panic's await chain,
 * printed as site ids, names the sites the simulator names; uart-echo runs from
 * Storage. On a build with Puck.js-sized (13-byte) JsVars: every example's
 * resident and upload-peak estimates are upper bounds of what it measures,
 * and not more than a third above.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Simulator } from "../../sim/index.ts";
import { loadBoard } from "../../src/contract/boards.ts";
import { type EspruinoBuild, compileEspruino } from "../../src/toolchain/espruino/bundle.ts";
import { echoBytes, peak, resident } from "../helpers/espruino-harness.ts";
import { NO_INTERPRETER, interpretersFromEnv, runOnInterpreter } from "../helpers/espruino-interpreter.ts";
import { chainText, siteAt } from "../helpers/source-sites.ts";
import { decodeChainSites } from "../../sim/sites.ts";
import { formatChain } from "../../src/toolchain/cli/inspect.ts";
import { asBuild } from "../helpers/espruino-script.ts";
import { buildTest } from "../helpers/firmware.ts";

const test = suite("espruino builds on a real interpreter");
const BOARD = "puckjs";
const board = loadBoard(BOARD);
const roomy = { ...board, espruino: { ...board.espruino!, jsVars: 1e9 } }; // budgets are what the JsVar case measures
const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);
const INDEXING_ECHO = 'Serial1.setup(115200); Serial1.on("data", function (d) { var s = ""; for (var i = 0; i < d.length; i++) s += d[i]; Serial1.write(s); });\n';

/** The example as `outpost build` makes it (with its literal table, G_lit). */
async function bundle(example: string): Promise<EspruinoBuild> {
  const { wasm, text } = await buildTest(`examples/${example}/main.ts`, BOARD);
  return compileEspruino(wasm, roomy, `${example}.js`, { text });
}
const js = async (example: string): Promise<string> => (await bundle(example)).js;

/** What the simulated Espruino host echoes for the indexing script on a board with or without Unicode support. */
async function simulatedIndexingEcho(unicode: boolean, input: Uint8Array): Promise<number[]> {
  const name = unicode ? "banglejs2" : BOARD;
  const sim = await Simulator.load(asBuild(INDEXING_ECHO, name), { board: name, name: "echo.js" });
  sim.uart("UART0").send(input, { at: 1000 });
  sim.runFor("100ms");
  return Array.from(sim.uart("UART0").bytes);
}

const interpreters = interpretersFromEnv();
if (interpreters.length === 0) test.skip(`every case (${NO_INTERPRETER})`, () => {});

for (const interp of interpreters) {
  const tag = `${interp.path.split("/").pop()} (${interp.unicode ? "Unicode" : "no Unicode"}, ${interp.blockSize}-byte JsVars)`;

  test(`${tag}: uart-echo echoes all 256 byte values unchanged (fed as Espruino hands them on, a chunk at a time)`, async () => {
    const { bytes, output } = await echoBytes(interp, await js("uart-echo"), ALL_BYTES);
    assert.equal(Array.from(bytes), Array.from(ALL_BYTES), output);
  });

  test(`${tag}: a script that takes bytes by index echoes what the simulator says it does on such a board`, async () => {
    const input = Uint8Array.of(0x41, 0x80, 0xe9, 0xff);
    const { bytes } = await echoBytes(interp, INDEXING_ECHO, input);
    assert.equal(Array.from(bytes), await simulatedIndexingEcho(interp.unicode, input));
  });

  test(`${tag}: uart-echo runs from Storage`, async () => {
    const { bytes, output } = await echoBytes(interp, await js("uart-echo"), Uint8Array.of(1, 2, 0x80), "storage");
    assert.equal(Array.from(bytes), [1, 2, 0x80], output);
  });

  test(`${tag}: traps and panics print what the simulator's Espruino host reads`, async () => {
    const { wasm, text } = await buildTest("test/firmware/espruino-traps.ts", BOARD);
    const { js: traps } = await compileEspruino(wasm, roomy, "traps.js", { text });
    const line = async (byte: string): Promise<string> => {
      const { output } = await echoBytes(interp, traps, new TextEncoder().encode(byte));
      const found = output.split(/\r?\n/).find((l) => /^(TRAP|PANIC) /.test(l)) ?? output;
      return Buffer.from(found, "latin1").toString("utf8"); // the interpreter prints UTF-8 bytes
    };
    assert.is(await line("d"), 'TRAP "probe": divide by zero');
    assert.is(await line("R"), 'TRAP "probe": remainder by zero');
    assert.is(await line("O"), 'TRAP "probe": divide result unrepresentable');
    assert.is(await line("f"), 'TRAP "probe": float unrepresentable in integer range');
    const sim = await Simulator.load(traps, { board: BOARD });
    sim.uart("UART0").send("p", { at: 1000 });
    sim.runFor("50ms");
    const p = sim.panic!;
    assert.match(await line("p"), new RegExp(`^PANIC \\d+ "${p.task}" ${p.file.replace(/[.\\/]/g, "\\$&")}:${p.line}:${p.column}: ${p.message.replace(/[()[\]{}.*+?^$|\\]/g, "\\$&")}$`));
  });

  /** The await chain line the glue prints under a panic, as the interpreter printed it (site ids). */
  const printedChain = async (js: string): Promise<string> => {
    // The panic stops every timer and nothing reports after it: the run ends at the chain's line.
    const { output } = await runOnInterpreter(interp, { console: js, until: /^ {4}await chain: / });
    return Buffer.from(output, "latin1").toString("utf8").split(/\r?\n/).find((l) => l.startsWith("    await chain: ")) ?? output;
  };

  test(`${tag}: a panic prints its await chain as site ids, which outpost decode names as the simulator's Espruino host does`, async () => {
    const entry = "test/firmware/async-chain.ts";
    const { wasm, text, sites } = await buildTest(entry, BOARD);
    const { js: chain } = await compileEspruino(wasm, roomy, "chain.js", { text });
    const printed = await printedChain(chain);
    assert.match(printed, /^ {4}await chain: task "sampler"( → await site \d+){3}$/);
    const want = chainText("sampler", siteAt(entry, "await sample(i)", "await", "task sampler"), siteAt(entry, "await readRaw(n)", "await", "sample"), siteAt(entry, "throw new SensorError()", "throw", "readRaw"));
    assert.is(decodeChainSites(printed, sites!), `    await chain: ${want}`);
    const sim = await Simulator.load(chain, { board: BOARD, name: "chain.js", sites });
    sim.runFor("1s");
    assert.is(formatChain(sim.tasks().find((t) => t.name === "sampler")!), want);
  });

  test(`${tag}: the chain of a task stopped while it runs (a pin written before it is configured) is the one the simulator's Espruino host reads`, async () => {
    // Read through outpost_task_chain, whose walk is a switch with a do … while in a case after a break:
    // bare, Espruino ran on from it and the walk never left the innermost frame (16 sites, CHAIN_MAX).
    const entry = "test/firmware/async-chain-fault.ts";
    const { wasm, text, sites } = await buildTest(entry, BOARD);
    const { js } = await compileEspruino(wasm, roomy, "fault.js", { text });
    const printed = await printedChain(js);
    const sim = await Simulator.load(js, { board: BOARD, name: "fault.js", sites });
    sim.runFor("1s");
    const want = chainText("poker", siteAt(entry, "await reach()", "await", "task poker"), siteAt(entry, "await poke()", "await", "reach"), siteAt(entry, "await Timer.after(Duration.millis(5));", "await", "poke") /* the first, in poke */);
    assert.is(formatChain(sim.tasks().find((t) => t.name === "poker")!), want);
    assert.is(decodeChainSites(printed, sites!), `    await chain: ${want}`);
  });

  test(`${tag}: Espruino still runs on from a bare do … while that a break skipped (which the translation braces), and skips a braced one`, async () => {
    // Each function returns what V8 returns only in its braced form; `bare` records what this interpreter gives.
    const cases = [
      ["in a later case", "switch(x){case 1:c=1;break;case 2:DO c+=100}"],
      ["in the same case, after a break", "switch(x){case 1:if(x)break;DO c+=100}"],
      ["as an else branch", "switch(x){case 1:c=1;break;case 2:if(c)c=3;else DO c+=100}"],
    ];
    const body = (shape: string, braced: boolean): string => shape.replace("DO", braced ? "{do c+=10;while(0)}" : "do c+=10;while(0);");
    const script = cases.map(([, shape], i) => `function b${i}(x){var c=0;${body(shape!, false)}return c}function k${i}(x){var c=0;${body(shape!, true)}return c}`).join("\n");
    const report = `console.log("@@quirk "+JSON.stringify([${cases.map((_, i) => `[b${i}(1),k${i}(1)]`).join(",")}]));\n`;
    const { reports } = await runOnInterpreter(interp, { console: `E.setFlags({pretokenise:1});\n${script}\n${report}`, until: "quirk" });
    const v8 = new Function(`${script}; return [${cases.map((_, i) => `[b${i}(1),k${i}(1)]`).join(",")}];`)() as number[][];
    assert.equal(v8, [[1, 1], [0, 0], [1, 1]]);
    assert.equal(reports.find((r) => r.name === "quirk")?.value, [[101, 1], [100, 0], [101, 1]], cases.map(([name]) => name).join(", "));
  });

  if (interp.blockSize === 13) {
    for (const example of ["blinky", "uart-echo", "button-led", "shell"]) {
      test(`${tag}: ${example}'s JsVar estimates bound what it needs resident, during a RAM upload and from Storage`, async () => {
        const build = await bundle(example);
        const e = build.estimate;
        const started = (out: string): boolean => !/PANIC|TRAP|Error|error/.test(out);
        // Measured with the fake Serial1 in front (a few JsVars more) and the Linux build's own baseline, which is smaller than a board's (the estimate's system term, 150).
        const within = (estimate: number, actual: number, what: string): void =>
          assert.ok(estimate >= actual && estimate <= actual * 1.34 + 40, `${what}: estimated ${estimate}, measured ${actual}`);
        const fromFlash = await peak(interp, build.js, "storage", started);
        assert.ok(fromFlash !== null, "it does not start from Storage");
        within(e.fromFlash, fromFlash, "peak from Storage");
        const ram = await peak(interp, build.js, "console", started);
        if (ram === null) {
          assert.ok(e.total > interp.total, `it does not fit a RAM upload, yet the estimate says ${e.total} of ${interp.total}`);
        } else {
          within(e.resident, (await resident(interp, build.js, "console")).vars, "resident");
          within(e.total, ram, "peak during a RAM upload");
        }
      });
    }
  } else {
    test.skip(`${tag}: JsVar estimates (skipped: needs a build with Puck.js-sized 13-byte JsVars)`, () => {});
  }
}

test.run();
