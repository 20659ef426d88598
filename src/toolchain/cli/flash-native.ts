/**
 * `outpost flash <image.elf> --board NAME --dry-run` for native boards:
 * prints the OpenOCD command that programs the image through a debug probe
 * (board.json `native.openocd`: its interface and target scripts). Only
 * --dry-run: no native board here has been flashed on hardware yet, so
 * Outpost prints the command rather than running it (boards/native/README.md).
 * An emulated board (no `openocd`) is refused with what to do instead.
 */
import type { Board } from "../../contract/boards.ts";
import { OutpostError } from "../../contract/errors.ts";
import type { Args } from "./args.ts";
import { usageError } from "./args.ts";
import { imageBoard, readImage } from "../native/qemu.ts";

export function flashNativeCommand(file: string, board: Board, args: Args): number {
  const scripts = board.native?.openocd;
  if (!scripts) {
    throw new OutpostError(
      "USAGE",
      `board "${board.name}" is emulated (QEMU ${board.native?.qemu}): run the image with outpost run ${file}; to flash a real chip, port the platform (boards/native/README.md)`,
    );
  }
  if (!args.switches.has("--dry-run")) {
    throw usageError("flash", `native images are flashed with OpenOCD, untested from here: add --dry-run to print the command`);
  }
  const built = imageBoard(readImage(file), file);
  if (built.name !== board.name) throw new OutpostError("USAGE", `${file} was built for board "${built.name}", not "${board.name}": rebuild it with --board ${board.name}`);
  const command = ["openocd", ...scripts.flatMap((s) => ["-f", s]), "-c", `program ${file} verify reset exit`];
  process.stdout.write(command.map((a) => (/^[\w./:=@+-]+$/.test(a) ? a : `'${a}'`)).join(" ") + "\n");
  return 0;
}
