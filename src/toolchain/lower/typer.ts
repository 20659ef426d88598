/**
 * Types of expressions inside a firmware module, as far as they are cheap
 * to know (see types.ts). Locals of the async function being lowered are
 * typed through `locals`; everything else through module declarations.
 */
import ts from "typescript";
import type { Modules, Module, Decl } from "./modules.ts";
import { asyncMethod, asyncNamed, isGenerator, scanOf, type AsyncFn } from "./scan.ts";
import {
  asyncFnValueType, basesOf, findMember, futureValue, isVoid, memberType, notAFuture, numericLiteralType, paramSubst, prim, tyFromNode, VOID, type Ty,
} from "./types.ts";
import { unparen } from "./syntax.ts";

export interface LocalTypes {
  /** The type of a local or parameter reference; undefined if `id` is not a local. */
  typeOfLocal(id: ts.Identifier): Ty | null | undefined;
  /** The type of a call the lowering preallocates (a frame or factory slot), if it is one. */
  typeOfCall?(call: ts.CallExpression): Ty | undefined;
  /** The function type of an async closure (its signature). */
  typeOfClosure?(arrow: ts.Node): Ty | null;
}

const COMPARISON = new Set([
  ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.LessThanToken, ts.SyntaxKind.LessThanEqualsToken,
  ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.GreaterThanEqualsToken, ts.SyntaxKind.InstanceOfKeyword,
]);

/** AssemblyScript's portable conversions (`i32(x)`, `f64(n)`): their result is the type they are named after. */
const CONVERSIONS = new Set(["i8", "u8", "i16", "u16", "i32", "u32", "i64", "u64", "isize", "usize", "f32", "f64", "bool"]);
/** AssemblyScript's generic math builtins: their result has their argument's type (`abs(x)`, `max(a, b)`). */
const GENERIC_MATH = new Set(["abs", "min", "max", "floor", "ceil", "sqrt", "trunc", "nearest", "copysign"]);
/** AssemblyScript's Math namespaces: every function of `Math` gives an f64, of `Mathf` an f32. */
const MATH: Record<string, string> = { Math: "f64", NativeMath: "f64", Mathf: "f32", NativeMathf: "f32" };

/** What the standard library's string and array methods that allocate nothing return. */
const STRING_METHODS: Record<string, string> = {
  charCodeAt: "i32", codePointAt: "i32", indexOf: "i32", lastIndexOf: "i32", localeCompare: "i32",
  includes: "bool", startsWith: "bool", endsWith: "bool",
};
const ARRAY_METHODS: Record<string, string> = {
  indexOf: "i32", lastIndexOf: "i32", includes: "bool", some: "bool", every: "bool", findIndex: "i32", findLastIndex: "i32",
};
/** Array methods that hand back one element. */
const ARRAY_ELEMENT_METHODS = new Set(["at", "pop", "shift", "find", "findLast"]);
/** Map and Set: what their methods and `size` give. */
const COLLECTION_METHODS: Record<string, string> = { has: "bool", delete: "bool" };

/** The element type of each typed array. */
const TYPED_ARRAYS: Record<string, string> = {
  Uint8Array: "u8", Int8Array: "i8", Uint8ClampedArray: "u8", Uint16Array: "u16", Int16Array: "i16",
  Uint32Array: "u32", Int32Array: "i32", Uint64Array: "u64", Int64Array: "i64", Float32Array: "f32", Float64Array: "f64",
};

/** What indexing a standard-library array or typed array gives. */
function elementOf(t: Ty): Ty | null {
  if (t.decl) return null;
  if (t.name === "StaticArray" || t.name === "Array") return t.args[0] ?? null;
  return TYPED_ARRAYS[t.name] ? prim(TYPED_ARRAYS[t.name]!) : null;
}

const BUILTIN_LENGTH = new Set(["string", "Array", "StaticArray", "Uint8Array", "Int8Array", "Uint16Array", "Int16Array",
  "Uint32Array", "Int32Array", "Float32Array", "Float64Array"]);

/** `t` is one of AssemblyScript's own types (a number, a string, an array, a Map or Set), which no async method extends. */
export function isBuiltinType(t: Ty): boolean {
  return !t.decl && !t.frame && (BUILTIN_LENGTH.has(t.name) || t.name in TYPED_ARRAYS || t.name in NUMERIC || ["Map", "Set", "ArrayBuffer"].includes(t.name));
}

export class Typer {
  readonly mods: Modules;
  readonly module: Module;
  readonly locals: LocalTypes | null;
  readonly thisTy: Ty | null;
  /** In a static method, the class `this` names (`this.tick()` is `Clock.tick()`). */
  readonly staticThis: Decl | null;
  private guard = new Set<ts.Node>();
  constructor(
    mods: Modules,
    module: Module,
    locals: LocalTypes | null,
    thisTy: Ty | null,
    staticThis: Decl | null = null,
  ) {
    this.mods = mods;
    this.module = module;
    this.locals = locals;
    this.thisTy = thisTy;
    this.staticThis = staticThis;
  }

  /** The module-level declaration an identifier names (own or imported), if it is not a local. */
  declOf(id: ts.Identifier): Decl | null {
    if (this.locals?.typeOfLocal(id) !== undefined) return null;
    return this.mods.named(this.module, id.text);
  }

  typeOf(e: ts.Expression): Ty | null {
    if (this.guard.has(e)) return null;
    this.guard.add(e);
    try {
      return this.compute(e);
    } finally {
      this.guard.delete(e);
    }
  }

  /** Type of a module-level variable declaration (annotation or simple initializer). */
  varType(decl: Decl): Ty | null {
    const v = decl.variable;
    if (!v) return null;
    if (v.type) return tyFromNode(this.mods, v.type, decl.module);
    if (!v.initializer) return null;
    // `const worker = task(2, …)`: the task's spawner (frames.ts), typed here for its methods in this file.
    const fn = scanOf(this.mods, decl.module).byName.get(decl.name);
    if (fn?.kind === "task") return decl.module === this.module ? { name: `${decl.name}$Spawner`, args: [], decl: null, nullable: false, raw: `${decl.name}$Spawner`, frame: fn } : null;
    const t = decl.module === this.module ? this : new Typer(this.mods, decl.module, null, null);
    return t.typeOf(v.initializer);
  }

  private compute(e: ts.Expression): Ty | null {
    const mods = this.mods;
    if (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) {
      const t = this.typeOf(e.expression);
      return t && ts.isNonNullExpression(e) ? { ...t, nullable: false } : t;
    }
    if (ts.isAsExpression(e) || ts.isTypeAssertionExpression(e)) return tyFromNode(mods, e.type, this.module);
    if (ts.isNumericLiteral(e)) return numericLiteralType(e);
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) || ts.isTemplateExpression(e)) {
      return { name: "string", args: [], decl: null, nullable: false };
    }
    if (e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword) return prim("bool");
    if (e.kind === ts.SyntaxKind.ThisKeyword) return this.thisTy;
    if (ts.isPrefixUnaryExpression(e)) {
      return e.operator === ts.SyntaxKind.ExclamationToken ? prim("bool") : this.typeOf(e.operand);
    }
    if (ts.isPostfixUnaryExpression(e)) return this.typeOf(e.operand);
    if (ts.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      if (COMPARISON.has(op)) return prim("bool");
      if (op === ts.SyntaxKind.EqualsToken || op === ts.SyntaxKind.CommaToken) return this.typeOf(e.right);
      if (op === ts.SyntaxKind.QuestionQuestionToken) {
        const l = this.typeOf(e.left);
        return l ? { ...l, nullable: false } : this.typeOf(e.right);
      }
      const l = this.typeOf(e.left);
      const r = this.typeOf(e.right);
      // Shifts keep the left side's type; other operators meet in the wider one, as asc's do.
      if (!SHIFTS.has(op) && l && r && !isNumberLiteral(e.right)) return commonNumeric(l, r) ?? l;
      return l ?? r;
    }
    if (ts.isConditionalExpression(e)) {
      const a = this.typeOf(e.whenTrue);
      const b = this.typeOf(e.whenFalse);
      // A literal branch takes the other's type (asc types it by its context); `null` makes the other nullable.
      if (isNumberLiteral(e.whenTrue) && b && commonNumeric(b, b)) return b;
      if (isNumberLiteral(e.whenFalse) && a && commonNumeric(a, a)) return a;
      if (unparen(e.whenTrue).kind === ts.SyntaxKind.NullKeyword && b) return { ...b, nullable: true };
      if (unparen(e.whenFalse).kind === ts.SyntaxKind.NullKeyword && a) return { ...a, nullable: true };
      return commonFuture(mods, a, b) ?? (a && b ? commonNumeric(a, b) ?? commonClass(mods, a, b) : null) ?? a ?? b;
    }
    // AssemblyScript's typeof is a string known at compile time ("number", "string", "object", …).
    if (ts.isTypeOfExpression(e)) return { name: "string", args: [], decl: null, nullable: false };
    if (ts.isAwaitExpression(e)) {
      const t = this.typeOf(e.expression);
      if (!t) return null;
      // `await v` of a plain value is v (TypeScript allows it).
      return futureValue(mods, t) ?? (notAFuture(mods, t) ? t : null);
    }
    if (ts.isNewExpression(e)) return this.newType(e);
    if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return this.locals?.typeOfClosure?.(e) ?? asyncFnValueType(mods, e, this.module);
    if (ts.isYieldExpression(e)) {
      // `yield* gen()` is what the delegate generator returns.
      const t = e.asteriskToken && e.expression ? this.typeOf(e.expression) : null;
      return t?.frame?.returns ?? null;
    }
    if (ts.isIdentifier(e)) {
      const local = this.locals?.typeOfLocal(e);
      if (local !== undefined) return local;
      const d = this.mods.named(this.module, e.text);
      // `const h = fast`: a named async function as a value.
      if (d?.kind === "function") return asyncFnValueType(mods, d.node as ts.FunctionDeclaration, d.module);
      return d && d.kind === "var" ? this.varType(d) : null;
    }
    if (ts.isPropertyAccessExpression(e)) return this.propertyType(e);
    if (ts.isElementAccessExpression(e)) {
      const t = this.typeOf(e.expression);
      return t && elementOf(t);
    }
    if (ts.isCallExpression(e)) return this.callType(e);
    return null;
  }

  private newType(e: ts.NewExpression): Ty | null {
    const args: Ty[] = [];
    for (const a of e.typeArguments ?? []) {
      const t = tyFromNode(this.mods, a, this.module);
      if (!t) return null;
      args.push(t);
    }
    // `new Sensor()`, or `new dev.Sensor()` through `import * as dev`.
    const d = this.mods.entity(this.module, e.expression);
    if (!d) return ts.isIdentifier(e.expression) ? { name: e.expression.text, args, decl: null, nullable: false } : null;
    return d.kind === "class" ? { name: d.name, args, decl: d, nullable: false } : null;
  }

  /** `ns.x`, `Class.staticField`, `obj.field`, `obj.getter`. */
  private propertyType(e: ts.PropertyAccessExpression): Ty | null {
    if (this.isMath(e.expression)) return prim(MATH[e.expression.text]!); // Math.PI
    const target = this.staticTarget(e.expression);
    const name = e.name.text;
    if (target?.kind === "module") {
      const d = this.mods.exported(target.module, name);
      return d && d.kind === "var" ? this.varType(d) : null;
    }
    if (target?.kind === "decl") {
      const d = target.decl;
      if (d.kind === "namespace") return this.namespaceMemberType(d, name);
      if (d.kind === "enum") return prim("i32");
      if (d.kind === "class") {
        const mem = findMember(this.mods, { name: d.name, args: [], decl: d, nullable: false }, name, true);
        return mem && mem.kind !== "method" ? memberType(this.mods, mem) : null;
      }
      return null;
    }
    const t = this.typeOf(e.expression);
    if (!t) return null;
    // A sync generator's object, its own result: its item, and whether it has ended.
    if (t.frame?.kind === "generator" && (name === "value" || name === "done")) return name === "done" ? prim("bool") : t.frame.value ?? null;
    // A call's future, read after join or select completed it: `f.value` is what it resolved to.
    if (name === "value" && !t.decl) {
      if (t.resolves) return t.resolves;
      if (t.name === "Promise") return t.args[0] ?? null;
    }
    // The standard library's lengths (string, arrays, typed arrays) are i32.
    if (name === "length" && !t.decl && BUILTIN_LENGTH.has(t.name)) return prim("i32");
    if (name === "byteLength" && !t.decl && (BUILTIN_LENGTH.has(t.name) || t.name === "ArrayBuffer") && t.name !== "string") return prim("i32");
    if (name === "size" && !t.decl && (t.name === "Map" || t.name === "Set")) return prim("i32");
    const mem = findMember(this.mods, t, name);
    if (mem) return mem.kind !== "method" ? memberType(this.mods, mem) : null;
    return errorMember(this.mods, t, name);
  }

  private namespaceMemberType(d: Decl, name: string): Ty | null {
    const body = (d.node as ts.ModuleDeclaration).body;
    if (!body || !ts.isModuleBlock(body)) return null;
    for (const st of body.statements) {
      if (ts.isVariableStatement(st)) {
        for (const v of st.declarationList.declarations) {
          if (ts.isIdentifier(v.name) && v.name.text === name && v.type) return tyFromNode(this.mods, v.type, d.module);
        }
      }
    }
    return null;
  }

  /** What an expression names when it is not a value: a namespace import, a namespace or a class. */
  staticTarget(e: ts.Expression): { kind: "module"; module: Module } | { kind: "decl"; decl: Decl } | null {
    if (e.kind === ts.SyntaxKind.ThisKeyword && this.staticThis) return { kind: "decl", decl: this.staticThis };
    if (!ts.isIdentifier(e)) return null;
    if (this.locals?.typeOfLocal(e) !== undefined) return null;
    const ns = this.mods.namespaceImport(this.module, e.text);
    if (ns) return { kind: "module", module: ns };
    const d = this.mods.named(this.module, e.text, undefined, true);
    if (d && (d.kind === "namespace" || d.kind === "class" || d.kind === "enum")) return { kind: "decl", decl: d };
    return null;
  }

  private callType(e: ts.CallExpression): Ty | null {
    const planned = this.locals?.typeOfCall?.(e);
    if (planned) return planned;
    const callee = e.expression;
    if (!ts.isIdentifier(callee) || this.locals?.typeOfLocal(callee) !== undefined) {
      // A call of an async function value resolves to what its Promise does.
      const ft = ts.isPropertyAccessExpression(callee) && this.staticTarget(callee.expression) ? null : this.typeOf(callee);
      if (ft?.fn && ft.fn.promise) return { name: "Promise", args: ft.fn.promise.name === "void" ? [] : [ft.fn.promise], decl: null, nullable: false };
      // A call of a sync function value (a local arrow, a field typed `(x: i32) => i32`) is what it returns.
      if (ft?.fn && !ft.fn.promise && ft.fn.returns) return ft.fn.returns;
    }
    if (ts.isIdentifier(callee)) {
      if (this.locals?.typeOfLocal(callee) !== undefined) return null;
      const fn = asyncNamed(this.mods, this.module, callee.text);
      if (fn && isGenerator(fn)) return { name: fn.frame, args: [], decl: null, nullable: false, raw: fn.frame, frame: fn };
      if (fn) return fn.value && { name: "Promise", args: fn.value.name === "void" ? [] : [fn.value], decl: null, nullable: false };
      const d = this.mods.named(this.module, callee.text);
      if (d && d.kind === "function") return this.callReturn(d.node as ts.FunctionDeclaration, d.module, e);
      if (d && d.kind === "var" && d.variable?.initializer && ts.isArrowFunction(d.variable.initializer)) {
        return this.returnType(d.variable.initializer, d.module);
      }
      if (!d && CONVERSIONS.has(callee.text)) return prim(callee.text);
      // AssemblyScript's memory builtins: `load<u16>(p)` and `changetype<T>(p)` are their type argument, `unchecked(x)` is x.
      if (!d && (callee.text === "load" || callee.text === "changetype") && e.typeArguments?.length === 1) return tyFromNode(this.mods, e.typeArguments[0]!, this.module);
      if (!d && callee.text === "unchecked" && e.arguments.length === 1) return this.typeOf(e.arguments[0]!);
      if (!d && GENERIC_MATH.has(callee.text)) {
        const explicit = e.typeArguments?.[0];
        return explicit ? tyFromNode(this.mods, explicit, this.module) : e.arguments[0] ? this.typeOf(e.arguments[0]) : null;
      }
      return null;
    }
    if (!ts.isPropertyAccessExpression(callee)) return null;
    const name = callee.name.text;
    if (this.isMath(callee.expression)) return prim(MATH[callee.expression.text]!);
    const target = this.staticTarget(callee.expression);
    if (target?.kind === "module") {
      const d = this.mods.exported(target.module, name);
      if (d && d.kind === "function") return this.callReturn(d.node as ts.FunctionDeclaration, d.module, e);
      return null;
    }
    if (target?.kind === "decl") {
      const d = target.decl;
      if (d.kind === "namespace") {
        const body = (d.node as ts.ModuleDeclaration).body;
        if (body && ts.isModuleBlock(body)) {
          for (const st of body.statements) {
            if (ts.isFunctionDeclaration(st) && st.name?.text === name) return this.returnType(st, d.module);
          }
        }
        return null;
      }
      if (d.kind === "class") {
        const mem = findMember(this.mods, { name: d.name, args: [], decl: d, nullable: false }, name, true);
        return mem && mem.kind === "method" ? memberType(this.mods, mem) : null;
      }
      return null;
    }
    const t = this.typeOf(callee.expression);
    if (!t) return null;
    // A sync generator's object is its own result (runtime/iter.ts): next() and close() hand it back.
    if (t.frame?.kind === "generator" && (name === "next" || name === "close")) return t;
    if (t.frame?.kind === "task") {
      // A task's spawner: spawn() and trySpawn() hand back the task (its frame), running() counts them.
      if (name === "running") return prim("i32");
      if (name === "spawn" || name === "trySpawn") return { name: t.frame.frame, args: [], decl: null, nullable: name === "trySpawn", raw: t.frame.frame, frame: t.frame };
    }
    if (!t.decl && !t.nullable && t.name === "string" && STRING_METHODS[name]) return prim(STRING_METHODS[name]!);
    if (!t.decl && !t.nullable && BUILTIN_LENGTH.has(t.name) && t.name !== "string") {
      if (ARRAY_METHODS[name]) return prim(ARRAY_METHODS[name]!);
      if (ARRAY_ELEMENT_METHODS.has(name)) return elementOf(t);
      // `reduce(f, initial)`: the initial value's type, which the accumulator keeps.
      if ((name === "reduce" || name === "reduceRight") && e.arguments[1]) return this.typeOf(e.arguments[1]);
    }
    if (!t.decl && !t.nullable && (t.name === "Map" || t.name === "Set")) {
      if (COLLECTION_METHODS[name]) return prim(COLLECTION_METHODS[name]!);
      if (name === "get" && t.name === "Map") return t.args[1] ?? null;
    }
    const mem = findMember(this.mods, t, name);
    if (!mem || mem.kind !== "method") return null;
    return memberType(this.mods, mem);
  }

  /** `Math` or `Mathf` as AssemblyScript declares them (not a local or a declaration of the firmware's). */
  private isMath(e: ts.Expression): e is ts.Identifier {
    return ts.isIdentifier(e) && MATH[e.text] !== undefined && this.locals?.typeOfLocal(e) === undefined && this.mods.named(this.module, e.text) === null;
  }

  private returnType(fn: ts.SignatureDeclaration, m: Module): Ty | null {
    return fn.type ? tyFromNode(this.mods, fn.type, m) : null;
  }

  /**
   * What `call` of `fn` returns: its return type, with a generic function's type parameters given by the call
   * (`maxOf<i32>(3, 4)`) or by an argument a parameter of that type takes (`maxOf(a, b)`).
   */
  private callReturn(fn: ts.SignatureDeclaration, m: Module, call: ts.CallExpression): Ty | null {
    const params = fn.typeParameters;
    if (!params?.length || !fn.type) return this.returnType(fn, m);
    const args: Ty[] = [];
    for (const [i, p] of params.entries()) {
      const explicit = call.typeArguments?.[i];
      let t = explicit ? tyFromNode(this.mods, explicit, this.module) : null;
      if (!explicit) {
        const at = fn.parameters.findIndex((q) => q.type && ts.isTypeReferenceNode(q.type) && ts.isIdentifier(q.type.typeName) && q.type.typeName.text === p.name.text);
        t = at >= 0 && call.arguments[at] ? this.typeOf(call.arguments[at]!) : null;
      }
      if (!t) return null;
      args.push(t);
    }
    return tyFromNode(this.mods, fn.type, m, paramSubst(params, args));
  }

  /** The value an awaited future type resolves to, VOID for none, null when unknown. */
  valueOf(t: Ty | null): Ty | null {
    return t ? futureValue(this.mods, t) : null;
  }
}

/** `message`, `name` and `stack` of AssemblyScript's Error, on Error itself or a class extending it. */
function errorMember(mods: Modules, t: Ty, name: string): Ty | null {
  if (name !== "message" && name !== "name" && name !== "stack") return null;
  for (let c: Ty | null = t, guard = 0; c && guard < 16; guard++) {
    if (c.name === "Error" && !c.decl) return { name: "string", args: [], decl: null, nullable: false };
    if (!c.decl || c.decl.kind !== "class") return null;
    const ext: ts.ExpressionWithTypeArguments | undefined = (c.decl.node as ts.ClassDeclaration).heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
    c = ext ? tyFromNode(mods, ts.factory.createTypeReferenceNode(ext.expression.getText()), c.decl.module) : null;
  }
  return null;
}

/** The static async method a call `C.m(…)` reaches, when `C` names a class declared in a scanned module. */
export function asyncMethodOf(typer: Typer, call: ts.CallExpression): AsyncFn | null {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee)) return null;
  const st = typer.staticTarget(callee.expression);
  if (st?.kind !== "decl" || st.decl.kind !== "class") return null;
  return asyncMethod(typer.mods, st.decl.node as ts.ClassDeclaration, st.decl.module, callee.name.text, true);
}

/**
 * What a sync arrow or function expression returns: its annotation, else the type of what it returns
 * (its expression body, or its block's first `return`), read with its annotated parameters in scope;
 * void for a block that returns nothing; null when that cannot be told.
 */
export function arrowReturnType(mods: Modules, m: Module, fn: ts.ArrowFunction | ts.FunctionExpression): Ty | null {
  if (fn.type) return tyFromNode(mods, fn.type, m);
  const params = new Map<string, Ty | null>();
  for (const p of fn.parameters) if (ts.isIdentifier(p.name)) params.set(p.name.text, p.type ? tyFromNode(mods, p.type, m) : null);
  const typer = new Typer(mods, m, { typeOfLocal: (id) => (params.has(id.text) ? params.get(id.text)! : undefined) }, null);
  if (!ts.isBlock(fn.body)) return typer.typeOf(fn.body);
  let returned: ts.ReturnStatement | null = null;
  const find = (n: ts.Node): void => {
    if (returned || ts.isFunctionLike(n)) return;
    if (ts.isReturnStatement(n)) returned = n;
    else ts.forEachChild(n, find);
  };
  ts.forEachChild(fn.body, find);
  const value = (returned as ts.ReturnStatement | null)?.expression;
  return value ? typer.typeOf(value) : VOID;
}

/**
 * `c ? read(1) : write(2)`: two different futures resolving to one type are that type's future (each call's frame
 * extends it), so a slot or a local can hold either; null when `a` and `b` are not two such futures.
 */
export function commonFuture(mods: Modules, a: Ty | null, b: Ty | null): Ty | null {
  if (!a || !b) return null;
  const va = futureValue(mods, a);
  const vb = futureValue(mods, b);
  if (!va || !vb || sameTy(a, b) || !sameTy(va, vb)) return null;
  return { name: "Promise", args: isVoid(va) ? [] : [va], decl: null, nullable: a.nullable || b.nullable };
}

function sameTy(a: Ty, b: Ty): boolean {
  return a.name === b.name && a.decl === b.decl && (a.raw ?? "") === (b.raw ?? "") && a.args.length === b.args.length && a.args.every((x, i) => sameTy(x, b.args[i]!));
}

const SHIFTS = new Set([ts.SyntaxKind.LessThanLessThanToken, ts.SyntaxKind.GreaterThanGreaterThanToken, ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken]);

/** Bits and kind of each number type (isize and usize: wasm32's). */
const NUMERIC: Record<string, { bits: number; float: boolean }> = {
  bool: { bits: 1, float: false }, i8: { bits: 8, float: false }, u8: { bits: 8, float: false }, i16: { bits: 16, float: false },
  u16: { bits: 16, float: false }, i32: { bits: 32, float: false }, u32: { bits: 32, float: false }, isize: { bits: 32, float: false },
  usize: { bits: 32, float: false }, i64: { bits: 64, float: false }, u64: { bits: 64, float: false }, f32: { bits: 32, float: true },
  f64: { bits: 64, float: true },
};

/** `from` converts to `to` without a cast in asc (an integer into one as wide or wider, or into a float whose mantissa holds it). */
function widens(from: Ty, to: Ty): boolean {
  const f = NUMERIC[from.name];
  const t = NUMERIC[to.name];
  if (!f || !t || from.decl || to.decl) return false;
  if (!t.float) return !f.float && f.bits <= t.bits;
  return f.float ? f.bits <= t.bits : f.bits <= (t.bits === 32 ? 23 : 52);
}

/** The type asc computes two numbers of types `a` and `b` in (`i32 + i64` is i64), or null when either is not a number. */
function commonNumeric(a: Ty, b: Ty): Ty | null {
  if (widens(b, a)) return a;
  if (widens(a, b)) return b;
  return null;
}

/** The class of `a` and `b` that the other extends (`c ? derived : base` is a Base), or null. */
function commonClass(mods: Modules, a: Ty, b: Ty): Ty | null {
  const nullable = a.nullable || b.nullable;
  if (extendsClass(mods, b, a)) return { ...a, nullable };
  if (extendsClass(mods, a, b)) return { ...b, nullable };
  return null;
}

function extendsClass(mods: Modules, sub: Ty, base: Ty, depth = 0): boolean {
  if (!sub.decl || !base.decl || depth > 16) return false;
  if (sub.decl === base.decl) return true;
  return basesOf(mods, sub).some((b) => extendsClass(mods, b, base, depth + 1));
}

/** A number literal, negated or in parentheses or not (asc types it by where it is used). */
function isNumberLiteral(e: ts.Expression): boolean {
  const inner = unparen(e);
  return ts.isNumericLiteral(inner) || (ts.isPrefixUnaryExpression(inner) && inner.operator === ts.SyntaxKind.MinusToken && isNumberLiteral(inner.operand));
}
