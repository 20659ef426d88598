/**
 * The TypeScript half of `outpost check`: type-checks the entry and every
 * user file it imports against Outpost's typings (typings.ts), then runs
 * AssemblyScript's own restrictions over them (restrictions.ts), and
 * checks that each entry exports a main() the build can call
 * (entry-main.ts). Outpost's and AssemblyScript's declaration files are
 * not checked: they are the typings, tested by test/lower/typings.test.ts.
 *
 * Called by check/index.ts.
 */
import ts from "typescript";
import type { Board } from "../../contract/boards.ts";
import { fromTypeScript, type CheckDiagnostic } from "./diagnostic.ts";
import { restrictions } from "./restrictions.ts";
import { isTypingsFile, typingsProgram } from "./typings.ts";
import { boardNameDiagnostic } from "./board-names.ts";
import { entryMain } from "./entry-main.ts";

export interface TypeChecked {
  diagnostics: CheckDiagnostic[];
  /** The user's files in the program (absolute paths). */
  files: string[];
}

/** Several entries share one program (what makes checking many firmwares at once cheap). */
export function typecheck(entries: string[], board: Board): TypeChecked {
  const program = typingsProgram(entries, board);
  const checker = program.getTypeChecker();
  const files = program.getSourceFiles().filter((sf) => !isTypingsFile(sf.fileName) && !sf.isDeclarationFile);
  const out: CheckDiagnostic[] = [];
  for (const d of program.getOptionsDiagnostics()) {
    throw new Error(`the typings' options are invalid: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
  }
  for (const sf of files) {
    const syntax = program.getSyntacticDiagnostics(sf);
    for (const d of [...syntax, ...program.getSemanticDiagnostics(sf)]) {
      const c = boardNameDiagnostic(d, board) ?? fromTypeScript(d);
      if (c) out.push(c);
    }
    // AssemblyScript's restrictions read a well-formed tree; a syntax error is enough to fix first.
    if (!syntax.length) out.push(...restrictions(sf, checker));
  }
  for (const entry of entries) {
    const sf = program.getSourceFile(entry);
    const main = sf && !program.getSyntacticDiagnostics(sf).length ? entryMain(sf, checker) : null;
    if (main) out.push(main);
  }
  const paths = files.map((sf) => sf.fileName);
  return { diagnostics: out, files: paths };
}
