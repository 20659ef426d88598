/**
 * Just enough typing for the lowering: the type of a local that must become
 * a field, of the future an await keeps in its slot, and of the value that
 * future resolves to. Types come from annotations and from expressions that
 * are cheap to resolve (literals, `new X()`, casts, calls and fields whose
 * declarations are annotated, across imports). Anything else is `null`, and
 * the caller asks the user for an annotation.
 *
 * AssemblyScript's numeric types are aliases of `number` to TypeScript's
 * checker, which is why this is syntactic: `i32` must stay `i32`.
 */
import ts from "typescript";
import { hasModifier, type Decl, type Module, type Modules } from "./modules.ts";

export interface Ty {
  /** Primitive, class/interface/alias name, "Promise", or a type parameter. */
  name: string;
  args: Ty[];
  /** Where the name is declared; null for primitives and AssemblyScript globals. */
  decl: Decl | null;
  nullable: boolean;
  /** Verbatim text for types this model does not take apart (function types, generated frames). */
  raw?: string;
  /** For a generated frame (raw): what it resolves to. */
  resolves?: Ty;
  /** For a generated frame (raw): the async function it runs. */
  frame?: import("./scan.ts").AsyncFn;
  /** For a function type (raw): its parameter types and, for an async one, what its Promise resolves to; for a sync one, what it returns. */
  fn?: { params: Ty[]; promise: Ty | null; returns?: Ty | null };
}

const PRIM_SIZES: Record<string, number> = {
  i8: 1, u8: 1, bool: 1, boolean: 1, i16: 2, u16: 2,
  i32: 4, u32: 4, f32: 4, isize: 4, usize: 4,
  i64: 8, u64: 8, f64: 8, number: 8,
};

export const VOID: Ty = { name: "void", args: [], decl: null, nullable: false };
export const prim = (name: string): Ty => ({ name, args: [], decl: null, nullable: false });

function isPrim(t: Ty): boolean {
  return !t.nullable && !t.raw && t.name in PRIM_SIZES;
}

/** An async function type: `(x: i32) => Promise<i32>`. */
export function isAsyncFnType(t: Ty | null): boolean {
  return !!t && !!t.fn && t.fn.promise !== null;
}

export function isVoid(t: Ty | null): boolean {
  return t !== null && t.name === "void";
}

const TYPED_ARRAYS: Record<string, string> = {
  Int8Array: "i8", Uint8Array: "u8", Uint8ClampedArray: "u8", Int16Array: "i16", Uint16Array: "u16",
  Int32Array: "i32", Uint32Array: "u32", Int64Array: "i64", Uint64Array: "u64", Float32Array: "f32", Float64Array: "f64",
};

/** The element type of an indexable collection (Array, StaticArray, a typed array), or null. */
export function elementType(t: Ty): Ty | null {
  if (t.decl || t.raw) return null;
  if (t.name === "Array" || t.name === "StaticArray") return t.args[0] ?? null;
  const el = TYPED_ARRAYS[t.name];
  return el ? prim(el) : null;
}

/** Bytes a field of this type takes (references are 32-bit pointers). */
export function sizeOf(t: Ty): number {
  return isPrim(t) ? PRIM_SIZES[t.name]! : 4;
}

/** The zero a field of this type starts with, or null if it has none (references). */
export function zeroOf(t: Ty): string | null {
  if (t.nullable) return "null";
  if (!isPrim(t)) return null;
  return t.name === "bool" || t.name === "boolean" ? "false" : "0";
}

export type Subst = Map<string, Ty>;

/** Reads a type written in module `m`; type parameters come from `subst`. */
export function tyFromNode(mods: Modules, node: ts.TypeNode, m: Module, subst: Subst = new Map()): Ty | null {
  if (ts.isParenthesizedTypeNode(node)) return tyFromNode(mods, node.type, m, subst);
  if (node.kind === ts.SyntaxKind.VoidKeyword) return VOID;
  if (node.kind === ts.SyntaxKind.BooleanKeyword) return prim("bool");
  if (node.kind === ts.SyntaxKind.StringKeyword) return { name: "string", args: [], decl: null, nullable: false };
  if (node.kind === ts.SyntaxKind.NumberKeyword) return prim("f64");
  if (ts.isUnionTypeNode(node)) {
    const rest = node.types.filter((t) => !(ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword));
    if (rest.length !== 1 || rest.length === node.types.length) return null;
    const inner = tyFromNode(mods, rest[0]!, m, subst);
    return inner && { ...inner, nullable: true };
  }
  if (ts.isArrayTypeNode(node)) {
    const el = tyFromNode(mods, node.elementType, m, subst);
    return el && { name: "Array", args: [el], decl: null, nullable: false };
  }
  if (ts.isFunctionTypeNode(node)) {
    const params = node.parameters.map((p) => (p.type ? tyFromNode(mods, p.type, m, subst) : null));
    const promise = promiseValue(mods, node.type, m, subst);
    const t: Ty = { name: "function", args: [], decl: null, nullable: false, raw: node.getText() };
    if (params.every((x) => x !== null)) t.fn = { params: params as Ty[], promise, returns: promise ? null : tyFromNode(mods, node.type, m, subst) };
    return t;
  }
  if (!ts.isTypeReferenceNode(node)) return null;
  const args: Ty[] = [];
  for (const a of node.typeArguments ?? []) {
    const t = tyFromNode(mods, a, m, subst);
    if (!t) return null;
    args.push(t);
  }
  if (ts.isQualifiedName(node.typeName)) {
    const ns = node.typeName.left;
    if (!ts.isIdentifier(ns)) return null;
    const target = mods.namespaceImport(m, ns.text);
    const decl = target ? mods.exported(target, node.typeName.right.text) : null;
    return decl ? fromDecl(mods, decl, args) : null;
  }
  const name = node.typeName.text;
  const sub = subst.get(name);
  if (sub) return sub;
  if (name in PRIM_SIZES) return prim(name);
  if (name === "Promise") return { name, args, decl: null, nullable: false };
  const decl = mods.named(m, name);
  if (!decl) return { name, args, decl: null, nullable: false }; // a global: StaticArray, string, Array…
  return fromDecl(mods, decl, args);
}

function fromDecl(mods: Modules, decl: Decl, args: Ty[]): Ty | null {
  if (decl.kind === "type") {
    const alias = decl.node as ts.TypeAliasDeclaration;
    return tyFromNode(mods, alias.type, decl.module, paramSubst(alias.typeParameters, args));
  }
  if (decl.kind === "class" || decl.kind === "interface") return { name: decl.name, args, decl, nullable: false };
  // An enum's values are i32s in AssemblyScript: frame fields and futures hold them as such.
  if (decl.kind === "enum") return prim("i32");
  return null;
}

export function paramSubst(params: ts.NodeArray<ts.TypeParameterDeclaration> | undefined, args: Ty[]): Subst {
  const s: Subst = new Map();
  (params ?? []).forEach((p, i) => {
    if (args[i]) s.set(p.name.text, args[i]!);
  });
  return s;
}

export interface Member {
  kind: "field" | "method" | "getter";
  node: ts.ClassElement | ts.TypeElement;
  /** The declared type (field) or return type (method, getter). */
  type: ts.TypeNode | undefined;
  module: Module;
  subst: Subst;
  isStatic: boolean;
  isAsync: boolean;
  /** The class or interface that declares it. */
  owner: Decl;
}

function heritage(node: ts.ClassDeclaration | ts.InterfaceDeclaration, kind: ts.SyntaxKind): ts.ExpressionWithTypeArguments[] {
  return (node.heritageClauses ?? []).filter((h) => h.token === kind).flatMap((h) => [...h.types]);
}

/** Direct bases of a class or interface type (`extends`), with type arguments applied. */
export function basesOf(mods: Modules, t: Ty): Ty[] {
  if (!t.decl || (t.decl.kind !== "class" && t.decl.kind !== "interface")) return [];
  const node = t.decl.node as ts.ClassDeclaration | ts.InterfaceDeclaration;
  const subst = paramSubst(node.typeParameters, t.args);
  const out: Ty[] = [];
  for (const h of heritage(node, ts.SyntaxKind.ExtendsKeyword)) {
    const decl = mods.entity(t.decl.module, h.expression);
    const args = (h.typeArguments ?? []).map((a) => tyFromNode(mods, a, t.decl!.module, subst));
    if (!decl || args.some((a) => a === null)) continue;
    const base = fromDecl(mods, decl, args as Ty[]);
    if (base) out.push(base);
  }
  return out;
}

/** Finds a member by name in a class/interface type or its bases. */
export function findMember(mods: Modules, t: Ty, name: string, wantStatic = false, depth = 0): Member | null {
  if (!t.decl || depth > 16 || (t.decl.kind !== "class" && t.decl.kind !== "interface")) return null;
  const node = t.decl.node as ts.ClassDeclaration | ts.InterfaceDeclaration;
  const subst = paramSubst(node.typeParameters, t.args);
  for (const mem of node.members as ts.NodeArray<ts.ClassElement | ts.TypeElement>) {
    // `constructor(public x: i32)` declares the field x (a parameter property).
    if (ts.isConstructorDeclaration(mem) && !wantStatic) {
      const param = mem.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === name && ts.isParameterPropertyDeclaration(p, mem));
      if (param) return { node: mem, module: t.decl.module, subst, isStatic: false, isAsync: false, owner: t.decl, kind: "field", type: param.type };
      continue;
    }
    if (!mem.name || !ts.isIdentifier(mem.name) || mem.name.text !== name) continue;
    const isStatic = hasModifier(mem, ts.SyntaxKind.StaticKeyword);
    if (isStatic !== wantStatic) continue;
    const isAsync = hasModifier(mem, ts.SyntaxKind.AsyncKeyword);
    const base = { node: mem, module: t.decl.module, subst, isStatic, isAsync, owner: t.decl };
    if (ts.isPropertyDeclaration(mem) || ts.isPropertySignature(mem)) return { ...base, kind: "field", type: mem.type };
    if (ts.isMethodDeclaration(mem) || ts.isMethodSignature(mem)) return { ...base, kind: "method", type: mem.type };
    if (ts.isGetAccessorDeclaration(mem)) return { ...base, kind: "getter", type: mem.type };
  }
  for (const b of basesOf(mods, t)) {
    const found = findMember(mods, b, name, wantStatic, depth + 1);
    if (found) return found;
  }
  return null;
}

/** The type of a member (field type, method return type), with the owner's type arguments applied. */
/** `e` without the parentheses around it. */
export function unparenthesised(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  return e;
}

export function memberType(mods: Modules, mem: Member): Ty | null {
  if (mem.type) return tyFromNode(mods, mem.type, mem.module, mem.subst);
  // A field whose type is its initial value's, an async closure written with its types: `run = async (x: i32): Promise<void> => …`.
  const init = ts.isPropertyDeclaration(mem.node) && mem.node.initializer ? unparenthesised(mem.node.initializer) : null;
  if (init && !(ts.isArrowFunction(init) || ts.isFunctionExpression(init))) return initializerType(mods, init, mem.module, mem.subst);
  if (!init || !(ts.isArrowFunction(init) || ts.isFunctionExpression(init))) return null;
  return asyncFnValueType(mods, init, mem.module, mem.subst);
}

/** The type of an async function or arrow as a value (`(x: i32) => Promise<i32>`), when its types are all written; else null. */
export function asyncFnValueType(mods: Modules, fn: ts.SignatureDeclaration, m: Module, subst: Subst = new Map()): Ty | null {
  if (!hasModifier(fn, ts.SyntaxKind.AsyncKeyword) || fn.typeParameters?.length || ("asteriskToken" in fn && fn.asteriskToken)) return null;
  const params = fn.parameters.map((p) => (p.type ? tyFromNode(mods, p.type, m, subst) : null));
  const promise = promiseValue(mods, fn.type, m, subst);
  if (!promise || params.some((p) => p === null)) return null;
  return { name: "function", args: [], decl: null, nullable: false, raw: "", fn: { params: params as Ty[], promise } };
}

/** A number literal's type as AssemblyScript gives it: an f64 with a point or exponent, else i32, or i64 past i32's range. */
export function numericLiteralType(e: ts.NumericLiteral): Ty {
  if (/[.eE]/.test(e.text) && !/^0[xX]/.test(e.text)) return prim("f64");
  return prim(Number(e.text) > 0x7fffffff ? "i64" : "i32"); // TypeScript's text has no `_` separators
}

/**
 * The type a field written without one would have from its initial value (AssemblyScript infers none: the
 * build refuses such a field and writes this type into its message; async code's types use it meanwhile, so
 * that one error is not echoed): a literal (`count = 7` is an i32, `5_000_000_000` an i64, `1.5` an f64),
 * `true`/`false`, a string, `<i64>x` or `x as T`, `new C(…)` (with its type arguments); null for anything else.
 */
export function initializerType(mods: Modules, e: ts.Expression, m: Module, subst: Subst): Ty | null {
  e = unparenthesised(e);
  if (ts.isAsExpression(e) || ts.isTypeAssertionExpression(e)) return tyFromNode(mods, e.type, m, subst);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken) return initializerType(mods, e.operand, m, subst);
  if (ts.isNumericLiteral(e)) return numericLiteralType(e);
  if (e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword) return prim("bool");
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return prim("string");
  if (ts.isNewExpression(e) && ts.isIdentifier(e.expression)) {
    const args = (e.typeArguments ?? []).map((a) => tyFromNode(mods, a, m, subst));
    if (args.some((a) => a === null)) return null;
    const decl = mods.named(m, e.expression.text);
    if (!decl) return { name: e.expression.text, args: args as Ty[], decl: null, nullable: false }; // StaticArray, Uint8Array…
    if (decl.kind !== "class") return null;
    const params = (decl.node as ts.ClassDeclaration).typeParameters?.length ?? 0;
    return params === args.length ? fromDecl(mods, decl, args as Ty[]) : null;
  }
  return null;
}

/** True for the runtime's future.ts, where Future and ValueFuture are declared. */
export function isFutureModule(m: Module): boolean {
  return /src\/runtime\/future\.ts$/.test(m.path.replace(/\\/g, "/"));
}

function isRuntimeFuture(t: Ty, name: "Future" | "ValueFuture"): boolean {
  return t.name === name && t.decl !== null && isFutureModule(t.decl.module);
}

/**
 * What a future type resolves to: VOID for `Future`/`Promise<void>`, T for
 * `ValueFuture<T>`/`Promise<T>` and their subclasses, null if `t` is not a
 * future this model can see.
 */
export function futureValue(mods: Modules, t: Ty, depth = 0): Ty | null {
  if (depth > 16) return null;
  if (t.resolves) return t.resolves;
  if (t.name === "Promise" && !t.decl) return t.args[0] ?? VOID;
  if (isRuntimeFuture(t, "ValueFuture")) return t.args[0] ?? null;
  if (isRuntimeFuture(t, "Future")) return VOID;
  for (const b of basesOf(mods, t)) {
    const v = futureValue(mods, b, depth + 1);
    if (v) return v;
  }
  return null;
}

/**
 * True only when `t` is known not to be a future: a primitive, a string, an
 * array, or a class or interface whose every base resolves and none is a
 * future. Unknown types are not known: `await` of them stays an await.
 */
export function notAFuture(mods: Modules, t: Ty, depth = 0): boolean {
  if (depth > 16 || t.name === "Promise" || t.resolves) return false;
  if (isPrim(t) || (!t.decl && ["string", "Array", "StaticArray", "bool"].includes(t.name))) return true;
  if (!t.decl) return false;
  if (t.decl.kind === "enum") return true;
  if (t.decl.kind !== "class" && t.decl.kind !== "interface") return false;
  if (isRuntimeFuture(t, "Future") || isRuntimeFuture(t, "ValueFuture")) return false;
  const node = t.decl.node as ts.ClassDeclaration | ts.InterfaceDeclaration;
  const declared = heritage(node, ts.SyntaxKind.ExtendsKeyword).length;
  const bases = basesOf(mods, t);
  if (bases.length !== declared) return false; // a base this model cannot see
  return bases.every((b) => notAFuture(mods, b, depth + 1));
}

/** Bytes of a class's instance fields (inherited first), laid out as asc does: each aligned to its size. */
export function classFieldBytes(mods: Modules, t: Ty, depth = 0): number {
  if (!t.decl || t.decl.kind !== "class" || depth > 16) return 0;
  let offset = 0;
  for (const b of basesOf(mods, t)) offset = classFieldBytes(mods, b, depth + 1);
  const node = t.decl.node as ts.ClassDeclaration;
  const subst = paramSubst(node.typeParameters, t.args);
  const fields: number[] = [];
  for (const mem of node.members) {
    if (!ts.isPropertyDeclaration(mem)) continue;
    if (hasModifier(mem, ts.SyntaxKind.StaticKeyword)) continue;
    const ty = mem.type ? tyFromNode(mods, mem.type, t.decl.module, subst) : null;
    fields.push(ty ? sizeOf(ty) : literalFieldSize(mem.initializer));
  }
  for (const ctor of node.members.filter(ts.isConstructorDeclaration)) {
    for (const p of ctor.parameters) {
      if (!ts.canHaveModifiers(p) || !(ts.getModifiers(p) ?? []).length) continue; // parameter properties
      const ty = p.type ? tyFromNode(mods, p.type, t.decl.module, subst) : null;
      fields.push(ty ? sizeOf(ty) : 4);
    }
  }
  return layout(offset, fields);
}

function literalFieldSize(init: ts.Expression | undefined): number {
  if (init && (init.kind === ts.SyntaxKind.TrueKeyword || init.kind === ts.SyntaxKind.FalseKeyword)) return 1;
  return 4;
}

/** Appends fields of the given sizes after `offset`, each aligned to its size. */
export function layout(offset: number, sizes: number[]): number {
  for (const s of sizes) offset = Math.ceil(offset / s) * s + s;
  return offset;
}

const GENERATOR_TYPES = new Set(["Generator", "Iterable", "IterableIterator", "Iterator", "AsyncGenerator", "AsyncIterable", "AsyncIterableIterator", "AsyncIterator"]);

/** A generator's declared return type (`Generator<T, R>`, `AsyncGenerator<T, R>`, `Iterable<T>`…): item type T and return type R (VOID if absent). */
export function generatorTypes(mods: Modules, type: ts.TypeNode | undefined, m: Module): { yields: Ty | null; returns: Ty | null } {
  if (!type || !ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName) || !GENERATOR_TYPES.has(type.typeName.text)) {
    return { yields: null, returns: null };
  }
  const [t, r] = type.typeArguments ?? [];
  return { yields: t ? tyFromNode(mods, t, m) : null, returns: r ? tyFromNode(mods, r, m) : VOID };
}

/** Reads the `Promise<T>` of an async declaration's return type: T, VOID, or null if not written as Promise. */
export function promiseValue(mods: Modules, type: ts.TypeNode | undefined, m: Module, subst?: Subst): Ty | null {
  if (!type || !ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName) || type.typeName.text !== "Promise") return null;
  const arg = type.typeArguments?.[0];
  if (!arg) return VOID;
  return tyFromNode(mods, arg, m, subst);
}
