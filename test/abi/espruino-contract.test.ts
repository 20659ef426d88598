/**
 * The simulated Espruino host checks a build's exports before running it
 * (sim/espruino/contract.ts), worded as the Wasm host words it: a
 * manifest without a required export, or an export whose function takes
 * the wrong number of arguments, is refused and none of the script runs;
 * so is an export folded into a dispatcher (`name:k`) whose dispatcher
 * has no room for the case and the export's arguments.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadBoard } from "../../src/contract/boards.ts";
import { OutpostError } from "../../src/contract/errors.ts";
import { compileEspruino } from "../../src/toolchain/espruino/bundle.ts";
import { Simulator } from "../../sim/index.ts";
import { firmware } from "../fixtures/wat.ts";

const BOARD = "espruino-pico";
const board = loadBoard(BOARD);
// The fixture's 64 KiB memory is more than a Pico's JsVars: only the contract is under test here.
const roomy = { ...board, espruino: { ...board.espruino!, jsVars: 1_000_000 } };
const { js } = await compileEspruino(firmware("logger"), roomy, "logger.js");
const manifest = JSON.parse(js.slice(js.lastIndexOf("//outpost:") + 10)) as { exports: Record<string, string> };

async function refusal(script: string): Promise<string> {
  try {
    await Simulator.load(script, { board: BOARD, name: "bad.js" });
  } catch (e) {
    assert.instance(e, OutpostError);
    assert.is((e as OutpostError).code, "NOT_OUTPOST_FIRMWARE");
    return (e as Error).message;
  }
  throw new Error("expected the build to be refused");
}

test("a well-formed build loads and runs", async () => {
  const sim = await Simulator.load(js, { board: BOARD });
  assert.equal(sim.logs.map((l) => l.text), ["héllo"]);
});

test("a function's local that reuses an export's short name does not hide the top-level declaration", async () => {
  // A build prints one top-level statement per line; name shortening may give a local the name of a global.
  // outpost_poll as an alias of its function (as exports with identical bodies are), and a local of that name first.
  const poll = manifest.exports.outpost_poll!;
  const aliased = js.replace(`function ${poll}(`, `function ${poll}$body(`).replace(/\n(\/\/outpost:)/, `\nvar ${poll}=${poll}$body;\n$1`);
  const shadowing = aliased.replace(/\n/, `\nfunction zz$shadow(){var ${poll}=0;return ${poll}}\n`);
  assert.ok(shadowing.includes(`var ${poll}=${poll}$body;`) && shadowing.includes(`var ${poll}=0;`));
  const sim = await Simulator.load(shadowing, { board: BOARD });
  assert.equal(sim.logs.map((l) => l.text), ["héllo"]);
});

test("a manifest without outpost_poll is refused, and nothing runs", async () => {
  const bad = js.replace(`"outpost_poll":"${manifest.exports.outpost_poll}",`, "");
  assert.is(
    await refusal(bad),
    "bad.js is not an Outpost firmware: it lacks the ABI v1 export outpost_poll (see boards/ABI.md): build it with outpost build --board espruino-pico",
  );
});

test("outpost_event with its i64 time as one argument instead of two is refused", async () => {
  const short = manifest.exports.outpost_event!;
  const bad = js.replace(new RegExp(`function ${short}\\(([^,)]*),([^,)]*),([^,)]*),([^,)]*)\\)`), `function ${short}($1,$2,$3)`);
  assert.is.not(bad, js);
  assert.is(
    await refusal(bad),
    "bad.js is not an Outpost firmware: its export outpost_event takes 3 arguments where ABI v1 says 4 (see boards/ABI.md): build it with outpost build --board espruino-pico",
  );
});

test("an export folded into a dispatcher too narrow for its arguments is refused", async () => {
  const folded = Object.entries(manifest.exports).find(([name, place]) => name === "outpost_task_name" && place.includes(":"));
  assert.ok(folded, `outpost_task_name is not folded: ${JSON.stringify(manifest.exports)}`);
  const dispatcher = folded[1].split(":")[0]!;
  const bad = js.replace(new RegExp(`function ${dispatcher}\\(([^,)]*)[^)]*\\)`), `function ${dispatcher}($1)`);
  assert.is.not(bad, js);
  assert.is(
    await refusal(bad),
    `bad.js is not an Outpost firmware: its export outpost_task_name takes 0 arguments (case ${folded[1].split(":")[1]} of ${dispatcher}, after the case) where ABI v1 says 1 (see boards/ABI.md): build it with outpost build --board espruino-pico`,
  );
});

test.run();
