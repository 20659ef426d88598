/**
 * AssemblyScript's standard library reads and writes UTF-16 text two and
 * four code units at a time (`store<u32>`/`load<u64>`) at addresses that
 * are only 2-aligned, while declaring natural alignment: number formatting
 * (`util/number`: `-21.0`, the `.0` lands at byte 6), case mapping and
 * UTF-8 coding (`string`: `"Straße".toUpperCase()` writes `SS` as one
 * u32), parsing (`util/string`). WebAssembly allows that on every host,
 * but the Espruino translation reads an alignment hint as a promise
 * (wasm2js's `HEAP32[a >> 2]` is the aligned word below a misaligned `a`),
 * so `${210.0}` came out as `21.0` and a NUL, and `STRASSE` as `STRAßSE`.
 *
 * DataView reads and writes at any byte offset (`getUint16(1)`), the same
 * way. So the build gives those files honest hints: every wide load and store
 * in them says alignment 1 (`store<u64>(p, v)` → `store<u64>(p, v, 0, 1)`),
 * and wasm2js writes those byte by byte. Other hosts ignore hints (wasm3,
 * WAMR, wasm2c's memcpy loads). The accesses are in the uncommon paths
 * (special casing, code points, parsing); comparing strings on a size
 * build reads u16s already. Installed by compile.ts, which also gives an
 * Espruino build's own files the same hints: firmware that reads a packet
 * with `load<u32>(p + 1)` means any address.
 */
import ts from "typescript";

/** The std files that move UTF-16 text in wide words at 2-aligned addresses. */
export const ALIGNMENT_PATCHED = ["util/number", "util/string", "string"];
/** DataView, whose every access may be at any byte offset (half-words too). */
export const ANY_ALIGNMENT = ["dataview"];

const WIDE = new Set(["u32", "i32", "u64", "i64", "f32", "f64"]);
/** Every access wider than a byte: the firmware's own loads and stores. */
export const WIDER_THAN_BYTE = new Set(["u16", "i16", ...WIDE]);

/** `source` with alignment 1 on each `load<T>`/`store<T>` of a type in `types` (the std files': 4 and 8 bytes) that does not state one. */
export function unalignedWideAccesses(source: string, types: ReadonlySet<string> = WIDE): string {
  const sf = ts.createSourceFile("number.ts", source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const edits: { at: number; text: string }[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && (n.expression.text === "load" || n.expression.text === "store")
      && n.typeArguments?.length === 1 && types.has(n.typeArguments[0]!.getText(sf))) {
      const operands = n.expression.text === "store" ? 2 : 1; // then immOffset, immAlign
      const count = n.arguments.length;
      if (count === operands) edits.push({ at: n.arguments.end, text: ", 0, 1" });
      else if (count === operands + 1) edits.push({ at: n.arguments.end, text: ", 1" });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  let out = source;
  for (const e of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.text + out.slice(e.at);
  return out;
}
