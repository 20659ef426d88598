/**
 * 2,000 mutants of a real firmware (examples/uart-echo built for the sim
 * board: bytes flipped, set, inserted, deleted, duplicated or cut; half of
 * them change one byte of code and keep the module's shape) loaded into the
 * simulator and, when loaded, run for 100 ms of virtual time with bytes
 * arriving on UART0. Each is
 * refused with one line (not Wasm, not Outpost firmware, the wrong ABI) or
 * runs to its end or to a panic, trap, stall or watchdog stop: never an
 * exception of another kind, never a hang (the watchdog bounds every call).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { WasmReader } from "../../src/contract/wasm-binary.ts";
import { Simulator } from "../../sim/index.ts";
import { buildTestFirmware } from "../helpers/firmware.ts";
import { MUTANTS, fuzz } from "./fuzz.ts";
import { mutateBytes, random } from "./mutate.ts";

test(`${MUTANTS} firmware mutants: refused with one line, or run to an outcome`, async () => {
  const wasm = await buildTestFirmware("examples/uart-echo/main.ts");
  const code = new WasmReader(wasm, "uart-echo.wasm").sections().find((s) => s.id === 10)!;
  const outcomes = new Map<string, number>();
  const count = (k: string): void => void outcomes.set(k, (outcomes.get(k) ?? 0) + 1);
  const tally = await fuzz(MUTANTS, async (seed) => {
    const mutant = mutateBytes(wasm, random(seed), code);
    let sim: Simulator;
    try {
      sim = await Simulator.load(mutant, { name: `mutant-${seed}.wasm`, watchdog: 200_000 });
    } catch (e) {
      count(`refused ${(e as { code?: string }).code}`);
      throw e;
    }
    sim.uart("UART0").send("fuzz\n", { at: "10ms" });
    sim.runFor("100ms");
    count(sim.panic ? `panic ${sim.panic.code}` : "ran");
  });
  const seen = [...outcomes.keys()];
  assert.ok(tally.accepted > 0 && tally.refused > 0, JSON.stringify(Object.fromEntries(outcomes)));
  assert.ok(seen.includes("ran") && seen.some((k) => k.startsWith("panic")), JSON.stringify(Object.fromEntries(outcomes)));
});

test.run();
