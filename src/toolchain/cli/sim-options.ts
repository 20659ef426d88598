/**
 * `outpost sim`'s command line, checked before anything runs: every
 * mistake is one USAGE, FILE_NOT_FOUND or BAD_SCENARIO error naming the
 * option, file or step (exit 1), so a bad invocation never half-runs.
 */
import { type Scenario, type SiteInfo, checkScenario, parseScenario, parseSiteTable } from "../../../sim/index.ts";
import { type Board, consoleUartName, resolveButton, resolveUart } from "../../contract/boards.ts";
import { parseDuration } from "../../contract/duration.ts";
import { DEFAULT_WATCHDOG } from "../../contract/fuel.ts";
import { OutpostError } from "../../contract/errors.ts";
import { type Args, parseArgs, onePositional, usageError, valueOf } from "./args.ts";
import { unescapeString, unescapeText } from "./escapes.ts";
import { firmwareBoard, readInput } from "./files.ts";
import { readSidecarJson, sidecarOf, sitesFile } from "./sidecars.ts";
import { checkOutputs } from "./outputs.ts";

export const UART_OPTION = /^--uart(\d+)$/;
/** How long a run lasts without --for, unless a scenario decides. */
export const DEFAULT_FOR = "10s";

export interface SimPlan {
  path: string;
  board: Board;
  /** Virtual µs the run may take; Infinity for no limit. */
  limit: number;
  /** Bytes for a UART at t=0, and the file they came from (`--uart0 @FILE`). */
  inputs: { uart: string; bytes: Uint8Array; file?: string }[];
  presses: { button: string; at: number; hold: number }[];
  scenario: Scenario | null;
  expectText: string[];
  failText: string[];
  vcd?: string;
  trace?: string;
  /** The site table: from --sites, or the sidecar beside a .wasm; undefined if neither. */
  sites?: SiteInfo[];
  realtime: boolean;
  inspect: boolean;
  /** Loop iterations per call into the firmware before the watchdog stops it; 0: off. */
  watchdog: number;
}

export function parseSimArgs(argv: string[]): Args {
  return parseArgs(
    "sim",
    argv,
    {
      "--board": "value", "--for": "value", "--press": "value", "--scenario": "value", "--expect-text": "value",
      "--fail-text": "value", "--vcd": "value", "--trace": "value", "--sites": "value", "--realtime": "switch",
      "--inspect": "switch", "--watchdog": "value", "--watch": "switch", "--help": "switch", "-h": "switch",
    },
    UART_OPTION,
  );
}

export function simPlan(args: Args): SimPlan {
  const path = onePositional("sim", args, "a firmware (.wasm) or an entry (.ts)");
  const scenarioFile = valueOf(args, "--scenario");
  const scenario = scenarioFile === undefined ? null : loadScenario(scenarioFile);
  const boardOption = valueOf(args, "--board");
  if (scenario?.board !== undefined && boardOption !== undefined && boardOption !== scenario.board) {
    throw new OutpostError(
      "BAD_SCENARIO",
      `${scenario.file} is written for board "${scenario.board}" but --board says "${boardOption}": drop --board or change the scenario's board`,
    );
  }
  const texts = (option: string): string[] =>
    args.values.filter(([o]) => o === option).map(([, t]) => {
      const text = unescapeString(t, option);
      if (text === "") throw usageError("sim", `${option} needs a non-empty text`);
      return text;
    });
  const expectText = texts("--expect-text");
  const failText = texts("--fail-text");
  const realtime = args.switches.has("--realtime");
  const forValue = valueOf(args, "--for");
  // --realtime runs until Ctrl-C and a scenario until its last step; a run waiting for a text, or
  // with nothing to wait for, lasts 10 s.
  const unlimited = realtime || (scenario !== null && expectText.length === 0);
  const limit = forValue !== undefined ? parseDuration(forValue) : unlimited ? Infinity : parseDuration(DEFAULT_FOR);
  const inputs = uartBytes(args);
  const presses = args.values.filter(([o]) => o === "--press").map(([, spec]) => pressSpec(spec));
  // The options read, the firmware is: a built one names its board, which the names given must be on.
  const board = firmwareBoard(path, {
    option: boardOption,
    scenario: scenario?.board === undefined ? undefined : { board: scenario.board, file: scenario.file },
  });
  if (scenario) checkScenario(scenario, board);
  for (const { uart } of inputs) resolveUart(board, uart);
  for (const { button } of presses) resolveButton(board, button);
  if (expectText.length + failText.length > 0 && consoleUartName(board) === undefined) {
    throw usageError("sim", `board "${board.name}" has no console UART for --expect-text or --fail-text to read`);
  }
  const sitesOption = valueOf(args, "--sites");
  checkOutputs({
    command: "sim",
    outputs: (["--vcd", "--trace"] as const).flatMap((option) => {
      const path = valueOf(args, option);
      return path === undefined ? [] : [{ option, path }];
    }),
    inputs: [
      { what: "the firmware", path },
      ...(scenarioFile !== undefined ? [{ what: "the scenario", path: scenarioFile }] : []),
      ...(sitesOption !== undefined ? [{ what: "the site table", path: sitesOption }] : []),
      ...inputs.flatMap((i) => (i.file !== undefined ? [{ what: `the ${i.uart} input`, path: i.file }] : [])),
    ],
  });
  return {
    path,
    board,
    limit,
    inputs,
    presses,
    scenario,
    expectText,
    failText,
    vcd: valueOf(args, "--vcd"),
    trace: valueOf(args, "--trace"),
    sites: siteTable(valueOf(args, "--sites"), path),
    realtime,
    inspect: args.switches.has("--inspect"),
    watchdog: parseWatchdog(valueOf(args, "--watchdog")),
  };
}

/** `--watchdog`: a count of loop iterations (`5000`, `500k`, `20M`), or `off`. */
export function parseWatchdog(text: string | undefined, command: "sim" | "fuzz" = "sim"): number {
  if (text === undefined) return DEFAULT_WATCHDOG;
  if (text === "off") return 0;
  const m = /^([1-9]\d*)([kM]?)$/.exec(text);
  const n = m ? Number(m[1]) * (m[2] === "k" ? 1e3 : m[2] === "M" ? 1e6 : 1) : NaN;
  if (!Number.isSafeInteger(n) || n > 2 ** 31 - 1) {
    throw usageError(command, `bad --watchdog "${text}": write a number of loop iterations from 1 to 2147M, like 500k or 20M, or off`);
  }
  return n;
}

function loadScenario(file: string): Scenario {
  const text = new TextDecoder().decode(readInput(file, "scenario", "check the path after --scenario"));
  return parseScenario(text, file);
}

/** `--uartN TEXT|@FILE` options: the bytes for each UART, whose names the caller checks against the board. */
function uartBytes(args: Args): SimPlan["inputs"] {
  return args.values
    .filter(([option]) => UART_OPTION.test(option))
    .map(([option, text]) => {
      const uart = `UART${UART_OPTION.exec(option)![1]}`;
      if (!text.startsWith("@")) return { uart, bytes: unescapeText(text, option) };
      const file = text.slice(1);
      return { uart, bytes: readInput(file, "UART input", `check the path after ${option} @`), file };
    });
}

/** `BTN1@1s:50ms`: press BTN1 at 1 s for 50 ms (the hold defaults to 100ms). */
function pressSpec(spec: string): SimPlan["presses"][number] {
  const m = /^([^@]+)@([^:]+)(?::(.+))?$/.exec(spec);
  if (!m) throw usageError("sim", `bad --press "${spec}": write BUTTON@TIME:HOLD, like BTN1@1s:50ms`);
  const button = m[1]!;
  return { button, at: parseDuration(m[2]!), hold: parseDuration(m[3] ?? "100ms") };
}

/** `--uartN TEXT|@FILE` options: the bytes for each named UART (outpost sim and outpost run). */
export function uartInputs(args: Args, board: Board): SimPlan["inputs"] {
  const inputs = uartBytes(args);
  for (const { uart } of inputs) resolveUart(board, uart);
  return inputs;
}

/** `BTN1@1s:50ms` for a button of `board`. */
export function parsePress(spec: string, board: Board): SimPlan["presses"][number] {
  const press = pressSpec(spec);
  resolveButton(board, press.button);
  return press;
}

/** The site table from --sites FILE, else from `<firmware>.sites.json` beside a .wasm or .js if there is one. */
export function siteTable(option: string | undefined, firmware: string): SiteInfo[] | undefined {
  const file = option ?? sidecarOf(firmware, sitesFile);
  if (file === undefined) return undefined;
  return parseSiteTable(readSidecarJson(file, "site table", "check the path after --sites", "BAD_SITES"), file);
}

