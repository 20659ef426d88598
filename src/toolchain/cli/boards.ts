/**
 * `outpost boards`: every board with its pins, LEDs, buttons, UARTs and
 * budget, on stdout. A board.json that fails its check (not JSON, or
 * against boards/board.schema.json) gets one `outpost: error:` line on
 * stderr and the exit code 1; every other board is still listed.
 */
import { grouped } from "../../contract/grouped.ts";
import { type Board, boardNames, loadBoard } from "../../contract/boards.ts";
import { isOutpostError } from "../../contract/errors.ts";
import { printHelp } from "./help.ts";
import { EXIT_USER_ERROR } from "./report.ts";
import { parseArgs, usageError, wantsHelp } from "./args.ts";

export async function boardsCommand(argv: string[]): Promise<number> {
  const args = parseArgs("boards", argv, { "--help": "switch", "-h": "switch" });
  if (wantsHelp(args)) return printHelp("boards");
  if (args.positionals.length > 0) throw usageError("boards", `unexpected argument "${args.positionals[0]}" for outpost boards`);
  const listed: string[] = [];
  const broken: string[] = [];
  for (const name of boardNames()) {
    try {
      listed.push(describe(loadBoard(name)));
    } catch (e) {
      if (!isOutpostError(e)) throw e;
      broken.push(`outpost: error: ${e.message}\n`);
    }
  }
  process.stdout.write(listed.join("\n"));
  process.stderr.write(broken.join(""));
  return broken.length > 0 ? EXIT_USER_ERROR : 0;
}

/** The lines `outpost boards` prints for one board. */
export function describe(b: Board): string {
  const active = (low: boolean) => (low ? "active low" : "active high");
  const rows: [string, string][] = [
    ["family", `${b.family}, ${b.clockHz / 1e6} MHz`],
    ["budget", `flash ${grouped(b.flash)} bytes, RAM ${grouped(b.ram)} bytes${jsVars(b)}`],
    ["pins", Object.entries(b.pins).map(([n, p]) => `${n}=${p}`).join(" ")],
    ["aliases", Object.entries(b.aliases).map(([a, p]) => `${a}=${p}`).join(" ") || "none"],
    ["leds", Object.entries(b.leds).map(([n, l]) => `${n} (${active(l.activeLow)})`).join(", ") || "none"],
    ["buttons", Object.entries(b.buttons).map(([n, s]) => `${n} (${active(s.activeLow)}, bounce ${s.bounceMs} ms)`).join(", ") || "none"],
    ...Object.entries(b.uarts).map(([n, u]): [string, string] => [
      n,
      `port ${u.port}, tx ${u.tx}, rx ${u.rx}, FIFOs rx ${u.rxFifo} tx ${u.txFifo} bytes${u.console ? ", console" : ""}`,
    ]),
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return `${b.name}: ${b.description}\n` + rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}\n`).join("");
}

/** Espruino boards: the JsVars their builds must fit (board.json "espruino.jsVars"). */
function jsVars(b: Board): string {
  const n = b.espruino?.jsVars;
  return n === undefined ? "" : `, ${grouped(n)} JsVars`;
}
