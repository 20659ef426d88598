/**
 * boards/wasm/outpost_abi.h says what boards/ABI.md says: every code,
 * import and export of the markdown tables has the same name, value and
 * signature in the C header, and the header has nothing the ABI lacks.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";

const root = fileURLToPath(new URL("../../", import.meta.url));
const abi = readFileSync(root + "boards/ABI.md", "utf8");
const header = readFileSync(root + "boards/wasm/outpost_abi.h", "utf8");

/** The rows of the markdown table under `## heading` (or `### heading`), as cells. */
function table(heading: string): string[][] {
  const start = abi.search(new RegExp(`^#+ ${heading.replace(/[()*]/g, "\\$&")}\\s*$`, "m"));
  assert.ok(start >= 0, `ABI.md has no section "${heading}"`);
  const rows: string[][] = [];
  for (const line of abi.slice(start).split("\n").slice(1)) {
    if (line.startsWith("#")) break;
    if (!line.startsWith("|") || /^\|[-| ]+\|$/.test(line)) continue;
    rows.push(line.split("|").slice(1, -1).map((c) => c.trim()));
  }
  return rows.slice(1); // the header row
}

function defines(prefix: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const m of header.matchAll(/^#define (OUTPOST_\w+) \(?(-?\d+)\)?/gm)) {
    if (m[1]!.startsWith(prefix)) found.set(m[1]!.slice(prefix.length), Number(m[2]));
  }
  return found;
}

/** `(pin: i32, mode: i32) → i32` → `i(ii)`. */
function wasm3Signature(params: string, result: string): string {
  const letter = (t: string) => (t.includes("i64") ? "I" : "i");
  const args = params === "()" ? [] : params.slice(1, -1).split(",").map((p) => letter(p.split(":")[1]!));
  return `${result === "()" ? "v" : letter(result)}(${args.join("")})`;
}

/** The rows of an import or export table as `name i(ii)`; `memory` has no signature. */
function signatures(heading: string): string[] {
  return table(heading)
    .filter((row) => row[0] !== "`memory`")
    .map((row) => {
      const m = /^`(\(.*?\)) → (.+)`$/.exec(row[1]!)!;
      return `${row[0]!.replace(/`/g, "")} ${wasm3Signature(m[1]!, m[2]!)}`;
    });
}

function codes(heading: string, nameOf: (cell: string) => string): Map<string, number> {
  return new Map(table(heading).map((row) => [nameOf(row[0]!.replace(/`/g, "")), Number(row[1])]));
}

test("the version is 1 in both", () => {
  assert.match(abi, /`outpost_abi_version` \| `\(\) → i32` \| always `1`/);
  assert.equal(defines("OUTPOST_ABI_").get("VERSION"), 1);
});

test("pin modes, event sources, configure errors and panic codes match ABI.md", () => {
  const pinModes = codes("Pin modes (`gpio_configure`)", (c) => c.split(" ")[0]!);
  assert.equal(defines("OUTPOST_PIN_"), pinModes);
  const events = codes("Events (`outpost_event`)", (c) => c);
  assert.equal(defines("OUTPOST_EVENT_"), events);
  const errors = codes("Error codes (negative `i32` from `*_configure`)", (c) => c);
  const headerErrors = defines("OUTPOST_E_");
  headerErrors.set("OK", defines("OUTPOST_").get("OK")!);
  assert.equal(new Map([...headerErrors].map(([k, v]) => [k === "OK" ? k : `E_${k}`, v])), errors);
  assert.equal(defines("OUTPOST_PANIC_"), codes("Panic codes (`panic`)", (c) => c));
});

test("every import has its ABI.md name and signature", () => {
  const fromHeader = [...header.matchAll(/^\s+X\((\w+), "([^"]+)"\)/gm)].map((m) => `${m[1]} ${m[2]}`);
  assert.equal(fromHeader, signatures("Imports (module `outpost`, host → firmware)"));
  assert.match(header, /#define OUTPOST_IMPORT_MODULE "outpost"/);
});

test("every export has its ABI.md name and signature", () => {
  const fromHeader = [...header.matchAll(/^\s+X\(\w+, "(\w+)", "([^"]+)"\)/gm)].map((m) => `${m[1]} ${m[2]}`);
  assert.equal(fromHeader, signatures("Exports (firmware → host)"));
});

test.run();
