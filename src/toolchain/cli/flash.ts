/**
 * `outpost flash <firmware.js> --board NAME --port PORT [--save | --storage] [--dry-run]`
 *
 * Uploads an Espruino build with the `espruino` npm package's command-line
 * uploader. That package pulls in ~230 packages with native serial, USB and
 * Bluetooth bindings, so it is not one of Outpost's dependencies: this
 * command looks for it (installed next to Outpost, e.g. with
 * `npm install --no-save espruino@0.1.67`) and, when it is missing, says
 * how to get it and prints the `npx` line that does the same upload.
 *
 *   (default)   upload to RAM and run; lost at reset
 *   --save      also save to flash, run at every boot (SAVE_ON_SEND=1)
 *   --storage   write the file to Storage as .bootcde, run at boot from
 *               flash, where function code stays (the least RAM)
 *   --dry-run   print the uploader command on stdout and exit
 *
 * The file must be an Outpost build for the board named (its last line
 * says which); the port is passed through as the uploader takes it
 * (/dev/ttyACM0, COM3, a Bluetooth address, tcp://host:port).
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { loadBoard } from "../../contract/boards.ts";
import { OutpostError } from "../../contract/errors.ts";
import { espruinoSpec } from "../../contract/espruino-board.ts";
import { checkedManifest } from "../../contract/espruino-manifest.ts";
import { onePositional, parseArgs, usageError, valueOf, wantsHelp } from "./args.ts";
import { readInput } from "./files.ts";
import { printHelp } from "./help.ts";

export const UPLOADER = "espruino@0.1.67";

export async function flashCommand(argv: string[]): Promise<number> {
  const args = parseArgs("flash", argv, {
    "--board": "value", "--port": "value", "--save": "switch", "--storage": "switch", "--dry-run": "switch", "--help": "switch", "-h": "switch",
  });
  if (wantsHelp(args)) return printHelp("flash");
  const file = onePositional("flash", args, "a firmware built for an Espruino board, like build/blinky.js");
  const boardName = valueOf(args, "--board");
  const port = valueOf(args, "--port");
  if (!boardName) throw usageError("flash", "outpost flash needs --board NAME (the board the firmware was built for)");
  if (loadBoard(boardName).family === "native") return (await import("./flash-native.ts")).flashNativeCommand(file, loadBoard(boardName), args);
  if (!port) throw usageError("flash", "outpost flash needs --port PORT (a serial device, a Bluetooth address or tcp://host:port)");
  if (args.switches.has("--save") && args.switches.has("--storage")) throw usageError("flash", "--save and --storage are two ways to keep the firmware: choose one");
  const board = loadBoard(boardName);
  espruinoSpec(board); // an Espruino board, or a message saying which ones are
  checkedManifest(new TextDecoder().decode(readInput(file, "firmware", `build it with outpost build <entry.ts> --board ${board.name}`)), board.name, {
    notOutpost: `${file} is not an Outpost build for Espruino: build it with outpost build <entry.ts> --board ${board.name}`,
    otherBoard: (built) => `${file} was built for board "${built}", not "${board.name}": rebuild it with --board ${board.name}`,
  });
  const uploaderArgs = uploaderArguments(file, port, args.switches.has("--save") ? "save" : args.switches.has("--storage") ? "storage" : "ram");
  const cli = findUploader();
  const command = cli ? [process.execPath, cli, ...uploaderArgs] : ["npx", "--yes", UPLOADER, ...uploaderArgs];
  if (args.switches.has("--dry-run")) {
    process.stdout.write(command.map(quote).join(" ") + "\n");
    return 0;
  }
  if (!cli) {
    throw new OutpostError(
      "FLASH_FAILED",
      `the Espruino uploader is not installed: run npm install --no-save ${UPLOADER} (it brings native serial and Bluetooth bindings), ` +
        `or upload with: ${command.map(quote).join(" ")}`,
    );
  }
  const run = spawnSync(command[0]!, command.slice(1), { stdio: "inherit" });
  if (run.status !== 0) {
    throw new OutpostError("FLASH_FAILED", `the Espruino uploader failed (${run.error ? run.error.message : `exit code ${run.status}`}): check the port and that the board is connected`);
  }
  return 0;
}

/** The uploader's arguments for each way of keeping the firmware. */
export function uploaderArguments(file: string, port: string, mode: "ram" | "save" | "storage"): string[] {
  const base = ["--port", port, "--no-ble"].filter((a) => a !== "--no-ble" || !/^([0-9a-f]{2}:){5}[0-9a-f]{2}/i.test(port));
  if (mode === "storage") return [...base, "--storage", `.bootcde:${file}`];
  if (mode === "save") return [...base, "--config", "SAVE_ON_SEND=1", file];
  return [...base, file];
}

/** The uploader's command-line script when the `espruino` package is installed, else null. */
function findUploader(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const pkg = require.resolve("espruino/package.json");
    const bin = (require(pkg) as { bin?: Record<string, string> | string }).bin;
    const rel = typeof bin === "string" ? bin : bin?.espruino;
    return rel ? join(dirname(pkg), rel) : null;
  } catch {
    return null;
  }
}

function quote(arg: string): string {
  return /^[A-Za-z0-9_./:=@+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
