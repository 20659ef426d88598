/**
 * Conformance (hosts.ts): every example that builds for an Espruino board
 * runs the same as Wasm on the simulator and as JavaScript on the simulated
 * Espruino host: on espruino-pico, and on banglejs2, a Unicode build whose
 * bytes ≥ 0x80 on UART0 must cross the glue byte for byte.
 */
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import { loadBoard } from "../../src/contract/boards.ts";
import { compileEspruino } from "../../src/toolchain/espruino/bundle.ts";
import { buildTestFirmware } from "../helpers/firmware.ts";
import { eventful, onSim, same, work } from "./hosts.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const test = suite("conformance: Espruino boards, Wasm and JavaScript");

const ESPRUINO = "espruino-pico";
const ESPRUINO_INPUTS = ["--uart0", "help\r\nled on\r\nhello\r\n", "--press", "BTN1@1s:200ms", "--for", "3s"];
/** A Unicode build (Bangle.js 2): bytes ≥ 0x80 must cross the glue byte for byte, as on the Wasm host. */
const UNICODE = "banglejs2";
const UNICODE_INPUTS = ["--uart0", "help\r\n\\xC3\\xA9 \\x80\\xFF\r\nled on\r\n", "--press", "BTN1@1s:200ms", "--for", "3s"];
const examples = readdirSync(join(root, "examples")).filter((d) => existsSync(join(root, "examples", d, "main.ts"))).sort();

/** The example built for `boardName` runs the same as Wasm on the simulator and as JavaScript on the simulated Espruino host. */
function espruinoCase(boardName: string, example: string, inputs: string[]): void {
  test(`${boardName}: examples/${example}: sim = espruino`, async () => {
    const board = loadBoard(boardName);
    const wasm = await buildTestFirmware(`examples/${example}/main.ts`, boardName);
    const roomy = { ...board, espruino: { ...board.espruino!, jsVars: 1e9 } }; // the translation is compared; size.test.ts checks budgets
    const { js } = await compileEspruino(wasm, roomy, `${example}.js`);
    const wasmFile = join(work, `${boardName}-${example}.wasm`);
    const jsFile = join(work, `${boardName}-${example}.js`);
    writeFileSync(wasmFile, wasm);
    writeFileSync(jsFile, js);
    const sim = await onSim(wasmFile, boardName, inputs);
    eventful(sim);
    same("the Espruino host", await onSim(jsFile, boardName, inputs), sim);
  });
}

for (const example of examples) espruinoCase(ESPRUINO, example, ESPRUINO_INPUTS);
// gps-logger needs UART1, which a Bangle.js 2 gives to its GPS.
for (const example of examples.filter((e) => e !== "gps-logger")) espruinoCase(UNICODE, example, UNICODE_INPUTS);

test.run();
