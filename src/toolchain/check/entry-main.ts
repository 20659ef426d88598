/**
 * A firmware entry exports `main()`, which `outpost build` calls once at
 * start from a module it generates (`main(); endInit();`): sync, callable
 * without arguments. asc's complaint when it is not lands in that
 * generated module (`__outpost_entry__.ts`), so `outpost check` says it at
 * the entry instead: at `main` when it is there, at 1:1 when it is not.
 *
 * Called by check/typecheck.ts for each entry.
 */
import ts from "typescript";
import { atNode, type CheckDiagnostic } from "./diagnostic.ts";
import { messages } from "../lower/errors.ts";

const say = {
  missing: messages.mainMissing, // the build's words too (lower/sync-syntax.ts)
  async: messages.mainAsync,
  notFunction: () => "main is not a function: outpost build calls main() once at start; export `function main(): void { … }`",
  parameters: () => "main() takes arguments, and outpost build calls it with none: give each parameter a default, or drop them",
};

export function entryMain(sf: ts.SourceFile, checker: ts.TypeChecker): CheckDiagnostic | null {
  const module = checker.getSymbolAtLocation(sf);
  const exported = module && checker.getExportsOfModule(module).find((s) => s.name === "main");
  // `export { main } from "./app"`: the function itself.
  const symbol = exported && exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
  if (!symbol) return { severity: "error", code: "TS2305", message: say.missing(), file: sf.fileName, line: 1, column: 1, length: 0 };
  const decl = symbol.valueDeclaration ?? symbol.declarations?.[0];
  if (!decl) return null;
  const name = ts.getNameOfDeclaration(decl) ?? decl;
  const type = checker.getTypeOfSymbolAtLocation(symbol, decl);
  const signatures = type.getCallSignatures();
  if (!signatures.length) return atNode(decl.getSourceFile(), name, "TS2349", say.notFunction());
  if (signatures.some((s) => isPromise(s.getReturnType()))) return atNode(decl.getSourceFile(), name, "TS2305", say.async());
  if (!signatures.some((s) => s.parameters.every((p) => isOptional(p)))) return atNode(decl.getSourceFile(), name, "TS2554", say.parameters());
  return null;
}

function isPromise(t: ts.Type): boolean {
  return t.getSymbol()?.name === "Promise";
}

function isOptional(p: ts.Symbol): boolean {
  const d = p.valueDeclaration;
  return !!d && ts.isParameter(d) && (d.initializer !== undefined || d.questionToken !== undefined || d.dotDotDotToken !== undefined);
}
