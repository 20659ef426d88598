/**
 * The glue and the simulator's Espruino globals type-check against
 * `@types/espruino` (tsconfig.espruino.json: an Espruino-only program, with
 * `types` listed explicitly so no other @types package is loaded).
 */
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import ts from "typescript";

const test = suite("espruino types");
const root = fileURLToPath(new URL("../../", import.meta.url));

function diagnostics(extra: Record<string, string> = {}): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(root + "tsconfig.espruino.json", {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const host = ts.createCompilerHost(config.options);
  const read = host.readFile.bind(host);
  host.readFile = (f) => extra[f] ?? read(f);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (f) => f in extra || fileExists(f);
  const program = ts.createProgram([...config.fileNames, ...Object.keys(extra)], config.options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, " "));
}

test("glue.js and the host's Espruino globals check against @types/espruino", () => {
  assert.equal(diagnostics(), []);
});

test("a call Espruino's API does not have is caught", () => {
  const found = diagnostics({ [root + "boards/espruino/bad-glue.js"]: "digitalWrite(D5);\nsetWatch(function () {}, D5);\nSerial1.sendAll('x');\n" });
  assert.is(found.length, 3, found.join("\n"));
});

test.run();
