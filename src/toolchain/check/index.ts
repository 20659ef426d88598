/**
 * `outpost check`: the build's diagnostics without compiling. For a
 * firmware entry it
 *
 *   1. lowers every module the entry reaches, as `outpost build` does
 *      (lowering.ts): the ASYNC_* errors and warnings, at the same places;
 *   2. type-checks the user's files with TypeScript against Outpost's
 *      editor typings (typecheck.ts, typings.ts), the board's pins included;
 *   3. finds what TypeScript accepts and asc refuses (restrictions.ts,
 *      captures.ts), where asc would report it.
 *
 * No asc runs, which is what makes it fast enough for an editor: the
 * language-service plugin (plugin.ts) runs steps 1 and 3 on the open file.
 *
 *   const result = checkFirmware("examples/blinky/main.ts", loadBoard("sim"));
 *   process.stderr.write(formatDiagnostics(result.diagnostics));   // as outpost build prints them
 *
 * cli/check.ts is the command; test/check/ tests it against the build.
 */
import { resolve } from "node:path";
import type { Board } from "../../contract/boards.ts";
import { OutpostError } from "../../contract/errors.ts";
import { firstAtEachPlace, sortDiagnostics, type CheckDiagnostic } from "./diagnostic.ts";
import { boardHost, lowerProgram } from "./lowering.ts";
import { typecheck } from "./typecheck.ts";

export { formatDiagnostics, type CheckDiagnostic } from "./diagnostic.ts";

export interface CheckResult {
  /** Errors and warnings, by file (entry first) and position. */
  diagnostics: CheckDiagnostic[];
  errors: number;
  warnings: number;
  /** Files lowered (user and hal/) and type-checked (user), absolute paths, entry first. */
  files: string[];
}

/**
 * Checks one firmware entry for a board. Several entries are checked as
 * several firmwares (each lowered from its own entry) sharing one
 * TypeScript program, which is much cheaper than one check each.
 */
export function checkFirmware(entries: string | string[], board: Board): CheckResult {
  const paths = (typeof entries === "string" ? [entries] : entries).map((e) => resolve(e));
  const host = boardHost(board);
  const lowered = { diagnostics: [] as CheckDiagnostic[], files: [] as string[] };
  for (const [i, path] of paths.entries()) {
    if (host.read(path) === null) throw new OutpostError("FILE_NOT_FOUND", `cannot read firmware entry ${[entries].flat()[i]}: check the path`);
    const one = lowerProgram(path, host);
    lowered.diagnostics.push(...one.diagnostics);
    lowered.files.push(...one.files);
  }
  const typed = typecheck(paths, board);
  const files = [...new Set([...lowered.files, ...typed.files])];
  const diagnostics = sortDiagnostics(firstAtEachPlace([...lowered.diagnostics, ...typed.diagnostics]), files);
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return { diagnostics, errors, warnings: diagnostics.length - errors, files };
}
