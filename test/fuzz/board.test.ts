/**
 * board.json against boards/board.schema.json: the published schema is the
 * one the check uses; 2,000 mutants of a board (its JSON value edited, and
 * its text mangled) are each accepted or refused with one line naming the
 * field, and an accepted one builds every model and lookup a run uses; and
 * `outpost boards` lists every good board when one is broken.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { BOARD_SCHEMA } from "../../src/contract/board-schema.ts";
import { boardModuleSource, boardNames, consoleUartName, parseBoard, pinNames, resolveButton, resolvePin, resolveUart } from "../../src/contract/boards.ts";
import { Gpio } from "../../sim/gpio.ts";
import { Uarts } from "../../sim/uart.ts";
import { describe } from "../../src/toolchain/cli/boards.ts";
import { TestBench } from "../fixtures/bench.ts";
import { MUTANTS, fuzz } from "./fuzz.ts";
import { mutateJson, mutateText, random } from "./mutate.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const text = readFileSync(join(root, "boards/sim/board.json"), "utf8");

test("boards/board.schema.json is the schema the check uses", () => {
  assert.equal(JSON.parse(readFileSync(join(root, "boards/board.schema.json"), "utf8")), BOARD_SCHEMA);
});

test("every board in the repository passes", () => {
  for (const name of boardNames()) parseBoard(readFileSync(join(root, "boards", name, "board.json"), "utf8"), name);
});

test("a mistake is named by its field", () => {
  const refusal = (edit: (b: Record<string, any>) => void): string => {
    const b = JSON.parse(text);
    edit(b);
    try {
      parseBoard(JSON.stringify(b), "sim");
    } catch (e) {
      return (e as Error).message;
    }
    return "accepted";
  };
  assert.is(refusal((b) => (b.uarts.UART0.port = -1)), "boards/sim/board.json: uarts.UART0.port must be at least 0, found -1: fix the file (boards/board.schema.json describes it)");
  assert.is(refusal((b) => delete b.ram), "boards/sim/board.json: ram is missing: fix the file (boards/board.schema.json describes it)");
  assert.is(refusal((b) => (b.aliases.LED1 = "P99")), 'boards/sim/board.json: alias LED1 names pin "P99", which is not in pins: fix the file (boards/board.schema.json describes it)');
  assert.is(refusal((b) => (b.uarts.constructor = b.uarts.UART1)), "boards/sim/board.json: UARTs UART1 and constructor both have port 1: fix the file (boards/board.schema.json describes it)");
  assert.is(refusal((b) => (b.leds.LED3 = { activeLow: "no" })), 'boards/sim/board.json: leds.LED3.activeLow must be true or false, found "no": fix the file (boards/board.schema.json describes it)');
});

/** Everything a run does with a board: models, lookups, the generated module, the listing. */
function exercise(name: string, boardText: string): void {
  const board = parseBoard(boardText, name);
  const bench = new TestBench();
  const gpio = new Gpio(bench, board, () => {});
  new Uarts(bench, gpio, board, () => {});
  for (const pin of pinNames(board)) resolvePin(board, pin);
  for (const button of Object.keys(board.buttons)) resolveButton(board, button);
  for (const uart of Object.keys(board.uarts)) resolveUart(board, uart);
  consoleUartName(board);
  boardModuleSource(board);
  describe(board);
}

test(`${MUTANTS} mutants of a board's JSON value, and ${MUTANTS} of its text: accepted and usable, or refused with one line`, async () => {
  const value = JSON.parse(text);
  const byValue = await fuzz(MUTANTS, (seed) => exercise("sim", JSON.stringify(mutateJson(value, random(seed)))));
  const byText = await fuzz(MUTANTS, (seed) => exercise("sim", mutateText(text, random(seed))));
  assert.ok(byValue.refused > 0 && byValue.accepted > 0, JSON.stringify(byValue));
  assert.ok(byText.refused > 0 && byText.accepted > 0, JSON.stringify(byText));
});

test("one broken board.json: outpost boards lists every other board, names the broken one on stderr, exits 1", () => {
  const dir = mkdtempSync(join(tmpdir(), "outpost-boards-"));
  try {
    cpSync(join(root, "boards"), dir, { recursive: true });
    writeFileSync(join(dir, "sim", "board.json"), text.replace('"clockHz": 64000000', '"clockHz": "fast"'));
    const r = spawnSync(process.execPath, [join(root, "bin/outpost.mjs"), "boards"], { env: { ...process.env, OUTPOST_BOARDS_DIR: dir }, encoding: "utf8" });
    assert.is(r.stderr, 'outpost: error: boards/sim/board.json: clockHz must be a whole number, found "fast": fix the file (boards/board.schema.json describes it)\n');
    assert.is(r.status, 1);
    const listed = [...r.stdout.matchAll(/^([\w-]+): /gm)].map((m) => m[1]);
    assert.equal(listed, boardNames().filter((n) => n !== "sim"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
