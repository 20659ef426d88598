/**
 * `outpost view <firmware.wasm|.js|entry.ts> [--board NAME] [--port N] [--watch]`
 * (help.ts explains it): the board in a browser page.
 *
 * Loads the firmware once here, with the simulator, so that a file that is
 * no firmware is refused on the command line (exit 1) rather than in the
 * page; builds the page (view-page.ts); serves both on 127.0.0.1
 * (view-server.ts) and prints the URL on stdout. The page runs the same
 * simulator code in the browser. Runs until Ctrl-C (exit 130).
 */
import { dirname, resolve } from "node:path";
import { Simulator } from "../../../sim/simulator.ts";
import type { Board } from "../../contract/boards.ts";
import { OutpostError, isOutpostError } from "../../contract/errors.ts";
import { onePositional, parseArgs, usageError, valueOf, wantsHelp } from "./args.ts";
import { printHelp } from "./help.ts";
import { firmwareBoard } from "./files.ts";
import { EXIT_INTERRUPTED } from "./report.ts";
import { loadFirmware } from "./sim.ts";
import { siteTable } from "./sim-options.ts";
import { pageFiles } from "./view-page.ts";
import { type ViewState, ViewServer } from "./view-server.ts";
import { watchEntry } from "./view-watch.ts";

const DEFAULT_PORT = 8080;

export async function viewCommand(argv: string[]): Promise<number> {
  const args = parseArgs("view", argv, { "--board": "value", "--port": "value", "--sites": "value", "--watch": "switch", "--help": "switch", "-h": "switch" });
  if (wantsHelp(args)) return printHelp("view");
  const path = onePositional("view", args, "a firmware (.wasm, .js) or an entry (.ts)");
  // A built firmware is shown on the board it records (--board may only agree); an entry is built for --board.
  const board = firmwareBoard(path, { option: valueOf(args, "--board") });
  const port = parsePort(valueOf(args, "--port"));
  const watch = args.switches.has("--watch");
  if (watch && !path.endsWith(".ts")) throw usageError("view", `--watch rebuilds an entry .ts when it is saved, and ${path} is a built firmware: pass its entry .ts`);
  const sitesOption = valueOf(args, "--sites");
  const load = async (build: number): Promise<ViewState> => viewState(path, board, siteTable(sitesOption, path), build);

  let state = await load(1);
  const server = await ViewServer.start(port, await pageFiles(), state);
  process.stdout.write(`${server.url}\n`);
  process.stderr.write(`outpost view: ${path} on board ${board.name}; open the URL above, Ctrl-C stops\n`);
  const watcher = watch
    ? watchEntry(path, async () => {
        try {
          state = await load(state.session.build + 1);
          server.update(state);
          process.stderr.write(`outpost view: rebuilt ${path} (build ${state.session.build})\n`);
        } catch (e) {
          // The server keeps serving the last good build either way.
          const message = isOutpostError(e) ? e.message : `internal error, please report it: ${e instanceof Error ? e.stack : String(e)}`;
          server.buildFailed(message);
          process.stderr.write(`outpost view: ${path} did not build: ${message}\n`);
        }
      })
    : null;
  await new Promise<void>((resolve) => process.once("SIGINT", () => resolve()));
  watcher?.close();
  await server.close();
  return EXIT_INTERRUPTED;
}

/** The firmware and its session, checked by loading it in the simulator once: a bad file fails here, with its message. */
async function viewState(path: string, board: Board, sites: ViewState["session"]["sites"], build: number): Promise<ViewState> {
  const loaded = await loadFirmware({ path, board, sites });
  await Simulator.load(loaded.firmware, { board: board.name, name: path, sites: loaded.sites, text: loaded.text });
  return {
    session: { name: path, board, sites: loaded.sites, text: loaded.text, build },
    firmware: loaded.firmware,
    sourceDirs: path.endsWith(".ts") ? [dirname(resolve(path))] : [],
  };
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PORT;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new OutpostError("USAGE", `bad --port "${text}": give a number from 1 to 65535, or 0 for any free port`);
  return port;
}
