/**
 * Editor support: firmware with async syntax reads as valid TypeScript
 * against Outpost's typings (types/). `tsc -p types` must pass over
 * examples/, hal/drivers/ and the async test firmwares; `await` has the
 * future's value type, so type errors are caught; the generated typings
 * match the sources.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import ts from "typescript";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { generate } from "../../types/generate.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Type-checks with types/tsconfig.json (or a config extending its base); returns "file(line,col): message" lines. */
function check(configPath: string): string[] {
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} };
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, host)!;
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${d.file.fileName.replace(root, "")}(${d.file.getLineAndCharacterOfPosition(d.start!).line + 1})` : "";
    return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
  });
}

test("the generated typings match src/runtime and hal (node --import ./tools/register.mjs types/generate.ts refreshes them)", () => {
  assert.equal(generate(true), []);
});

test("tsc over examples/, hal/drivers/ and the async test firmwares passes", () => {
  assert.equal(check(root + "types/tsconfig.json"), []);
});

test("await has the future's value type: misuses are type errors in the editor", () => {
  const dir = root + "node_modules/.cache/outpost-types/";
  mkdirSync(dir, { recursive: true });
  writeFileSync(dir + "tsconfig.json", JSON.stringify({ extends: root + "types/tsconfig.base.json", include: ["./*.ts"] }));
  writeFileSync(dir + "bad.ts", `import { Timer, Duration, task, select } from "outpost";
import { Uart, Stream } from "outpost/hal";

export async function read(uart: Uart, buf: StaticArray<u8>): Promise<i32> {
  const n = await uart.read(buf);
  const s: string = n;
  return n;
}

export async function items(s: Stream<i32>): Promise<void> {
  for await (const x of s) {
    const t: string = x;
  }
}

export const t = task(1, async (period: Duration): Promise<void> => {
  const w: i32 = await select(read(changetype<Uart>(0), new StaticArray<u8>(1)), Timer.after(period));
});

export function main(): void {
  t.spawn("not a duration");
}
`);
  const errors = check(dir + "tsconfig.json").map((e) => e.replace(/^.*bad\.ts/, "bad.ts"));
  assert.equal(errors, [
    "bad.ts(6): Type 'number' is not assignable to type 'string'.",
    "bad.ts(12): Type 'number' is not assignable to type 'string'.",
    "bad.ts(21): Argument of type 'string' is not assignable to parameter of type 'number'.",
  ]);
});

test.run();
