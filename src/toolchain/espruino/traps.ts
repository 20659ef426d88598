/**
 * Makes the firmware trap where WebAssembly traps before wasm2js sees it.
 *
 * wasm2js translates as if no instruction could trap: an integer division
 * by zero gives 0 (`x / 0 | 0`), a float converted to an integer out of
 * range gives garbage (`~~x`). The same firmware traps on every Wasm host,
 * so on Espruino it would go on silently wrong. This pass, run on the Wasm
 * before wasm2js, routes every such instruction through a small function
 * that checks its operands first and calls an import of module
 * `outpost_trap` when WebAssembly would trap, then does the operation:
 *
 *   (i32.div_s a b)  →  (call $__outpost_i32.div_s a b)
 *   func $__outpost_i32.div_s: b == 0 → trap "divide by zero";
 *                              a == i32.MIN, b == -1 → trap "divide result unrepresentable";
 *                              else (i32.div_s a b)
 *
 * Imports cannot be inlined, so each trap keeps its message: module.ts
 * turns `outpost_trap.<name>` into a helper that throws an Error with
 * V8's message for that trap (src/contract/espruino-traps.ts), which the glue reports as
 * a trap, as every host does. Operands are evaluated in the same order, so
 * nothing else changes. Called by bundle.ts.
 *
 * The rewrite works on binaryen's text form, where every instruction is a
 * parenthesised expression: replacing the opening `(i32.div_s` by a call
 * keeps its operands where they are. String literals (data segments, names)
 * are skipped whole: a message that reads "(i32.div_s " stays as it is.
 */
import { TRAP_MESSAGES, TRAP_MODULE } from "../../contract/espruino-traps.ts";
import { loadBinaryen } from "../wasm/binaryen.ts";


type Int = "i32" | "i64";

const MIN: Record<Int, string> = { i32: "-2147483648", i64: "-9223372036854775808" };

/** The guard for a division or remainder of type `t`. */
function divGuard(t: Int, op: "div_s" | "div_u" | "rem_s" | "rem_u"): string {
  const zero = op.startsWith("div") ? "divide_by_zero" : "remainder_by_zero";
  const overflow =
    op === "div_s"
      ? ` (if (i32.and (${t}.eq (local.get $a) (${t}.const ${MIN[t]})) (${t}.eq (local.get $b) (${t}.const -1))) (then (call $__outpost_trap.divide_unrepresentable)))`
      : "";
  return (
    `(func $__outpost_${t}.${op} (param $a ${t}) (param $b ${t}) (result ${t})` +
    ` (if (${t}.eqz (local.get $b)) (then (call $__outpost_trap.${zero})))${overflow}` +
    ` (${t}.${op} (local.get $a) (local.get $b)))`
  );
}

/**
 * The guard for a float → integer conversion: the range of floats that
 * convert (NaN is outside every range), as exclusive bounds that are exact
 * in both float types.
 */
function truncGuard(t: Int, f: "f32" | "f64", signed: boolean): string {
  const bits = t === "i32" ? 32 : 64;
  const lo = signed ? -(2 ** (bits - 1)) - (f === "f64" && bits === 32 ? 1 : 0) : -1;
  const hi = signed ? 2 ** (bits - 1) : 2 ** bits;
  // f32 cannot hold -2^31 - 1: there the lowest value is allowed itself (x >= -2^31).
  const low = signed && !(f === "f64" && bits === 32) ? `(${f}.ge (local.get $x) (${f}.const ${lo}))` : `(${f}.gt (local.get $x) (${f}.const ${lo}))`;
  const op = `${t}.trunc_${f}_${signed ? "s" : "u"}`;
  return (
    `(func $__outpost_${op} (param $x ${f}) (result ${t})` +
    ` (if (i32.eqz (i32.and ${low} (${f}.lt (local.get $x) (${f}.const ${hi})))) (then (call $__outpost_trap.float_unrepresentable)))` +
    ` (${op} (local.get $x)))`
  );
}

/**
 * An instruction to guard, or a string literal (a data segment, a name), matched whole so that
 * text inside it which reads like an instruction is left as it is.
 */
const GUARDED = /"(?:[^"\\]|\\.)*"|\((i32|i64)\.(div_s|div_u|rem_s|rem_u|trunc_f32_s|trunc_f32_u|trunc_f64_s|trunc_f64_u)(?=[\s)])/g;

/** `wasm` with every trapping division, remainder and float → integer conversion checked first. */
export async function guardTraps(wasm: Uint8Array): Promise<Uint8Array> {
  const b = await loadBinaryen();
  const module = b.readBinary(new Uint8Array(wasm));
  let text: string;
  let features: number;
  try {
    features = module.getFeatures();
    text = module.emitText();
  } finally {
    module.dispose();
  }
  const used = new Set<string>();
  text = text.replace(GUARDED, (match, t: string | undefined, op: string) => {
    if (t === undefined) return match; // a string literal
    used.add(`${t}.${op}`);
    return `(call $__outpost_${t}.${op}`;
  });
  if (used.size === 0) return wasm;
  const guards = [...used].sort().map((name) => {
    const [t, op] = name.split(".") as [Int, string];
    if (op.startsWith("trunc")) {
      const [, f, sign] = /trunc_(f32|f64)_([su])/.exec(op)!;
      return truncGuard(t, f as "f32" | "f64", sign === "s");
    }
    return divGuard(t, op as "div_s" | "div_u" | "rem_s" | "rem_u");
  });
  const imports = Object.keys(TRAP_MESSAGES).map((n) => `(import "${TRAP_MODULE}" "${n}" (func $__outpost_trap.${n}))`);
  // Imports must come before every other definition; the guards go at the end.
  const open = text.indexOf("(module") + "(module".length;
  const close = text.lastIndexOf(")");
  text = text.slice(0, open) + "\n " + imports.join("\n ") + text.slice(open, close) + "\n " + guards.join("\n ") + "\n)";
  if (process.env.OUTPOST_DEBUG_TRAPS) (await import("node:fs")).writeFileSync(process.env.OUTPOST_DEBUG_TRAPS, text);
  const out = b.parseText(text);
  try {
    out.setFeatures(features); // the input's: All would write types newer readers reject
    if (!out.validate()) throw new Error("the trap guards made an invalid module: this is a bug in Outpost's Espruino translation");
    return out.emitBinary();
  } finally {
    out.dispose();
  }
}
