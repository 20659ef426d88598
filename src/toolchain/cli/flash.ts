/**
 * `outpost flash <firmware.js> --port PORT [--board NAME] [--save | --storage] [--dry-run]`
 *
 * Uploads an Espruino build with the `espruino` npm package's command-line
 * uploader. That package pulls in ~230 packages with native serial, USB and
 * Bluetooth bindings, so it is not one of Outpost's dependencies: this
 * command looks for it (installed next to Outpost, e.g. with
 * `npm install --no-save espruino@0.1.67`) and, when it is missing, says
 * how to get it and prints the `npx` line that does the same upload.
 *
 *   (default)   upload to RAM and run; lost at reset. A build that fits
 *               the board only with its code in flash (its manifest's
 *               JsVar estimate) is uploaded as with --storage, and
 *               stderr says so
 *   --save      also save to flash, run at every boot (SAVE_ON_SEND=1)
 *   --storage   write the file to Storage as .bootcde, run at boot from
 *               flash, where function code stays (the least RAM)
 *   --dry-run   print the uploader command on stdout and exit
 *
 * The file must be an Outpost build for an Espruino board: it goes to the
 * board its last line names, and a --board naming another is refused. The
 * port is passed through as the uploader takes it (/dev/ttyACM0, COM3, a
 * Bluetooth address, tcp://host:port).
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { loadBoard } from "../../contract/boards.ts";
import { boardToRun, readBuildInfo } from "../../contract/build-info.ts";
import { OutpostError } from "../../contract/errors.ts";
import { espruinoSpec } from "../../contract/espruino-board.ts";
import { grouped } from "../../contract/grouped.ts";
import { readManifest } from "../../contract/espruino-manifest.ts";
import { onePositional, parseArgs, usageError, valueOf, wantsHelp } from "./args.ts";
import { readInput } from "./files.ts";
import { printHelp } from "./help.ts";
import { shellQuote } from "./shell-quote.ts";

export const UPLOADER = "espruino@0.1.67";

export async function flashCommand(argv: string[]): Promise<number> {
  const args = parseArgs("flash", argv, {
    "--board": "value", "--port": "value", "--save": "switch", "--storage": "switch", "--dry-run": "switch", "--help": "switch", "-h": "switch",
  });
  if (wantsHelp(args)) return printHelp("flash");
  const file = onePositional("flash", args, "a firmware built for an Espruino board, like build/blinky.js");
  const boardOption = valueOf(args, "--board");
  const asked = boardOption === undefined ? undefined : loadBoard(boardOption);
  const port = valueOf(args, "--port");
  // A native image names its board as well; OpenOCD programs it (flash-native.ts).
  if (asked !== undefined ? asked.family === "native" : file.endsWith(".elf")) {
    const { flashNativeCommand } = await import("./flash-native.ts");
    const { imageBoard, readImage } = await import("../native/qemu.ts");
    return flashNativeCommand(file, asked ?? imageBoard(readImage(file), file), args);
  }
  if (!port) throw usageError("flash", "outpost flash needs --port PORT (a serial device, a Bluetooth address or tcp://host:port)");
  if (args.switches.has("--save") && args.switches.has("--storage")) throw usageError("flash", "--save and --storage are two ways to keep the firmware: choose one");
  // A --board that is no Espruino board says so, rather than advising a build for it that flash would refuse again.
  if (asked !== undefined) espruinoSpec(asked);
  const buildHint = `build it with outpost build <entry.ts> --board ${boardOption ?? "NAME (an Espruino board)"}`;
  const js = new TextDecoder().decode(readInput(file, "firmware", buildHint));
  const recorded = readBuildInfo(js, file);
  if (recorded === null) throw new OutpostError("NOT_OUTPOST_FIRMWARE", `${file} is not an Outpost build for Espruino: ${buildHint}`);
  // The board the build recorded; a --board that names another is refused.
  const board = loadBoard(boardToRun(recorded, file, { option: boardOption }, recorded.board));
  const spec = espruinoSpec(board); // an Espruino board, or a message saying which ones are
  const manifest = readManifest(js)!; // readBuildInfo read the board from this very manifest
  const mode = args.switches.has("--save") ? "save" : args.switches.has("--storage") ? "storage" : "ram";
  const ramShort = manifest.jsVars !== undefined && manifest.jsVars.ram > spec.jsVars;
  const upload = mode === "ram" && ramShort ? "storage" : mode;
  if (ramShort && mode !== "storage") {
    const need = `${file} needs about ${grouped(manifest.jsVars!.ram)} JsVars uploaded to RAM but board "${board.name}" has ${grouped(spec.jsVars)}; ` +
      `with its code in flash it needs about ${grouped(manifest.jsVars!.flash)}`;
    process.stderr.write(mode === "ram" ? `${need}: uploading to Storage (as --storage)\n` : `${need}: --save uploads to RAM first and may run out; --storage fits\n`);
  }
  const uploaderArgs = uploaderArguments(file, port, upload);
  const cli = findUploader();
  const command = cli ? [process.execPath, cli, ...uploaderArgs] : ["npx", "--yes", UPLOADER, ...uploaderArgs];
  if (args.switches.has("--dry-run")) {
    process.stdout.write(command.map(shellQuote).join(" ") + "\n");
    return 0;
  }
  if (!cli) {
    throw new OutpostError(
      "FLASH_FAILED",
      `the Espruino uploader is not installed: run npm install --no-save ${UPLOADER} (it brings native serial and Bluetooth bindings), ` +
        `or upload with: ${command.map(shellQuote).join(" ")}`,
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
