/**
 * `outpost boards`: every board with its pins, LEDs, buttons, UARTs and
 * budget, on stdout.
 */
import { grouped } from "../../contract/grouped.ts";
import { type Board, boardNames, loadBoard } from "../../contract/boards.ts";
import { printHelp } from "./help.ts";
import { parseArgs, usageError, wantsHelp } from "./args.ts";

export async function boardsCommand(argv: string[]): Promise<number> {
  const args = parseArgs("boards", argv, { "--help": "switch", "-h": "switch" });
  if (wantsHelp(args)) return printHelp("boards");
  if (args.positionals.length > 0) throw usageError("boards", `unexpected argument "${args.positionals[0]}" for outpost boards`);
  process.stdout.write(boardNames().map((name) => describe(loadBoard(name))).join("\n"));
  return 0;
}

function describe(b: Board): string {
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
