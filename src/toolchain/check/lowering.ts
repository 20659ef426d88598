/**
 * The lowering half of `outpost check`: lowers every module the entry
 * reaches (user files and hal/; the runtime is never lowered) as `outpost
 * build` does when asc asks for them, and keeps the diagnostics and
 * warnings. No asc: this is what makes a check fast.
 *
 * check/index.ts and the editor plugin (check/plugin.ts) call it, the
 * plugin with a host that reads the editor's unsaved text.
 */
import { relative, resolve } from "node:path";
import { fsHost, LowerSession, type ModuleHost } from "../lower/index.ts";
import { boardModuleSource, type Board } from "../../contract/boards.ts";
import { fromLowering, type CheckDiagnostic } from "./diagnostic.ts";

export interface Lowered {
  diagnostics: CheckDiagnostic[];
  /** Every module the entry reaches, runtime excepted, in discovery order (absolute paths). */
  files: string[];
}

/** Modules read from disk, `outpost/board` generated for `board`. */
export function boardHost(board: Board): ModuleHost {
  return fsHost(() => boardModuleSource(board));
}

/** Lowers everything `entry` reaches; its errors and warnings, at the user's file:line:col. */
export function lowerProgram(entry: string, host: ModuleHost): Lowered {
  const session = new LowerSession(host);
  session.setEntry(entry);
  const modules = session.program.all();
  for (const m of modules) {
    try {
      session.lowerFile(m.path, m.text);
    } catch (e) {
      // A bug in the lowering, not in the firmware: one line that says so, as the build would stop there too.
      const where = relative(process.cwd(), m.path) || m.path;
      session.diagnostics.push({ code: "ASYNC_SYNTAX", file: where, line: 1, column: 1, message: `internal error in the async lowering (please report it): ${(e as Error).message}` });
    }
  }
  const absolute = (file: string) => resolve(file);
  return {
    diagnostics: [
      ...session.diagnostics.map((d) => fromLowering(d, "error", absolute)),
      ...session.warnings.map((d) => fromLowering(d, "warning", absolute)),
    ],
    files: modules.map((m) => m.path),
  };
}
