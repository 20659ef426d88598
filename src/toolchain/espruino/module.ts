/**
 * Turns binaryen's wasm2js output (an ES module wrapping every function in
 * one `asmFunc(imports)` closure) into plain top-level declarations for a
 * script, which is what Espruino runs:
 *
 *   wasm2js                                      translated
 *   ───────                                      ──────────
 *   import * as outpost from 'outpost'        →  (dropped: the glue defines the imports)
 *   var fimport$0 = outpost.uart_read         →  references become `uart_read`
 *   var Math_imul = Math.imul                 →  references become `$imul` (helpers.ts)
 *   var fimport$9 = outpost_trap.divide_by_zero → references become `$trap_divide_by_zero` (traps.ts)
 *   wasm2js_trap() (an `unreachable`)         →  throws Error("unreachable"), V8's message
 *   setTempRet0(x) / getTempRet0()            →  `outpost_hi = x` / `outpost_hi`
 *   var buffer = new ArrayBuffer(65536)       →  recorded; the bundler sizes memory
 *   var HEAPU8 = new Uint8Array(buffer)       →  recorded as a view
 *   initActiveSegments: base64 data           →  recorded as segments
 *   function $12(…) {…}                       →  top-level function, labels removed
 *   __wasm_memory_size() / __wasm_memory_grow(n) →  the constant page count / (n, -1): memory never grows
 *   i64toi32_i32$HIGH_BITS                    →  `outpost_hi`, so legalfunc$… wrappers of i64
 *                                                imports only call them: calls go to the import
 *   return { outpost_poll: legalstub$57, … }  →  export map (name → function)
 *   $44();  (the start function)              →  recorded as `start`
 *
 * Called by bundle.ts. Any shape it does not recognise is an internal
 * error naming the statement: wasm2js changed and this file must follow.
 */
import { type Expr, type Func, type Stmt, id, mapStmt, num, walkStmt } from "./ast.ts";
import { trapHelper } from "./helpers.ts";
import { removeLabels } from "./labels.ts";
import { printStmt } from "./print.ts";
import { int32Facts, simplify } from "./simplify.ts";
import { TRAP_MESSAGES, TRAP_MODULE, UNREACHABLE_MESSAGE } from "../../contract/espruino-traps.ts";

/** The variable that carries the high 32 bits of an i64 across the ABI. */
export const HIGH_BITS = "outpost_hi";
/** wasm2js's own variable for them, merged into HIGH_BITS. */
const WASM2JS_HIGH_BITS = "i64toi32_i32$HIGH_BITS";

export interface Segment {
  offset: number;
  bytes: Uint8Array;
}

export interface View {
  name: string;
  /** Int8Array, Uint8Array, Int32Array, … */
  type: string;
}

export interface FlatModule {
  /** Globals (`var`) and functions, label-free, in wasm2js order. */
  decls: Stmt[];
  /** The Wasm start function (module initialisation), if any. */
  start: string | null;
  /** ABI export name → the function implementing it. */
  exports: Record<string, string>;
  /** The typed-array views over linear memory that the code uses. */
  views: View[];
  /** Bytes wasm2js gave linear memory (whole pages). */
  memoryBytes: number;
  segments: Segment[];
  /** Helpers (helpers.ts) the code now calls. */
  helpers: Set<string>;
}

/** Math functions Espruino lacks, and the helper standing in for each. */
const MATH_HELPERS: Record<string, string> = { imul: "$imul", clz32: "$clz32", fround: "$fround", trunc: "$trunc" };
const HELPER_NAMES = new Set([...Object.values(MATH_HELPERS), ...Object.keys(TRAP_MESSAGES).map(trapHelper)]);

const DROPPED_TOP = new Set(["bufferView", "base64ReverseLookup", "retasmFunc", "base64DecodeToExistingUint8Array", "initActiveSegments"]);

export function flattenModule(program: Stmt[]): FlatModule {
  const decls: Stmt[] = [];
  const segments: Segment[] = [];
  let asm: Stmt[] | null = null;
  for (const s of program) {
    if (s.k === "func" && s.fn.name === "asmFunc") asm = s.fn.body;
    else if (s.k === "func" && s.fn.name === "wasm2js_trap") decls.push(unreachableTrap());
    else if (s.k === "func" && s.fn.name === "initActiveSegments") segments.push(...readSegments(s.fn.body));
    else if (s.k === "func" && DROPPED_TOP.has(s.fn.name!)) continue;
    else if (s.k === "var" && s.decls.every((d) => DROPPED_TOP.has(d.name))) continue;
    else if (s.k === "func") decls.push(s);
    else if (s.k === "var") decls.push(s);
    else if (s.k === "for" || (s.k === "expr" && s.expr.k === "assign")) continue; // base64 lookup table set-up
    else throw unexpected("top-level statement", s);
  }
  if (!asm) throw new Error("wasm2js output has no asmFunc: the translator does not know this wasm2js version");

  const replace = new Map<string, Expr>();
  const moduleVars = new Map<string, string>();
  const views: View[] = [];
  const helpers = new Set<string>();
  let memoryBytes = 65536;
  let start: string | null = null;
  let exports: Record<string, string> = {};
  const functions: Stmt[] = [];
  const tables: Stmt[] = [];

  for (const s of asm) {
    if (s.k === "var") {
      for (const d of s.decls) {
        const init = d.init;
        if (init?.k === "new" && init.callee.k === "id" && init.callee.name === "ArrayBuffer" && init.args[0]?.k === "num") {
          memoryBytes = init.args[0].value;
        } else if (init?.k === "new" && init.callee.k === "id" && /Array$/.test(init.callee.name)) {
          views.push({ name: d.name, type: init.callee.name });
        } else if (init?.k === "dot" && init.obj.k === "id" && init.obj.name === "Math") {
          const helper = MATH_HELPERS[init.name];
          replace.set(d.name, helper ? id(helper) : init);
        } else if (init?.k === "dot" && init.obj.k === "id" && init.obj.name === "imports") {
          moduleVars.set(d.name, init.name);
        } else if (init?.k === "dot" && init.obj.k === "id" && moduleVars.has(init.obj.name)) {
          const module = moduleVars.get(init.obj.name)!;
          if (module === "outpost") replace.set(d.name, id(init.name));
          else if (module === TRAP_MODULE && init.name in TRAP_MESSAGES) replace.set(d.name, id(trapHelper(init.name)));
          else if (module === "env" && (init.name === "setTempRet0" || init.name === "getTempRet0")) replace.set(d.name, id("$" + init.name));
          else throw new Error(`the firmware imports ${module}.${init.name}, which no Outpost host provides (ABI imports are in boards/ABI.md)`);
        } else if (d.name === WASM2JS_HIGH_BITS) {
          replace.set(d.name, id(HIGH_BITS)); // one variable for i64 high bits, inside and across the ABI
        } else if (init?.k === "arr" && init.items.some((x) => x.k === "id")) {
          // The function table (call_indirect's): Espruino does not hoist, so it follows the functions it lists.
          tables.push({ k: "var", decls: [d] });
        } else {
          decls.push({ k: "var", decls: [d] });
        }
      }
    } else if (s.k === "func") {
      const name = s.fn.name!;
      if (name !== "__wasm_memory_size" && name !== "__wasm_memory_grow") functions.push(s); // their calls become constants (rewrite)
    } else if (s.k === "expr") {
      const e = s.expr;
      if (e.k === "assign" && e.target.k === "id" && e.target.name === "bufferView") continue;
      if (e.k === "call" && e.callee.k === "id" && e.callee.name === "initActiveSegments") continue;
      if (e.k === "call" && e.callee.k === "id" && e.args.length === 0 && start === null) start = e.callee.name;
      else throw unexpected("statement in asmFunc", s);
    } else if (s.k === "return" && s.arg?.k === "obj") {
      exports = Object.fromEntries(
        s.arg.props.filter((p) => p.value.k === "id").map((p) => [p.key, (p.value as Extract<Expr, { k: "id" }>).name]),
      );
    } else {
      throw unexpected("statement in asmFunc", s);
    }
  }

  const rewrite = (e: Expr): Expr => {
    if (e.k === "id") {
      const to = replace.get(e.name);
      if (to) {
        if (to.k === "id" && HELPER_NAMES.has(to.name)) helpers.add(to.name);
        return to;
      }
      return e;
    }
    if (e.k === "call" && e.callee.k === "id") {
      if (e.callee.name === "$setTempRet0") return { k: "assign", op: "=", target: id(HIGH_BITS), value: e.args[0]! };
      if (e.callee.name === "$getTempRet0") return id(HIGH_BITS);
      // Memory is sized at build time: it has the declared pages and never grows.
      if (e.callee.name === "__wasm_memory_size") return num(Math.max(1, memoryBytes >> 16));
      if (e.callee.name === "__wasm_memory_grow") return { k: "bin", op: ",", left: e.args[0]!, right: num(-1) };
    }
    return e;
  };
  const rewritten = functions.map((f) => mapStmt(f, rewrite) as Extract<Stmt, { k: "func" }>);
  const forwarded = importForwarders(rewritten);
  const unlabelled: Func[] = [];
  for (const f of rewritten) {
    if (forwarded.has(f.fn.name!)) continue;
    const fn = (forwarded.size > 0 ? (mapStmt(f, (e) => (e.k === "id" && forwarded.has(e.name) ? id(forwarded.get(e.name)!) : e)) as typeof f) : f).fn;
    unlabelled.push({ ...fn, body: removeLabels(fn.body) });
  }
  const facts = int32Facts(unlabelled, views, new Set([...Object.values(exports), ...(start ? [start] : [])]), decls);
  for (const fn of unlabelled) decls.push(simplify({ k: "func", fn }, views, facts));
  decls.push(...tables);
  return { decls, start, exports, views, memoryBytes, segments, helpers };
}

/**
 * wasm2js wraps an import returning i64 in `legalfunc$…`, which calls it
 * and copies the high bits from getTempRet0 into its own variable. Both are
 * `outpost_hi` here, so such a wrapper only calls the import: its callers
 * call the import instead (wrapper name → import name).
 */
function importForwarders(functions: Extract<Stmt, { k: "func" }>[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const { fn } of functions) {
    if (!fn.name!.startsWith("legalfunc$") || fn.params.length > 0) continue;
    const calls: Extract<Expr, { k: "call" }>[] = [];
    let other = false;
    for (const s of fn.body) {
      walkStmt(s, (e) => {
        if (e.k === "call") calls.push(e);
        else if (e.k === "assign" && e.target.k === "id" && e.target.name === HIGH_BITS && !(e.value.k === "bin" && e.value.left.k === "id" && e.value.left.name === HIGH_BITS)) other = true;
      });
    }
    const callee = calls[0]?.callee;
    if (!other && calls.length === 1 && calls[0]!.args.length === 0 && callee?.k === "id") out.set(fn.name!, callee.name);
  }
  return out;
}

function readSegments(body: Stmt[]): Segment[] {
  return body.map((s) => {
    const e = s.k === "expr" ? s.expr : null;
    if (e?.k !== "call" || e.args.length !== 3 || e.args[1]!.k !== "num" || e.args[2]!.k !== "str") {
      throw unexpected("data segment", s);
    }
    return { offset: e.args[1].value, bytes: new Uint8Array(Buffer.from(e.args[2].value, "base64")) };
  });
}

/** wasm2js's stand-in for `unreachable`, throwing V8's message for that trap. */
function unreachableTrap(): Stmt {
  return { k: "func", fn: { name: "wasm2js_trap", params: [], body: [{ k: "throw", arg: { k: "new", callee: id("Error"), args: [{ k: "str", value: UNREACHABLE_MESSAGE }] } }] } };
}

function unexpected(what: string, s: Stmt): Error {
  return new Error(`unexpected ${what} in wasm2js output: ${printStmt(s).slice(0, 120)}`);
}
