/**
 * The work of Outpost's TypeScript language-service plugin (editor/index.js
 * is what tsserver loads; it loads this file): for a firmware file open in
 * an editor, the diagnostics `outpost check` adds to TypeScript's own, at
 * their places, so the editor underlines what `outpost build` would refuse:
 *
 *   - the async lowering's errors and warnings (ASYNC_TYPE, ASYNC_DROPPED, …);
 *   - AssemblyScript's restrictions that TypeScript accepts (AS100, …).
 *
 * The lowering sees the editor's unsaved text of every file in the
 * project, and runs from the firmware's entry (the project's file that
 * exports `main` and reaches the open file), as a build would, so a file
 * imported by the entry gets the diagnostics the build would give it.
 * Results are kept per program: TypeScript makes a new program after each
 * edit, and asking again for an unchanged one costs nothing.
 *
 * TypeScript's diagnostics come from the editor's own program (its
 * tsconfig extends types/tsconfig.base.json). The restrictions read that
 * program's tree with this package's TypeScript, so they run only when
 * the editor's TypeScript is the same version (the lowering always runs).
 */
import ts from "typescript";
import type { server } from "typescript";
import { fsHost, type ModuleHost } from "../lower/index.ts";
import { type Board, boardModuleSource, DEFAULT_BOARD, loadBoard } from "../../contract/boards.ts";
import { BOARD_PATH } from "../packages.ts";
import { firstAtEachPlace, type CheckDiagnostic } from "./diagnostic.ts";
import { lowerProgram, type Lowered } from "./lowering.ts";
import { restrictions } from "./restrictions.ts";
import { isTypingsFile } from "./typings.ts";

type Editor = typeof ts;

/** The `code` of a diagnostic in the editor: the number of AS100 or TS1110; 0 (and the code in the message) for ASYNC_TYPE. */
function editorCode(d: CheckDiagnostic): { code: number; text: string } {
  const numbered = /^(?:AS|TS)(\d+)$/.exec(d.code);
  return numbered ? { code: Number(numbered[1]), text: d.message } : { code: 0, text: `${d.code}: ${d.message}` };
}

/** How many characters to underline when only the place is known: the word there, or one. */
function wordLength(text: string, start: number): number {
  const m = /^[\w$]+/.exec(text.slice(start, start + 200));
  return m ? m[0].length : 1;
}

function exportsMain(sf: ts.SourceFile): boolean {
  return sf.statements.some((st) => ts.isFunctionDeclaration(st) && st.name?.text === "main"
    && (ts.getCombinedModifierFlags(st) & ts.ModifierFlags.Export) !== 0);
}

/** The board the tsconfig names (`{ "name": "outpost/editor", "board": "puckjs" }`), else sim. */
function pluginBoard(info: server.PluginCreateInfo, log: (s: string) => void): Board {
  const name = (info.config as { board?: unknown } | undefined)?.board;
  if (name === undefined) return loadBoard(DEFAULT_BOARD);
  try {
    return loadBoard(String(name));
  } catch (e) {
    log(`${(e as Error).message}; checking for board ${DEFAULT_BOARD}`);
    return loadBoard(DEFAULT_BOARD);
  }
}

export interface EditorChecker {
  /** Outpost's diagnostics of one open file, in the editor's TypeScript's terms. */
  diagnostics(fileName: string): ts.Diagnostic[];
}

/** One per project (editor/index.js makes it when tsserver creates the plugin for a project). */
export function editorChecker(editor: Editor, info: server.PluginCreateInfo): EditorChecker {
  const log = (s: string) => info.project.projectService.logger.info(`[outpost] ${s}`);
  const sameTypeScript = editor.version === ts.version;
  if (!sameTypeScript) log(`the editor runs TypeScript ${editor.version}, Outpost ${ts.version}: AssemblyScript's restrictions are not shown (the lowering's diagnostics are)`);
  const board = boardModuleSource(pluginBoard(info, log));
  const perProgram = new WeakMap<ts.Program, Map<string, Lowered>>();

  /** Modules as the editor has them (unsaved edits included); the others, and hal/, from disk. */
  const hostFor = (program: ts.Program): ModuleHost => {
    const disk = fsHost(() => board);
    return { read: (path) => (path === BOARD_PATH ? board : program.getSourceFile(path)?.text ?? disk.read(path)) };
  };

  const lowered = (program: ts.Program, entry: string): Lowered => {
    let byEntry = perProgram.get(program);
    if (!byEntry) perProgram.set(program, (byEntry = new Map()));
    let result = byEntry.get(entry);
    if (!result) byEntry.set(entry, (result = lowerProgram(entry, hostFor(program))));
    return result;
  };

  /** The lowering of the firmware that contains `fileName`: from an entry of the project that reaches it, else from the file itself. */
  const loweringOf = (program: ts.Program, sf: ts.SourceFile): Lowered => {
    if (!exportsMain(sf)) {
      const entries = program.getRootFileNames().filter((f) => f !== sf.fileName && !isTypingsFile(f)).sort();
      for (const entry of entries) {
        const root = program.getSourceFile(entry);
        if (!root || !exportsMain(root)) continue;
        const result = lowered(program, entry);
        if (result.files.includes(sf.fileName)) return result;
      }
    }
    return lowered(program, sf.fileName);
  };

  const toEditor = (sf: ts.SourceFile, d: CheckDiagnostic): ts.Diagnostic => {
    const lines = sf.getLineStarts();
    const lineStart = lines[Math.min(d.line - 1, lines.length - 1)] ?? 0;
    const start = Math.min(lineStart + d.column - 1, sf.text.length);
    const { code, text } = editorCode(d);
    return {
      file: sf, start, length: d.length || wordLength(sf.text, start), messageText: text, code, source: "outpost",
      category: d.severity === "error" ? editor.DiagnosticCategory.Error : editor.DiagnosticCategory.Warning,
    };
  };

  return {
    diagnostics(fileName) {
      const program = info.languageService.getProgram();
      const sf = program?.getSourceFile(fileName);
      if (!program || !sf || sf.isDeclarationFile || isTypingsFile(sf.fileName)) return [];
      try {
        const lowering = loweringOf(program, sf);
        const found = lowering.diagnostics.filter((d) => d.file === sf.fileName);
        if (sameTypeScript) found.push(...restrictions(sf, program.getTypeChecker()));
        return firstAtEachPlace(found).map((d) => toEditor(sf, d));
      } catch (e) {
        log(`could not check ${fileName}: ${(e as Error).stack ?? e}`);
        return [];
      }
    },
  };
}
