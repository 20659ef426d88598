/**
 * The editor typings in a project that installed Outpost from the registry,
 * where npm hoists Outpost's dependencies beside it: node_modules/outpost/
 * has no node_modules/assemblyscript of its own, and the typings find
 * AssemblyScript's std typings in the project's node_modules. (A project
 * made by `outpost new` links the repository instead: plugin.test.ts.)
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import ts from "typescript";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const project = mkdtempSync(join(tmpdir(), "outpost-installed-"));
test.after(() => rmSync(project, { recursive: true, force: true }));

test("a firmware type-checks against the typings of an installed Outpost whose AssemblyScript npm hoisted", () => {
  mkdirSync(join(project, "node_modules/outpost"), { recursive: true });
  cpSync(join(root, "types"), join(project, "node_modules/outpost/types"), { recursive: true });
  symlinkSync(join(root, "node_modules/assemblyscript"), join(project, "node_modules/assemblyscript"), "dir");
  writeFileSync(join(project, "tsconfig.json"), JSON.stringify({ extends: "./node_modules/outpost/types/tsconfig.base.json", include: ["*.ts"] }));
  cpSync(join(root, "examples/blinky/main.ts"), join(project, "main.ts"));
  writeFileSync(join(project, "wrong.ts"), `export function half(n: i32): string { return n / 2; }\n`);
  const config = ts.getParsedCommandLineOfConfigFile(join(project, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const program = ts.createProgram(config.fileNames, config.options);
  const shown = ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${d.file.fileName.slice(project.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start!).line + 1}: ` : "";
    return `${where}TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
  });
  assert.equal(shown, ["wrong.ts:1: TS2322 Type 'number' is not assignable to type 'string'."]);
  assert.ok(program.getSourceFiles().some((sf) => sf.fileName.endsWith("assemblyscript/std/assembly/index.d.ts")));
});

test.run();
