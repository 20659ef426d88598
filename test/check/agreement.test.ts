/**
 * `outpost check` and `outpost build` agree (src/toolchain/check/):
 *
 *   - every firmware the repository builds passes the check with no error;
 *   - every program the async lowering refuses in test/lower/errors.test.ts
 *     is refused by the check with the build's own lines;
 *   - what TypeScript accepts and asc refuses (test/check/fixtures/) is
 *     reported by the check at the places asc names, and nowhere asc
 *     accepts.
 *
 * The builds here run asc (a few seconds); the programs share one build.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import ts from "typescript";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { loadBoard } from "../../src/contract/boards.ts";
import { checkFirmware, formatDiagnostics } from "../../src/toolchain/check/index.ts";
import { compileFirmware } from "../../src/toolchain/compile.ts";
import { programs } from "../parity/programs.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const sim = loadBoard("sim");
const scratch = mkdtempSync(join(tmpdir(), "outpost-check-"));
test.after(() => rmSync(scratch, { recursive: true, force: true }));

/** The .ts files of a repository folder (not its subfolders). */
const tsFiles = (dir: string) => readdirSync(join(root, dir)).filter((f) => f.endsWith(".ts")).sort().map((f) => join(root, dir, f));

/** What `outpost build` prints when it refuses `entry`, or null when it builds. */
async function buildErrors(entry: string): Promise<string | null> {
  try {
    await compileFirmware({ entry, board: sim });
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

/** asc's error places in a build's message: `file:line:col` per `ERROR` block (warnings left out). */
function ascPlaces(message: string): string[] {
  const places: string[] = [];
  for (const block of message.split(/\n(?=ERROR|WARNING)/)) {
    const m = /^ERROR [A-Z]+\d+:[\s\S]*?└─ in (.+)\((\d+),(\d+)\)/.exec(block.replace(/^.*does not compile:\n/, ""));
    if (m) places.push(`${m[1]}:${m[2]}:${m[3]}`);
  }
  return places;
}

/** Parity programs that wait for a lowering feature (test/parity/programs.ts): they do not build yet, and say why. */
const waiting = new Set(programs.filter((p) => p.waitsFor).map((p) => p.name));

test("every firmware the repository builds passes outpost check: examples, test firmware, parity programs (but those waiting for a feature), hal drivers, benchmarks", () => {
  const all = [
    ...readdirSync(join(root, "examples")).sort().map((d) => join(root, "examples", d, "main.ts")).filter((f) => existsSync(f)),
    ...tsFiles("test/firmware"), ...tsFiles("test/firmware/lib"), ...tsFiles("test/firmware/parity").filter((f) => !waiting.has(basename(f, ".ts"))),
    ...tsFiles("hal/drivers"), ...tsFiles("bench/firmware"),
  ];
  // Firmwares export main(); the others are libraries, checked where the firmwares reach them.
  const firmwares = all.filter((f) => /^export function main\(/m.test(readFileSync(f, "utf8")));
  assert.ok(firmwares.length > 110, `found ${firmwares.length} firmwares`);
  const result = checkFirmware(firmwares, sim);
  assert.equal(all.filter((f) => !result.files.includes(f)), [], "libraries no firmware reaches");
  // bad-pin.ts is the build's own example of a refused pin (test/toolchain/board-names.test.ts): the same line.
  assert.equal(formatDiagnostics(result.diagnostics).split("\n").map((l) => l.replace(relative(process.cwd(), root), "").replace(/^\//, "")), [
    'test/firmware/bad-pin.ts:2:10: error UNKNOWN_PIN: board "sim" has no pin or UART "LED9": valid pins are P0, P1, P2, P3, P4, P5, P6, P7, P8, P9, P10, P11, P12, P13, P14, P15, LED1, LED2, BTN1, BTN2; UARTs are UART0, UART1 (outpost boards lists every board)',
  ]);
});

/** The programs test/lower/errors.test.ts lowers: each call of errorsOf, lowerSource or lowerFiles with literal sources. */
function refusedPrograms(): Array<Record<string, string>> {
  const path = join(root, "test/lower/errors.test.ts");
  const sf = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.ESNext, true);
  const text = (e: ts.Expression | undefined) => (e && (ts.isNoSubstitutionTemplateLiteral(e) || ts.isStringLiteral(e)) ? e.text : null);
  const files = (e: ts.Expression | undefined): Record<string, string> => {
    const out: Record<string, string> = {};
    if (e && ts.isObjectLiteralExpression(e)) {
      for (const p of e.properties) if (ts.isPropertyAssignment(p) && text(p.initializer) !== null) out[text(p.name as ts.Expression) ?? p.name.getText()] = text(p.initializer)!;
    }
    return out;
  };
  const programs: Array<Record<string, string>> = [];
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && !ts.isFunctionDeclaration(n.parent)) {
      const [first, second] = n.arguments;
      if ((n.expression.text === "errorsOf" || n.expression.text === "lowerSource") && text(first) !== null) programs.push({ "main.ts": text(first)!, ...files(second) });
      if (n.expression.text === "lowerFiles" && Object.keys(files(first)).length) programs.push(files(first)); // not a helper's call with sources made elsewhere
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return programs;
}

test("every program the lowering refuses (test/lower/errors.test.ts) is refused by outpost check with the build's own lines", async () => {
  const programs = refusedPrograms();
  assert.ok(programs.length >= 20, `found ${programs.length} programs in errors.test.ts`);
  // One build for all: each program in its own folder, one entry importing them all.
  const dir = join(scratch, "refused");
  const imports: string[] = [];
  programs.forEach((files, i) => {
    const folder = join(dir, `p${String(i).padStart(2, "0")}`);
    mkdirSync(folder, { recursive: true });
    for (const [name, source] of Object.entries(files)) writeFileSync(join(folder, name), source);
    imports.push(`import "./${relative(dir, folder)}/main";`);
  });
  const entry = join(dir, "all.ts");
  writeFileSync(entry, `${imports.join("\n")}\nexport function main(): void {}\n`);
  const built = await buildErrors(entry);
  assert.ok(built !== null, "the build refuses them");
  const buildLines = built!.split("\n").filter((l) => / error ASYNC_\w+: /.test(l));
  const checked = checkFirmware(entry, sim).diagnostics.filter((d) => d.code.startsWith("ASYNC_") && d.severity === "error");
  assert.equal(formatDiagnostics(checked).split("\n").sort(), buildLines.sort());
  // Most programs there are refused (some show what is accepted: eight at most).
  const refused = new Set(buildLines.map((l) => /\/(p\d\d)\//.exec(l)?.[1]));
  assert.ok(refused.size >= programs.length - 8, `${refused.size} of ${programs.length} programs refused`);
});

for (const fixture of ["refused-semantic", "refused-parse"]) {
  test(`${fixture}.ts: outpost check reports each error asc reports, at its place, and none on a line asc accepts`, async () => {
    const entry = join(root, "test/check/fixtures", `${fixture}.ts`);
    const built = await buildErrors(entry);
    assert.ok(built !== null, "asc refuses it");
    const asc = ascPlaces(built!).map((p) => p.replace(/^.*?([\w-]+\.ts:)/, "$1"));
    const checked = checkFirmware(entry, sim).diagnostics.filter((d) => d.severity === "error");
    const places = checked.map((d) => `${fixture}.ts:${d.line}:${d.column}`);
    assert.ok(asc.length > 0);
    assert.equal([...new Set(asc)].filter((p) => !places.includes(p)), [], "asc's errors the check misses");
    const ascLines = new Set(asc.map((p) => p.replace(/:\d+$/, "")));
    assert.equal(places.filter((p) => !ascLines.has(p.replace(/:\d+$/, ""))), [], "the check's errors on lines asc accepts");
  });
}

test.run();
