/**
 * Helpers for the lowering's unit tests: lower source text in memory (no
 * asc, no files written), and read back the lowered text, the errors as
 * `file:line:col: error CODE: message` lines, and the report.
 */
import { fileURLToPath } from "node:url";
import { boardModuleSource, loadBoard } from "../../src/contract/boards.ts";
import { fsHost, LowerSession, type LowerReport } from "../../src/toolchain/lower/index.ts";
import { formatLowerErrors } from "../../src/toolchain/lower/errors.ts";

const virtualDir = fileURLToPath(new URL("./virtual/", import.meta.url));

export interface Lowered {
  text: string;
  errors: string[];
  warnings: string[];
  report: LowerReport;
}

/**
 * Lowers `files` (name → source, in test/lower/virtual/, which does not exist on
 * disk) starting with the first; other modules (outpost, hal) come from the repository.
 * `entryMain`: as a build does, the first file must export a sync main().
 */
export function lowerFiles(files: Record<string, string>, options: { entryMain?: boolean } = {}): Lowered {
  const base = fsHost(() => boardModuleSource(loadBoard("sim")));
  const session = new LowerSession({
    read: (path) => (path.startsWith(virtualDir) ? files[path.slice(virtualDir.length)] ?? null : base.read(path)),
  }, options);
  const [first] = Object.keys(files);
  session.setEntry(virtualDir + first);
  const text = session.lowerFile(virtualDir + first, files[first!]!);
  const errors = session.diagnostics.length ? formatLowerErrors(session.diagnostics).split("\n") : [];
  const warnings = session.warnings.length ? formatLowerErrors(session.warnings, "warning").split("\n") : [];
  return { text, errors, warnings, report: session.report() };
}

export function lowerSource(source: string, name = "main.ts"): Lowered {
  return lowerFiles({ [name]: source });
}
