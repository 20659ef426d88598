/**
 * The load-time half of ABI v1's contract (boards/ABI.md, "Checked at
 * load"): what a module must look like before any host runs it.
 *
 *   every export with an ABI name   a function of exactly its ABI signature
 *                                   (`memory`: a memory the module defines)
 *   the required exports            present (HOST_EXPORTS)
 *   every import                    a function of module "outpost" that ABI v1
 *                                   defines, with exactly its signature
 *
 * `abiContractProblem` returns the first breach as one phrase ("its export
 * outpost_poll has type () -> i32 where ABI v1 says () -> i64"), or null.
 * The reference C host (boards/wasm/host/abi_check.c) words every breach
 * identically; test/abi/ runs both over the same hostile modules.
 *
 * Who calls: the simulator's Wasm host before instantiating (a module's
 * start function must not run before it is known to be Outpost firmware).
 * The module is assumed valid WebAssembly (the engine compiled it first).
 */
import { ABI_VERSION, EXPORT_SIGNATURES, HOST_EXPORTS, IMPORT_SIGNATURES } from "./abi-codes.ts";
import { WasmReader } from "./wasm-binary.ts";

const KINDS = ["a function", "a table", "a memory", "a global", "a tag"];
const VALUE_TYPES: Record<number, string> = { 0x7f: "i32", 0x7e: "i64", 0x7d: "f32", 0x7c: "f64", 0x7b: "v128", 0x70: "funcref", 0x6f: "externref" };
const LETTERS: Record<string, string> = { i: "i32", I: "i64", f: "f32", F: "f64" };

interface FuncType {
  params: string[];
  results: string[];
}

/** `(i32, i32) -> i64`; `()` for no results. */
function showType(t: FuncType): string {
  return `(${t.params.join(", ")}) -> ${t.results.length === 1 ? t.results[0] : `(${t.results.join(", ")})`}`;
}

/** An ABI signature (`"i(iiI)"`) as a type. */
function abiType(signature: string): FuncType {
  const [result, params] = [signature[0]!, signature.slice(2, -1)];
  return { params: [...params].map((l) => LETTERS[l]!), results: result === "v" ? [] : [LETTERS[result]!] };
}

/** The module's facts the contract is about, read from its sections (fuel.ts reads parameter counts from them too). */
export interface ModuleShape {
  types: FuncType[];
  imports: { module: string; name: string; kind: number; type: number }[];
  /** Type index of every function, imported ones first (the function index space). */
  functions: number[];
  exports: { name: string; kind: number; index: number }[];
}

export function readShape(bytes: Uint8Array, file: string): ModuleShape {
  const r = new WasmReader(bytes, file);
  const shape: ModuleShape = { types: [], imports: [], functions: [], exports: [] };
  const valueType = (): string => {
    const b = r.byte();
    return VALUE_TYPES[b] ?? `type 0x${b.toString(16)}`;
  };
  for (const section of r.sections()) {
    r.pos = section.start;
    if (section.id === 1) {
      for (let n = r.u32(); n > 0; n--) {
        if (r.byte() !== 0x60) throw r.malformed("a type is not a function type");
        const params = Array.from({ length: r.u32() }, valueType);
        const results = Array.from({ length: r.u32() }, valueType);
        shape.types.push({ params, results });
      }
    } else if (section.id === 2) {
      shape.imports = r.imports();
      for (const i of shape.imports) if (i.kind === 0) shape.functions.push(i.type);
    } else if (section.id === 3) {
      for (let n = r.u32(); n > 0; n--) shape.functions.push(r.u32());
    } else if (section.id === 7) {
      shape.exports = r.exports();
    }
  }
  return shape;
}

/** The first way `bytes` breaks ABI v1's load-time contract, as a phrase; null when it keeps it. */
export function abiContractProblem(bytes: Uint8Array, file: string): string | null {
  const shape = readShape(bytes, file);
  const exported = new Set(shape.exports.map((e) => e.name));
  const missing = HOST_EXPORTS.filter((name) => !exported.has(name));
  if (missing.length > 0) return `it lacks the ABI v${ABI_VERSION} export${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`;
  for (const e of shape.exports) {
    const wanted = e.name === "memory" ? 2 : EXPORT_SIGNATURES[e.name] !== undefined ? 0 : -1;
    if (wanted < 0) continue; // not an ABI name: hosts ignore it
    if (e.kind !== wanted) return `its export ${e.name} is ${KINDS[e.kind] ?? `kind ${e.kind}`}, not ${KINDS[wanted]}`;
    if (wanted === 0) {
      const problem = typeProblem(`its export ${e.name}`, shape.types[shape.functions[e.index]!], EXPORT_SIGNATURES[e.name]!);
      if (problem) return problem;
    }
  }
  for (const i of shape.imports) {
    const signature = i.module === "outpost" ? IMPORT_SIGNATURES[i.name] : undefined;
    if (i.kind !== 0) return `it imports ${i.module}.${i.name}, ${KINDS[i.kind] ?? `kind ${i.kind}`}: ABI v${ABI_VERSION} imports are functions of module outpost`;
    if (signature === undefined) return `it imports ${i.module}.${i.name}, which ABI v${ABI_VERSION} does not define`;
    const problem = typeProblem(`its import ${i.module}.${i.name}`, shape.types[i.type], signature);
    if (problem) return problem;
  }
  return null;
}

function typeProblem(what: string, actual: FuncType | undefined, signature: string): string | null {
  const wanted = showType(abiType(signature));
  const found = actual ? showType(actual) : "an unknown type";
  return found === wanted ? null : `${what} has type ${found} where ABI v${ABI_VERSION} says ${wanted}`;
}
