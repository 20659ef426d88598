/**
 * The two load-time checkers read their tables from two languages: the
 * simulator's from src/contract/abi-codes.ts, the C host's from
 * boards/wasm/outpost_abi.h and abi_check.c. Both must list the same
 * imports, exports and signatures, and require the same exports.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { EXPORT_SIGNATURES, HOST_EXPORTS, IMPORT_SIGNATURES } from "../../src/contract/abi-codes.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const header = readFileSync(root + "boards/wasm/outpost_abi.h", "utf8");
const checker = readFileSync(root + "boards/wasm/host/abi_check.c", "utf8");

test("every import has the same signature in abi-codes.ts and outpost_abi.h", () => {
  const c = Object.fromEntries([...header.matchAll(/^\s+X\((\w+), "([^"]+)"\)/gm)].map((m) => [m[1]!, m[2]!]));
  assert.equal(c, { ...IMPORT_SIGNATURES });
});

test("every export has the same signature in abi-codes.ts and outpost_abi.h", () => {
  const c = Object.fromEntries([...header.matchAll(/^\s+X\(\w+, "(\w+)", "([^"]+)"\)/gm)].map((m) => [m[1]!, m[2]!]));
  assert.equal(c, { ...EXPORT_SIGNATURES });
});

test("the C checker requires the exports the simulator requires, in the same order", () => {
  const list = /required_exports\[\] = \{([^}]*)\}/.exec(checker)![1]!;
  assert.equal([...list.matchAll(/"(\w+)"/g)].map((m) => m[1]), [...HOST_EXPORTS]);
});

test.run();
