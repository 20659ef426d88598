/**
 * What `outpost check` reports, from three sources, as one kind of value
 * until the edge: the async lowering's diagnostics (codes ASYNC_*),
 * TypeScript's against the typings (TS<n>), and AssemblyScript's own
 * restrictions that TypeScript accepts (AS<n>, restrictions.ts).
 *
 * `formatDiagnostics` is the one formatter; it writes each as `outpost
 * build` writes the lowering's (lower/errors.ts):
 *
 *   examples/blinky/main.ts:9:3: error TS2322: Type 'string' is not assignable to type 'number'.
 *
 * Lines and columns are 1-based; columns count UTF-16 code units, as
 * TypeScript and the lowering do.
 */
import ts from "typescript";
import { relative } from "node:path";
import type { LowerDiagnostic } from "../lower/index.ts";

export interface CheckDiagnostic {
  severity: "error" | "warning";
  /** ASYNC_TYPE, TS2322, AS100, …: stable, for scripts and editors. */
  code: string;
  /** One line: what is wrong and what to write instead. */
  message: string;
  /** Absolute path. */
  file: string;
  line: number;
  column: number;
  /** How many characters the diagnostic covers from its column (editors underline them); 0 when only the position is known. */
  length: number;
}

/** `file:line:col: severity CODE: message` per diagnostic, files relative to the working directory. */
export function formatDiagnostics(list: CheckDiagnostic[]): string {
  return list.map((d) => `${relative(process.cwd(), d.file) || d.file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`).join("\n");
}

/** A lowering diagnostic (its file relative to the working directory) as a check diagnostic. */
export function fromLowering(d: LowerDiagnostic, severity: "error" | "warning", absolute: (file: string) => string): CheckDiagnostic {
  return { severity, code: d.code, message: d.message, file: absolute(d.file), line: d.line, column: d.column, length: 0 };
}

/** A diagnostic at `node` of `sf`. */
export function atNode(sf: ts.SourceFile, node: ts.Node, code: string, message: string): CheckDiagnostic {
  const start = node.getStart(sf);
  const { line, character } = sf.getLineAndCharacterOfPosition(start);
  return { severity: "error", code, message, file: sf.fileName, line: line + 1, column: character + 1, length: node.getEnd() - start };
}

/** A TypeScript diagnostic, its message chain on one line. */
export function fromTypeScript(d: ts.Diagnostic): CheckDiagnostic | null {
  if (!d.file || d.start === undefined) return null;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return {
    severity: d.category === ts.DiagnosticCategory.Error ? "error" : "warning",
    code: `TS${d.code}`,
    message: ts.flattenDiagnosticMessageText(d.messageText, " "),
    file: d.file.fileName,
    line: line + 1,
    column: character + 1,
    length: d.length ?? 0,
  };
}

/**
 * Drops a diagnostic at the place of an earlier one: the lowering and a
 * restriction naming one mistake (the lowering's comes first and says
 * more), or a hal/ file lowered for two entries.
 */
export function firstAtEachPlace(list: CheckDiagnostic[]): CheckDiagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** By file (in `order`), then position; errors and warnings mixed, as they appear in the source. */
export function sortDiagnostics(list: CheckDiagnostic[], order: string[]): CheckDiagnostic[] {
  const rank = (f: string) => {
    const i = order.indexOf(f);
    return i < 0 ? order.length : i;
  };
  return [...list].sort((a, b) => rank(a.file) - rank(b.file) || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
