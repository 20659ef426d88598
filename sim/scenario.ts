/**
 * Scenario files: a script of stimuli and checks in virtual time, in the
 * style of Wokwi CI automation scenarios (the format is in docs/scenarios.md).
 *
 *   name: shell switches the LED
 *   version: 1
 *   steps:
 *     - wait-serial: "> "
 *     - write-serial: "led on\n"
 *     - wait-serial: LED1 on
 *       timeout: 1s
 *     - expect-pin: { pin: LED1, level: 1 }
 *
 * A step is a mapping with exactly one action key. The action's value is
 * its main field, or a mapping of all its fields; its other fields may also
 * sit beside the action key (`- tap: BTN1` + `hold: 50ms`).
 *
 * `parseScenario` checks the shape, types and durations; `checkScenario`
 * checks the names (buttons, pins, UARTs) against a board. Both throw one
 * BAD_SCENARIO error naming the file, the step (1-based, with its action)
 * and the field, so nothing runs from a malformed file. Running is in
 * scenario-run.ts.
 */
import { parseDocument } from "yaml";
import { type Board, consoleUartName, resolveButton, resolvePin, resolveUart } from "../src/contract/boards.ts";
import { parseDuration } from "../src/contract/duration.ts";
import { OutpostError } from "../src/contract/errors.ts";
import type { Level } from "./gpio.ts";

export type Step =
  | { kind: "delay"; duration: number }
  | { kind: "press" | "release"; button: string }
  | { kind: "tap"; button: string; hold: number }
  | { kind: "write-serial"; text: string; uart?: string }
  | { kind: "wait-serial"; text: string; timeout: number; uart?: string }
  | { kind: "expect-pin"; pin: string; level: Level };
export type StepKind = Step["kind"];

export interface Scenario {
  name: string;
  version: 1;
  /** The board the scenario is written for, if it names one. */
  board?: string;
  steps: Step[];
  /** How messages name the scenario: its file name. */
  file: string;
}

/** Defaults: a tap's hold, and how long wait-serial waits. */
export const DEFAULT_HOLD = 100_000;
export const DEFAULT_TIMEOUT = 5_000_000;

/** Each action: its main field first, then the optional ones. */
const ACTIONS: Record<StepKind, readonly string[]> = {
  delay: ["duration"],
  press: ["button"],
  release: ["button"],
  tap: ["button", "hold"],
  "write-serial": ["text", "uart"],
  "wait-serial": ["text", "timeout", "uart"],
  "expect-pin": ["pin", "level"],
};
const KINDS = Object.keys(ACTIONS) as StepKind[];
const TOP_KEYS = ["name", "version", "board", "steps"];

type Fields = Record<string, unknown>;

export function scenarioError(file: string, problem: string): OutpostError {
  return new OutpostError("BAD_SCENARIO", `${file}: ${problem}`);
}

/** Parses scenario text; `file` names it in errors. */
export function parseScenario(text: string, file: string): Scenario {
  const doc = parseDocument(text, { prettyErrors: true });
  const error = doc.errors[0];
  if (error) {
    const at = error.linePos?.[0];
    const where = at ? ` at line ${at.line}, column ${at.col}` : "";
    throw scenarioError(file, `not valid YAML${where}: ${error.message.replace(/ at line \d+, column \d+.*$/s, "")}`);
  }
  let top: unknown;
  try {
    // Aliases expand here: an unknown one, or a document that expands past 100 of them, is an error.
    top = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw scenarioError(file, `not valid YAML: ${(e as Error).message.replace(/ at line \d+, column \d+.*$/s, "")}`);
  }
  if (!isMapping(top)) throw scenarioError(file, "a scenario is a mapping with name, version and steps");
  const unknown = Object.keys(top).find((k) => !TOP_KEYS.includes(k));
  // (Object.keys: own keys only, so "__proto__" or "constructor" in the file is an unknown key, never the prototype's.)
  if (unknown !== undefined) throw scenarioError(file, `unknown key "${unknown}": a scenario has ${TOP_KEYS.join(", ")}`);
  if (typeof top.name !== "string" || top.name === "") throw scenarioError(file, "name is missing: give the scenario a name");
  if (top.version !== 1) {
    throw scenarioError(file, top.version === undefined ? "version is missing: write version: 1" : `version ${show(top.version)} is not supported: write version: 1`);
  }
  if (top.board !== undefined && typeof top.board !== "string") throw scenarioError(file, "board must be a board name, like sim");
  if (!Array.isArray(top.steps)) throw scenarioError(file, "steps must be a list of steps, like - delay: 500ms");
  const steps = top.steps.map((raw: unknown, i: number) => parseStep(raw, i + 1, file));
  return { name: top.name, version: 1, ...(top.board !== undefined ? { board: top.board } : {}), steps, file };
}

function parseStep(raw: unknown, n: number, file: string): Step {
  if (!isMapping(raw)) throw scenarioError(file, `step ${n}: write a step as a mapping, like - delay: 500ms (found ${describe(raw)})`);
  const actions = KINDS.filter((k) => Object.hasOwn(raw, k));
  if (actions.length === 0) {
    const keys = Object.keys(raw).map((k) => `"${k}"`).join(", ");
    throw scenarioError(file, `step ${n}: no action (found ${keys || "nothing"}): a step has one of ${KINDS.join(", ")}`);
  }
  if (actions.length > 1) throw scenarioError(file, `step ${n}: two actions, ${actions[0]} and ${actions[1]}: write one action per step`);
  const kind = actions[0]!;
  const fail = (problem: string): never => {
    throw scenarioError(file, `step ${n} (${kind}): ${problem}`);
  };
  const names = ACTIONS[kind];
  // No prototype: a key such as "__proto__" or "constructor" is just an unknown field.
  const fields: Fields = Object.create(null) as Fields;
  const set = (key: string, v: unknown): void => void Object.defineProperty(fields, key, { value: v, enumerable: true });
  const value = raw[kind];
  if (isMapping(value)) for (const [key, v] of Object.entries(value)) set(key, v);
  else if (value !== null && value !== undefined) set(names[0]!, value);
  for (const [key, v] of Object.entries(raw)) {
    if (key === kind) continue;
    if (Object.hasOwn(fields, key)) fail(`${key} is given twice`);
    set(key, v);
  }
  const extra = Object.keys(fields).find((f) => !names.includes(f));
  if (extra !== undefined) fail(`unknown field "${extra}": ${kind} takes ${names.join(", ")}`);
  const get = new FieldReader(fields, fail, kind);
  switch (kind) {
    case "delay":
      return { kind, duration: get.duration("duration") };
    case "press":
    case "release":
      return { kind, button: get.name("button") };
    case "tap":
      return { kind, button: get.name("button"), hold: get.duration("hold", DEFAULT_HOLD) };
    case "write-serial":
      return { kind, text: get.text("text"), ...get.uart() };
    case "wait-serial":
      return { kind, text: get.text("text"), timeout: get.duration("timeout", DEFAULT_TIMEOUT), ...get.uart() };
    case "expect-pin":
      return { kind, pin: get.name("pin"), level: get.level("level") };
  }
}

/** Typed reads of one step's fields, each failing with the field's name. */
class FieldReader {
  private readonly fields: Fields;
  private readonly fail: (problem: string) => never;
  private readonly kind: StepKind;
  constructor(
    fields: Fields,
    fail: (problem: string) => never,
    kind: StepKind,
  ) {
    this.fields = fields;
    this.fail = fail;
    this.kind = kind;
  }

  private required(field: string): unknown {
    const v = this.fields[field];
    if (v === undefined || v === null) this.fail(`${field} is missing`);
    return v;
  }

  duration(field: string, fallback?: number): number {
    const given = this.fields[field];
    if ((given === undefined || given === null) && fallback !== undefined) return fallback;
    const v = this.required(field);
    const label = this.kind === "delay" ? "" : `${field} `;
    if (typeof v !== "string") return this.fail(`${label}${show(v)} is not a duration: write e.g. 500ms`);
    try {
      return parseDuration(v);
    } catch {
      return this.fail(`${label}${show(v)} is not a duration: write e.g. 500ms`);
    }
  }

  name(field: string): string {
    const v = this.required(field);
    if (typeof v !== "string" || v === "") return this.fail(`${field} ${show(v)} is not a name: write e.g. ${field === "pin" ? "LED1" : "BTN1"}`);
    return v;
  }

  text(field: string): string {
    const v = this.required(field);
    if (typeof v !== "string") return this.fail(`${field} ${show(v)} is not text: quote it, like '${String(v)}'`);
    if (v === "") return this.fail(`${field} is empty`);
    return v;
  }

  uart(): { uart?: string } {
    const v = this.fields.uart;
    if (v === undefined || v === null) return {};
    if (typeof v !== "string" || v === "") return this.fail(`uart ${show(v)} is not a UART name: write e.g. UART1`);
    return { uart: v };
  }

  level(field: string): Level {
    const v = this.required(field);
    if (v === 0 || v === "low") return 0;
    if (v === 1 || v === "high") return 1;
    return this.fail(`${field} ${show(v)} is not a level: write 0 or 1 (or low, high)`);
  }
}

/**
 * Checks the scenario's `board:` (if any) is `board`, and every name it uses against `board`;
 * the console UART must exist where a step relies on it.
 */
export function checkScenario(scenario: Scenario, board: Board): void {
  if (scenario.board !== undefined && scenario.board !== board.name) {
    throw scenarioError(scenario.file, `it is written for board "${scenario.board}" but runs on board "${board.name}": run it on a firmware built for ${scenario.board}, or change its board`);
  }
  const consoleUart = consoleUartName(board);
  scenario.steps.forEach((step, i) => {
    const fail = (problem: string): never => {
      throw scenarioError(scenario.file, `step ${i + 1} (${step.kind}): ${problem}`);
    };
    // The board's own lookups name what is valid; the step's message adds which step asked.
    const onBoard = (what: string, name: string, resolve: (board: Board, name: string) => unknown): void => {
      try {
        resolve(board, name);
      } catch (e) {
        fail(`${what} "${name}" is not on board "${board.name}": ${(e as Error).message.replace(/^.*?: /, "")}`);
      }
    };
    switch (step.kind) {
      case "press":
      case "release":
      case "tap":
        onBoard("button", step.button, resolveButton);
        break;
      case "expect-pin":
        onBoard("pin", step.pin, resolvePin);
        break;
      case "write-serial":
      case "wait-serial":
        if (step.uart === undefined && consoleUart === undefined) fail(`board "${board.name}" has no console UART: name one with uart: UART1`);
        if (step.uart !== undefined) onBoard("uart", step.uart, resolveUart);
        break;
      case "delay":
        break;
    }
  });
}

function isMapping(v: unknown): v is Fields {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  return typeof v === "string" ? JSON.stringify(v) : String(v);
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return "a list";
  if (v === null || v === undefined) return "an empty step";
  return typeof v === "string" ? `the text ${JSON.stringify(v)}` : `${show(v)}`;
}
