/** sim/scenario.ts: the scenario file format, and one clear error per mistake. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadBoard } from "../../src/contract/boards.ts";
import { OutpostError } from "../../src/contract/errors.ts";
import { checkScenario, parseScenario } from "../../sim/index.ts";

const head = "name: demo\nversion: 1\nsteps:\n";

/** The BAD_SCENARIO message for `text` (parsed, then checked against board sim). */
function errorOf(text: string): string {
  try {
    checkScenario(parseScenario(text, "scenario.yaml"), loadBoard("sim"));
  } catch (e) {
    assert.instance(e, OutpostError);
    assert.is((e as OutpostError).code, "BAD_SCENARIO");
    return (e as OutpostError).message;
  }
  throw new Error("expected the scenario to be refused");
}

test("every action parses, with its fields beside the action or in a mapping", () => {
  const s = parseScenario(
    head +
      [
        "  - delay: 500ms",
        "  - press: BTN1",
        "  - release: BTN1",
        "  - tap: BTN2",
        "  - tap: BTN1",
        "    hold: 50ms",
        "  - tap: { button: BTN1, hold: 1.5s }",
        "  - write-serial: \"led on\\n\"",
        "  - write-serial: { uart: UART1, text: hi }",
        "  - wait-serial: '> '",
        "  - wait-serial: LED1 on",
        "    timeout: 250us",
        "    uart: UART1",
        "  - expect-pin: { pin: LED1, level: 1 }",
        "  - expect-pin: LED2",
        "    level: low",
      ].join("\n"),
    "s.yaml",
  );
  assert.equal(s, {
    name: "demo",
    version: 1,
    file: "s.yaml",
    steps: [
      { kind: "delay", duration: 500_000 },
      { kind: "press", button: "BTN1" },
      { kind: "release", button: "BTN1" },
      { kind: "tap", button: "BTN2", hold: 100_000 },
      { kind: "tap", button: "BTN1", hold: 50_000 },
      { kind: "tap", button: "BTN1", hold: 1_500_000 },
      { kind: "write-serial", text: "led on\n" },
      { kind: "write-serial", text: "hi", uart: "UART1" },
      { kind: "wait-serial", text: "> ", timeout: 5_000_000 },
      { kind: "wait-serial", text: "LED1 on", timeout: 250, uart: "UART1" },
      { kind: "expect-pin", pin: "LED1", level: 1 },
      { kind: "expect-pin", pin: "LED2", level: 0 },
    ],
  });
  checkScenario(s, loadBoard("sim"));
});

test("the board a scenario names is kept; no steps is a valid scenario", () => {
  assert.equal(parseScenario("name: x\nversion: 1\nboard: sim\nsteps: []\n", "s.yaml"), { name: "x", version: 1, board: "sim", steps: [], file: "s.yaml" });
});

test("a malformed step names the file, the step, its action and the field", () => {
  const cases: [string, string][] = [
    ["  - delay: 1s\n  - wait-serial: hello\n    timeout: 5x\n", 'step 2 (wait-serial): timeout "5x" is not a duration: write e.g. 500ms'],
    ["  - delay: 500\n", "step 1 (delay): 500 is not a duration: write e.g. 500ms"],
    ["  - delay:\n", "step 1 (delay): duration is missing"],
    ["  - tap: BTN1\n    hodl: 5ms\n", 'step 1 (tap): unknown field "hodl": tap takes button, hold'],
    ["  - tap: { button: BTN1, hold: 1s }\n    hold: 2s\n", "step 1 (tap): hold is given twice"],
    ["  - press: BTN1\n    release: BTN1\n", "step 1: two actions, press and release: write one action per step"],
    ["  - frob: 1\n", 'step 1: no action (found "frob"): a step has one of delay, press, release, tap, write-serial, wait-serial, expect-pin'],
    ['  - "delay 1s"\n', 'step 1: write a step as a mapping, like - delay: 500ms (found the text "delay 1s")'],
    ["  - expect-pin: { pin: LED1, level: 2 }\n", "step 1 (expect-pin): level 2 is not a level: write 0 or 1 (or low, high)"],
    ["  - expect-pin: LED1\n", "step 1 (expect-pin): level is missing"],
    ["  - write-serial: 42\n", "step 1 (write-serial): text 42 is not text: quote it, like '42'"],
    ["  - wait-serial: ''\n", "step 1 (wait-serial): text is empty"],
  ];
  for (const [steps, message] of cases) assert.is(errorOf(head + steps), `scenario.yaml: ${message}`);
});

test("names the board lacks are refused before anything runs", () => {
  assert.is(errorOf(head + "  - tap: BTN9\n"), 'scenario.yaml: step 1 (tap): button "BTN9" is not on board "sim": valid buttons are BTN1, BTN2');
  assert.is(
    errorOf(head + "  - delay: 1s\n  - expect-pin: { pin: LED9, level: 1 }\n"),
    'scenario.yaml: step 2 (expect-pin): pin "LED9" is not on board "sim": valid pins are P0, P1, P2, P3, P4, P5, P6, P7, P8, P9, P10, P11, P12, P13, P14, P15, LED1, LED2, BTN1, BTN2',
  );
  assert.is(
    errorOf(head + "  - wait-serial: { text: hi, uart: UART7 }\n"),
    'scenario.yaml: step 1 (wait-serial): uart "UART7" is not on board "sim": valid UARTs are UART0, UART1',
  );
});

test("a malformed file is named with what to write", () => {
  const cases: [string, string][] = [
    ["name: x\n  version: 1\n", "not valid YAML at line 1, column 7: Nested mappings are not allowed in compact mappings"],
    ["name: x\nname: y\n", "not valid YAML at line 2, column 1: Map keys must be unique"],
    ["- delay: 1s\n", "a scenario is a mapping with name, version and steps"],
    ["version: 1\nsteps: []\n", "name is missing: give the scenario a name"],
    ["name: x\nsteps: []\n", "version is missing: write version: 1"],
    ["name: x\nversion: 2\nsteps: []\n", "version 2 is not supported: write version: 1"],
    ["name: x\nversion: 1\n", "steps must be a list of steps, like - delay: 500ms"],
    ["name: x\nversion: 1\nstepz: []\n", 'unknown key "stepz": a scenario has name, version, board, steps'],
  ];
  for (const [text, message] of cases) assert.is(errorOf(text), `scenario.yaml: ${message}`);
});

test.run();
