/**
 * 2,000 mutants of examples/shell/scenario.yaml (test/fuzz/mutate.ts:
 * YAML aliases and merge keys, tags, odd types, `constructor` and
 * `__proto__` as names, lines lost and repeated) through the parser and the
 * board check, and the first 100 that pass run against the shell firmware
 * for up to 2 s: each is accepted or refused with one line, never anything
 * else.
 */
import { readFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadBoard } from "../../src/contract/boards.ts";
import { Simulator, checkScenario, parseScenario, runScenario } from "../../sim/index.ts";
import { buildTestFirmware } from "../helpers/firmware.ts";
import { MUTANTS, fuzz } from "./fuzz.ts";
import { mutateText, random } from "./mutate.ts";

const base = readFileSync(new URL("../../examples/shell/scenario.yaml", import.meta.url), "utf8");
const board = loadBoard("sim");

test(`${MUTANTS} scenario mutants: each parses, or is refused with one line naming the file`, async () => {
  const valid: string[] = [];
  const tally = await fuzz(MUTANTS, (seed) => {
    const text = mutateText(base, random(seed));
    checkScenario(parseScenario(text, "scenario.yaml"), board);
    valid.push(text);
  });
  assert.ok(tally.refused > MUTANTS / 10 && tally.accepted > MUTANTS / 10, `the mutants should both pass and fail: ${JSON.stringify(tally)}`);
});

test("100 mutants that parse run against the shell firmware: an outcome or a one-line refusal", async () => {
  const wasm = await buildTestFirmware("examples/shell/main.ts");
  let ran = 0;
  await fuzz(MUTANTS, async (seed) => {
    if (ran >= 100) return;
    const text = mutateText(base, random(seed));
    let scenario;
    try {
      scenario = parseScenario(text, "scenario.yaml");
      checkScenario(scenario, board);
    } catch {
      return; // refusals are the test above's
    }
    ran++;
    const sim = await Simulator.load(wasm, { watchdog: 1_000_000 });
    const outcome = runScenario(sim, scenario, { limit: "2s" });
    assert.ok(["passed", "timeout", "failed", "panic", "deadlock"].includes(outcome.status), outcome.status);
  });
  assert.is(ran, 100);
});

test.run();
