/**
 * Errors a user can cause, as values with stable codes.
 *
 * Library code (toolchain, simulator) throws `OutpostError`; only the CLI
 * turns one into text on stderr and a non-zero exit (see `cli/report.ts`).
 * A message names the thing that is wrong (file, pin, board, task) and says
 * what to do about it, in one sentence or two.
 */

export type ErrorCode =
  | "USAGE" // bad command line
  | "BAD_DURATION"
  | "UNKNOWN_BOARD"
  | "BOARD_MISMATCH" // a firmware given a board other than the one it was built for
  | "UNKNOWN_PIN"
  | "PIN_BUSY"
  | "UNKNOWN_PORT"
  | "PORT_BUSY"
  | "FILE_NOT_FOUND"
  | "NOT_WASM"
  | "NOT_OUTPOST_FIRMWARE" // Wasm without the ABI exports
  | "ABI_MISMATCH"
  | "BUILD_FAILED"
  | "OVER_BUDGET" // the firmware needs more flash or RAM than its board offers
  | "ESPRUINO_SYNTAX" // a build for an Espruino board would use what Espruino cannot run
  | "FLASH_FAILED" // outpost flash: the uploader is missing or failed
  | "BAD_SCENARIO" // a malformed scenario file, or a stimulus scheduled in the past
  | "BAD_SITES" // a malformed await-site table (<firmware>.sites.json)
  | "BAD_BOARD" // a board.json that is not JSON or breaks boards/board.schema.json
  | "BAD_TEXT_TABLE" // a malformed deferred-text table (<firmware>.text.json)
  | "TOOL_MISSING" // a native build or run needs a program that is not installed (the message names its Debian package)
  | "FIRMWARE_PANIC"
  | "FIRMWARE_TRAP";

export class OutpostError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = "OutpostError";
    this.code = code;
  }
}

export function isOutpostError(e: unknown): e is OutpostError {
  return e instanceof OutpostError;
}
