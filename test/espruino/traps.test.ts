/**
 * What stops a firmware stops it the same way on Espruino: integer
 * division and remainder by zero, unrepresentable quotients and float to
 * integer conversions trap as on WebAssembly (the translation checks them,
 * src/toolchain/espruino/traps.ts), and panic and log texts with names,
 * numbers and bytes beyond ASCII read the same on both hosts.
 * test/firmware/espruino-traps.ts picks its case from the first byte it
 * receives on UART0.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Simulator } from "../../sim/index.ts";
import { loadBoard } from "../../src/contract/boards.ts";
import { compileEspruino } from "../../src/toolchain/espruino/bundle.ts";
import { buildTest } from "../helpers/firmware.ts";

const test = suite("espruino traps and texts");
const BOARD = "espruino-pico";
const FIRMWARE = "test/firmware/espruino-traps.ts";

interface Builds {
  wasm: Uint8Array;
  js: string;
  text?: string[];
}

let builds: Promise<Builds> | null = null;
function build(): Promise<Builds> {
  builds ??= buildTest(FIRMWARE, BOARD).then(async ({ wasm, text }) => ({ wasm, text, js: (await compileEspruino(wasm, loadBoard(BOARD), "traps.js", { checked: true, text })).js }));
  return builds;
}

/** The firmware run with `byte` sent at 1 ms: its panic and logs (the Wasm host prints deferred literals from `text`). */
async function run(firmware: Uint8Array | string, byte: string, text?: string[]): Promise<{ panic: unknown; logs: string[] }> {
  const sim = await Simulator.load(firmware, { board: BOARD, text });
  sim.uart("UART0").send(byte, { at: 1000 });
  sim.runFor("50ms");
  const p = sim.panic;
  return { panic: p && { code: p.code, message: p.message, task: p.task, at: p.at }, logs: sim.logs.map((l) => `${l.at} ${l.text}`) };
}

const TRAPS: [byte: string, what: string, message: string][] = [
  ["d", "i32 division by zero", "integer divide by zero"],
  ["r", "i32 remainder by zero", "integer divide by zero"],
  ["D", "i64 division by zero", "integer divide by zero"],
  ["R", "i64 remainder by zero", "integer divide by zero"],
  ["o", "i32.MIN / -1", "integer overflow"],
  ["O", "i64.MIN / -1", "integer overflow"],
  ["f", "a float beyond i32 converted to i32", "invalid conversion to integer"],
];

for (const [byte, what, message] of TRAPS) {
  test(`${what} traps on Espruino as on WebAssembly: "${message}", naming the task`, async () => {
    const { wasm, js, text } = await build();
    const asJs = await run(js, byte);
    const at = asJs.panic && (asJs.panic as { at: number }).at;
    assert.equal(asJs, { panic: { code: "TRAP", message, task: "probe", at }, logs: [] });
    assert.equal(await run(wasm, byte, text), asJs);
  });
}

test("a panic naming a task and a pool size reads the same (not the bytes of the build's text table)", async () => {
  const { wasm, js, text } = await build();
  const asJs = await run(js, "p");
  assert.equal(asJs, await run(wasm, "p", text));
  assert.equal(asJs.panic, {
    code: "POOL_FULL",
    message:
      'cannot spawn task "worker": its pool (size 2) is full; raise the pool size where it is declared (task(size, …) or new TaskPool(name, size)) or use trySpawn() to handle it',
    task: "probe",
    at: (asJs.panic as { at: number }).at,
  });
});

test("logs with numbers and UTF-8 beyond ASCII, and abort(), read the same", async () => {
  const { wasm, js, text } = await build();
  for (const byte of ["l", "u"]) {
    const asJs = await run(js, byte);
    assert.equal(asJs, await run(wasm, byte, text), byte);
  }
  const l = await run(js, "l");
  assert.equal(l.logs.map((x) => x.replace(/^\d+ /, "")), ["probe got byte 108"]);
  assert.equal((l.panic as { code: string; message: string }).message, "probe gave up");
  const u = await run(js, "u");
  assert.equal(u.logs.map((x) => x.replace(/^\d+ /, "")), ["café ≥ 0x80", "went on with 0"]);
});

test.run();
