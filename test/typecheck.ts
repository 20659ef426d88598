/**
 * `npm test`'s type-check (run.ts starts it beside the test workers): what
 * `tsc -p <project>` reports, for each project named on the command line,
 * in one process. One process instead of one tsc per project: TypeScript
 * is loaded once (with Outpost's code cache, tools/typescript.mjs), and a
 * declaration file both projects read (Node's types, TypeScript's own) is
 * parsed once.
 *
 *   node --import ./tools/register.mjs test/typecheck.ts tsconfig.json web/tsconfig.json
 *
 * Prints one JSON line per project: `{ "project", "report" }`, the report
 * being tsc's text for its errors ("" when there are none).
 */
import ts from "typescript";

const parsed = new Map<string, ts.SourceFile | undefined>();

for (const project of process.argv.slice(2)) {
  process.stdout.write(JSON.stringify({ project, report: check(project) }) + "\n");
}

function check(project: string): string {
  let configError = "";
  const config = ts.getParsedCommandLineOfConfigFile(project, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => (configError = ts.flattenDiagnosticMessageText(d.messageText, "\n")),
  });
  if (!config) return `${project}: ${configError}\n`;
  const host = ts.createCompilerHost(config.options);
  const read = host.getSourceFile.bind(host);
  // Same file name and language version, same tree: both projects target ES2022.
  host.getSourceFile = (name, version, onError, create) => {
    const key = `${typeof version === "object" ? version.languageVersion : version} ${name}`;
    if (!parsed.has(key)) parsed.set(key, read(name, version, onError, create));
    return parsed.get(key);
  };
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host, projectReferences: config.projectReferences });
  const diagnostics = [...config.errors, ...ts.getPreEmitDiagnostics(program)];
  return ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => process.cwd(), getNewLine: () => "\n" });
}
