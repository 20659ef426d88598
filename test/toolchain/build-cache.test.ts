/**
 * The build cache (src/toolchain/cache/): a build is found again when the
 * entry, the options and every file it read are unchanged, and only then.
 * Each step runs the real `outpost build` in a new process with its own
 * cache folder (OUTPOST_CACHE). A hit is told from a build by a marker
 * planted in the stored entry: the command prints a build's warnings, so
 * the marker shows on stderr exactly when the stored entry was used.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { hasTool } from "../../src/toolchain/native/tools.ts";
import { when } from "../helpers/skip.ts";

const test = suite("build cache");
const dir = mkdtempSync(join(tmpdir(), "outpost-cache-"));
const cache = join(dir, "cache");
test.after(() => rmSync(dir, { recursive: true, force: true }));

const bin = fileURLToPath(new URL("../../bin/outpost.mjs", import.meta.url));
const MARKER = "(this build came from the cache)";

function build(env: Record<string, string> = {}): { code: number | null; stderr: string; wasm: Buffer | null } {
  rmSync(join(dir, "app/out.wasm"), { force: true });
  const r = spawnSync(process.execPath, [bin, "build", "main.ts", "-o", "out.wasm"], {
    cwd: join(dir, "app"),
    encoding: "utf8",
    env: { ...process.env, OUTPOST_CACHE: cache, ...env },
  });
  const out = join(dir, "app/out.wasm");
  return { code: r.status, stderr: r.stderr, wasm: existsSync(out) ? readFileSync(out) : null };
}

/** Plants the marker as the warnings of every stored build. */
function mark(): void {
  for (const name of readdirSync(cache).filter((n) => n.endsWith(".json") && !n.endsWith(".index.json"))) {
    const entry = JSON.parse(readFileSync(join(cache, name), "utf8")) as { warnings: string };
    writeFileSync(join(cache, name), JSON.stringify({ ...entry, warnings: MARKER }));
  }
}

const greeting = (text: string): void => writeFileSync(join(dir, "app/greeting.ts"), `export const GREETING = "${text}";\n`);
mkdirSync(join(dir, "app"));
writeFileSync(join(dir, "app/main.ts"), `import { log } from "outpost";\nimport { GREETING } from "./greeting";\n\nexport function main(): void {\n  log.info(GREETING);\n}\n`);
greeting("hello");

/** The cache folder's files now. */
const stored = (): string[] => readdirSync(cache).sort();

test("a build is stored; the same build again is the stored one, byte for byte", () => {
  const first = build();
  assert.is(first.code, 0, first.stderr);
  assert.is(first.stderr, "");
  mark();
  const again = build();
  assert.is(again.code, 0, again.stderr);
  assert.is(again.stderr, MARKER + "\n");
  assert.equal(again.wasm, first.wasm);
});

test("OUTPOST_CACHE=off builds without reading or writing the cache", () => {
  const before = stored();
  const off = build({ OUTPOST_CACHE: "off" });
  assert.is(off.code, 0, off.stderr);
  assert.is(off.stderr, "", "not the marked entry");
  assert.equal(stored(), before);
});

test("the same entry built from another working directory is another build: its messages name files from there", () => {
  mark();
  const r = spawnSync(process.execPath, [bin, "build", "app/main.ts", "-o", "app/elsewhere.wasm"], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, OUTPOST_CACHE: cache },
  });
  assert.is(r.status, 0, r.stderr);
  assert.is(r.stderr, "", "built, not the build made in app/");
});

test("a change to a file the entry imports builds again; changing it back finds the earlier build", () => {
  greeting("hello, again");
  const changed = build();
  assert.is(changed.code, 0, changed.stderr);
  assert.is(changed.stderr, "", "built, not taken from the cache");
  assert.ok(changed.wasm!.includes(Buffer.from("hello, again", "utf16le")), "the new text (UTF-16, as AssemblyScript keeps it) is in the new build");
  greeting("hello");
  assert.is(build().stderr, MARKER + "\n", "the first build is still stored beside the second");
});

test("an import that is missing fails and stores nothing; the build works once the file appears", () => {
  writeFileSync(join(dir, "app/main.ts"), `import { log } from "outpost";\nimport { GREETING } from "./later";\n\nexport function main(): void {\n  log.info(GREETING);\n}\n`);
  const before = stored();
  const missing = build();
  assert.is(missing.code, 1);
  assert.match(missing.stderr, /later/);
  assert.equal(stored(), before, "a failed build is not stored");
  writeFileSync(join(dir, "app/later.ts"), `export const GREETING = "later";\n`);
  const found = build();
  assert.is(found.code, 0, found.stderr);
  assert.ok(found.wasm!.includes(Buffer.from("later", "utf16le")));
});

when(hasTool("wasm2c"), "wasm2c is not installed")(test, "a native board's build is cached too: --emit-c again translates the stored build, file for file", () => {
  const emit = (folder: string) =>
    spawnSync(process.execPath, [bin, "build", "main.ts", "--board", "mps2-an385", "--emit-c", folder], { cwd: join(dir, "app"), encoding: "utf8", env: { ...process.env, OUTPOST_CACHE: cache } });
  const first = emit("c1");
  assert.is(first.status, 0, first.stderr);
  assert.is(first.stderr, "", "built, not taken from the cache");
  mark();
  const again = emit("c2");
  assert.is(again.status, 0, again.stderr);
  assert.is(again.stderr, MARKER + "\n");
  const files = (folder: string) => (readdirSync(join(dir, "app", folder), { recursive: true }) as string[]).filter((f) => statSync(join(dir, "app", folder, f)).isFile()).sort();
  assert.equal(files("c2"), files("c1"));
  for (const f of files("c1")) assert.equal(readFileSync(join(dir, "app/c2", f)), readFileSync(join(dir, "app/c1", f)), f);
});

test("no lock is left behind", () => {
  assert.equal(readdirSync(cache).filter((n) => n.endsWith(".lock")), []);
});

test.run();
