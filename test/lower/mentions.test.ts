/**
 * Which modules the lowering walks: those whose code (not comments or
 * strings) declares something async, a generator, or names `Promise`.
 * hal/ and its drivers speak of async traits only in their doc comments,
 * so they reach asc as written without being walked; a module that does
 * declare async code is always lowered.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Modules } from "../../src/toolchain/lower/modules.ts";
import { mentions } from "../../src/toolchain/lower/scan.ts";

const modules = new Modules({ read: () => null });
const of = (text: string) => mentions(modules.put(`/m${text.length}.ts`, text));

test("async, Promise or function* in comments and strings mention nothing", () => {
  assert.equal(of(`/** After embedded-hal-async: an async Wait trait. */\nexport interface Wait { ready(): bool; }\n`), { async: false, relevant: false });
  assert.equal(of(`// returns a Promise\nconst s = "async function* Promise";\nexport function f(): i32 { return s.length; }\n`), { async: false, relevant: false });
});

test("declared async code, generators and Promise types are found", () => {
  assert.equal(of(`export async function f(): Promise<void> {}\n`), { async: true, relevant: true });
  assert.equal(of(`export class C { m(): void {} async n(x: i32): Promise<i32> { return x; } }\n`), { async: true, relevant: true });
  assert.equal(of(`export const g = (): void => { const h = async (): Promise<void> => {}; };\n`), { async: true, relevant: true });
  assert.equal(of(`export function* count(n: i32): Iterable<i32> { yield n; }\n`), { async: false, relevant: true });
  assert.equal(of(`export let pending: Promise<i32> | null = null;\n`), { async: false, relevant: true });
});

test.run();
