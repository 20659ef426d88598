/**
 * Every example runs both ways on an Espruino board: as Wasm in the
 * simulator's Wasm host, and translated to JavaScript (what `outpost build
 * --board espruino-pico` writes) in its Espruino host. Same board models,
 * same stimuli; UART output, pin traces, logs, panics and task states must
 * be identical, to the microsecond.
 *
 * The examples are whatever examples/*\/main.ts exist when the test runs.
 * The JsVar budget is lifted here (the translation is what is compared);
 * size.test.ts checks budgets.
 */
import { readdirSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Simulator } from "../../sim/index.ts";
import { loadBoard } from "../../src/contract/boards.ts";
import { compileEspruino } from "../../src/toolchain/espruino/bundle.ts";
import { buildTest } from "../helpers/firmware.ts";

const test = suite("examples: Wasm and Espruino JavaScript behave the same");
const BOARD = "espruino-pico";
const root = fileURLToPath(new URL("../../", import.meta.url));
const examples = readdirSync(root + "examples").filter((d) => existsSync(`${root}examples/${d}/main.ts`)).sort();

const NMEA =
  "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47\r\n" +
  "$GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*6A\r\n" +
  "$GPGGA,123520,,,,,0,00,,,M,,M,,*00\r\n";

/** Everything a person watching the board would see, in a form to compare. */
async function observe(firmware: Uint8Array | string, text?: string[]): Promise<Record<string, unknown>> {
  const sim = await Simulator.load(firmware, { board: BOARD, text });
  const uarts = Object.keys(sim.board.uarts);
  if (uarts.includes("UART0")) sim.uart("UART0").send("help\r\nled on\r\nstatus\r\nled toggle\r\nhello\r\n", { at: 100_000 });
  if (uarts.includes("UART1")) sim.uart("UART1").send(NMEA, { at: 200_000, baud: 9600 });
  sim.button("BTN1").tap(1_000_000, 200_000);
  // An active-low reading of BTN1 (pulled up, pulled to ground) as well.
  sim.pin("BTN1").drive(0, 1_600_000);
  sim.pin("BTN1").drive(null, 1_700_000);
  sim.runFor("3s");
  const seen: Record<string, unknown> = {
    panic: sim.panic && { code: sim.panic.code, message: sim.panic.message, task: sim.panic.task },
    logs: sim.logs.filter((l) => !l.text.startsWith("sim: ")).map((l) => `${l.at} ${l.level} ${l.text}`),
    tasks: sim.tasks().map((t) => `${t.name} ${t.state} ${t.polls}`),
    heapTop: sim.heapTop(),
  };
  for (const u of uarts) seen[u] = sim.uart(u).txLog.map((r) => `${r.at}:${r.byte}`);
  for (const p of Object.keys(sim.board.pins)) seen[p] = sim.pin(p).history.map((c) => `${c.at}:${c.level}`);
  return seen;
}

for (const example of examples) {
  test(`examples/${example}: identical UART output, pin traces, logs and tasks`, async () => {
    const board = loadBoard(BOARD);
    const { wasm, text } = await buildTest(`examples/${example}/main.ts`, BOARD);
    const roomy = { ...board, espruino: { ...board.espruino!, jsVars: 1e9 } };
    const { js } = await compileEspruino(wasm, roomy, `${example}.js`, { checked: true, text });
    const asWasm = await observe(wasm, text);
    const asJs = await observe(js);
    assert.equal(asJs, asWasm);
    const events = Object.entries(asWasm).filter(([k, v]) => k !== "heapTop" && Array.isArray(v) && v.length > 0);
    assert.ok(events.length > 0, "the stimuli made the example do nothing at all");
  });
}

test.run();
