/**
 * A pin or UART imported from `outpost/board` that the board lacks is the
 * most likely mistake in firmware; `outpost build` words it with the
 * board's valid names (compile.ts), and `outpost check` says the same at the
 * same place instead of TypeScript's "has no exported member".
 *
 * Called by check/typecheck.ts for each TypeScript diagnostic.
 */
import ts from "typescript";
import { type Board, unknownBoardNameMessage } from "../../contract/boards.ts";
import type { CheckDiagnostic } from "./diagnostic.ts";

/** TS2305 (no exported member) and TS2724 (the same, with a suggestion). */
const NO_EXPORTED_MEMBER = new Set([2305, 2724]);

/** The build's UNKNOWN_PIN diagnostic for `d`, or null when `d` is about anything else. */
export function boardNameDiagnostic(d: ts.Diagnostic, board: Board): CheckDiagnostic | null {
  if (!NO_EXPORTED_MEMBER.has(d.code) || !d.file || d.start === undefined) return null;
  const name = d.file.text.slice(d.start, d.start + (d.length ?? 0));
  const decl = ts.findAncestor(tokenAt(d.file, d.start), ts.isImportDeclaration);
  if (!decl || !ts.isStringLiteral(decl.moduleSpecifier) || decl.moduleSpecifier.text !== "outpost/board") return null;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return {
    severity: "error", code: "UNKNOWN_PIN", message: unknownBoardNameMessage(board, name),
    file: d.file.fileName, line: line + 1, column: character + 1, length: name.length,
  };
}

function tokenAt(sf: ts.SourceFile, pos: number): ts.Node {
  let found: ts.Node = sf;
  const visit = (n: ts.Node): void => {
    if (n.getStart(sf) <= pos && pos < n.getEnd()) {
      found = n;
      ts.forEachChild(n, visit);
    }
  };
  ts.forEachChild(sf, visit);
  return found;
}
