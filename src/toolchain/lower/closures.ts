/**
 * Async closures: an async arrow used as a value, and a named async
 * function used as a value. Each becomes a class extending the runtime's
 * `AsyncFnN<params…, F>` (src/runtime/async_fn.ts) with one frame, so a
 * value runs one call at a time (a second call in flight is a BUSY panic
 * naming both calls):
 *
 *   const add = async (x: i32): Promise<i32> => { await t; return x + base; };
 * becomes, where it is written (followed by the body's newlines, so later
 * lines keep their places):
 *   const add = $f.$k0.bind($f);
 * and after the file (asc's diagnostics in it are mapped back to the user's
 * lines: FileCtx.movedLines):
 *   function add$fn0$poll($f: add$fn0$Future): bool { while (true) switch … $f.$env.base … }
 *   class add$fn0 extends $AsyncFn1<i32, $ValueFuture<i32>> {
 *     $env: <the creator's frame or environment>; $frame: add$fn0$Future = new add$fn0$Future();
 *     bind(env): add$fn0 { … }   call(x: i32, at: $Text): $ValueFuture<i32> { return this.$frame.start(this, at, x); }
 *   }
 * The frame copies `$env` when it starts and calls add$fn0$poll directly:
 * a call through a function value would cost an indirect call per poll.
 *
 * Where a closure lives decides what it may capture:
 * - created in an async function: in that function's frame (a slot made
 *   with the frame, at init); its captured variables are fields of that
 *   frame, shared by reference as JavaScript shares them. The value is valid
 *   for that call of the function, so the build refuses to let it escape the
 *   call (returned, or stored in a field, an array or a module variable).
 * - created in a sync function (at init: main(), a factory): a new object,
 *   with the function's captured variables in an environment object made
 *   when the function starts (`S$env`); it may escape and live for ever.
 *   After init, creating one is an ALLOC_AFTER_INIT panic, like any `new`.
 * - created at module level: a new object, capturing nothing (module
 *   variables are globals).
 */
import ts from "typescript";
import { messages } from "./errors.ts";
import type { FileCtx } from "./file.ts";
import { isReference, isWritten } from "./syntax.ts";
import type { AsyncFn } from "./scan.ts";
import { Typer } from "./typer.ts";
import { findMember, isVoid, promiseValue, tyFromNode, type Ty } from "./types.ts";
import type { Module } from "./modules.ts";

/** A variable of a sync function that an async closure inside it captures: it lives in the function's environment object. */
export interface EnvVar {
  name: string;
  decl: ts.ParameterDeclaration | ts.VariableDeclaration;
  type: string;
}

/**
 * The environment of a sync function whose variables async closures
 * capture: `class S$envN { x: i32 = 0; … }`, made when the function starts.
 * References to captured variables, in the function and in the closures,
 * go through it.
 */
export class SyncEnv {
  readonly file: FileCtx;
  readonly fn: ts.FunctionLikeDeclaration;
  readonly vars = new Map<string, EnvVar>();
  /** The closures' `this`, when a method's closure uses it. */
  thisType: string | null = null;
  readonly className: string;
  /** Identifiers of the function itself (outside its closures) that refer to a captured variable. */
  readonly refs = new Set<ts.Identifier>();

  constructor(file: FileCtx, fn: ts.FunctionLikeDeclaration, index: number) {
    this.file = file;
    this.fn = fn;
    this.className = `$env${index}`;
  }

  /** Field of a captured variable, by identifier (any occurrence). */
  field(name: string): EnvVar | undefined {
    return this.vars.get(name);
  }

  classText(zeroOf: string): string {
    const fields = [...this.vars.values()].map((v) => `  ${v.name}: ${v.type} = ${zeroOf}<${v.type}>();`);
    if (this.thisType) fields.push(`  $this: ${this.thisType} = ${zeroOf}<${this.thisType}>();`);
    return [`class ${this.className} {`, ...fields, `}`].join("\n");
  }

  /** What the function runs first: the environment, and its captured parameters copied in. */
  prologue(): string {
    const sets = [...this.vars.values()].filter((v) => ts.isParameter(v.decl)).map((v) => ` $env.${v.name} = ${v.name};`).join("");
    return ` const $env = new ${this.className}();${sets}${this.thisType ? " $env.$this = this;" : ""}`;
  }
}

const NUMERIC = new Set(["i8", "u8", "i16", "u16", "i32", "u32", "i64", "u64", "isize", "usize", "f32", "f64", "bool", "number", "boolean"]);

/** Instance fields of a class that hold an object and get no value where declared (`step: Step;`): set only in the constructor. */
function unsetFields(cls: ts.ClassDeclaration): ts.PropertyDeclaration[] {
  return cls.members.filter((m): m is ts.PropertyDeclaration => ts.isPropertyDeclaration(m) && !m.initializer && !m.exclamationToken
    && !m.questionToken && !!m.type && !NUMERIC.has(m.type.getText()) && !ts.getModifiers(m)?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword));
}

/**
 * The class whose instance field `field` is, when an async closure is its initial value: the closure's
 * environment is the object being made (`this`), which it keeps as `$env`.
 */
export function fieldClass(field: ts.Node): string | null {
  return ts.isPropertyDeclaration(field) && ts.isClassDeclaration(field.parent) && field.parent.name ? field.parent.name.text : null;
}

/** The sync functions of a file whose variables async closures capture, analysed once. */
export function syncEnvs(file: FileCtx, closures: AsyncFn[]): Map<ts.Node, SyncEnv> {
  const envs = new Map<ts.Node, SyncEnv>();
  const typer = new Typer(file.mods, file.module, null, null);
  for (const c of closures) {
    const creator = c.creator;
    if (creator && ts.isPropertyDeclaration(creator)) continue; // a field's initial value: its environment is the object
    if (!creator || file.isAsyncNode(creator)) continue;
    const fn = creator as ts.FunctionLikeDeclaration;
    const declared = declarations(fn);
    const visit = (n: ts.Node) => {
      if (ts.isIdentifier(n) && isReference(n)) {
        const d = declared.get(n.text);
        if (d) {
          let env = envs.get(fn);
          if (!env) {
            env = new SyncEnv(file, fn, envs.size);
            envs.set(fn, env);
          }
          if (!env.vars.has(n.text)) {
            const t = d.type ? file.typeText(d.type) : d.initializer ? renderOf(file, typer.typeOf(d.initializer)) : null;
            if (t === null) file.error(d, "ASYNC_TYPE", messages.needsAnnotation(n.text));
            env.vars.set(n.text, { name: n.text, decl: d, type: t ?? "i32" });
            if (insideLoop(d, fn)) file.error(n, "ASYNC_SYNTAX", messages.capturedPerIteration(n.text));
          }
        }
      }
      if (n.kind === ts.SyntaxKind.ThisKeyword) {
        const cls = fn.parent && ts.isClassDeclaration(fn.parent) ? fn.parent : null;
        if (cls?.name) {
          let env = envs.get(fn);
          if (!env) {
            env = new SyncEnv(file, fn, envs.size);
            envs.set(fn, env);
          }
          if (env.thisType === null && ts.isConstructorDeclaration(fn)) {
            // The environment takes `this` as the constructor starts, where asc wants every field set already.
            const unset = unsetFields(cls).map((f) => ({ name: f.name.getText(), type: f.type!.getText() }));
            if (unset.length) file.error(n, "ASYNC_SYNTAX", messages.thisBeforeFields(cls.name.text, unset));
          }
          env.thisType = cls.name.text + (cls.typeParameters?.length ? `<${cls.typeParameters.map((p) => p.name.text).join(", ")}>` : "");
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(c.node.body!);
  }
  // References to captured variables in the functions themselves (outside the closures) go through $env too.
  for (const [fn, env] of envs) {
    const walk = (n: ts.Node) => {
      if (closures.some((c) => c.node === n)) return;
      if (ts.isIdentifier(n) && isReference(n) && env.vars.get(n.text)) env.refs.add(n);
      ts.forEachChild(n, walk);
    };
    if ((fn as ts.FunctionLikeDeclaration).body) walk((fn as ts.FunctionLikeDeclaration).body!);
  }
  return envs;
}

function renderOf(file: FileCtx, t: Ty | null): string | null {
  return t ? file.render(t) : null;
}

/** Parameters and variables declared in a function (not in functions nested in it), by name. */
function declarations(fn: ts.FunctionLikeDeclaration): Map<string, ts.ParameterDeclaration | ts.VariableDeclaration> {
  const out = new Map<string, ts.ParameterDeclaration | ts.VariableDeclaration>();
  for (const p of fn.parameters) if (ts.isIdentifier(p.name)) out.set(p.name.text, p);
  const visit = (n: ts.Node) => {
    if (ts.isFunctionLike(n)) return;
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name)) out.set(n.name.text, n);
    ts.forEachChild(n, visit);
  };
  if (fn.body) ts.forEachChild(fn.body, visit);
  return out;
}

/** Declared inside a loop of `fn` (a new variable per iteration, in JavaScript). */
export function insideLoop(d: ts.Node, fn: ts.Node): boolean {
  for (let p = d.parent; p && p !== fn; p = p.parent) if (ts.isIterationStatement(p, false)) return true;
  return false;
}

/**
 * The function type an unannotated async arrow takes from where it is
 * written: a call's parameter, an annotated variable, field or array, or
 * the declared return type around it.
 */
export function contextualType(file: FileCtx, arrow: ts.ArrowFunction | ts.FunctionExpression, typer: Typer): Ty | null {
  let child: ts.Node = arrow;
  let p = arrow.parent;
  while (ts.isParenthesizedExpression(p)) {
    child = p;
    p = p.parent;
  }
  const mods = file.mods;
  const m = file.module;
  if (ts.isCallExpression(p) && p.arguments.includes(child as ts.Expression)) {
    const i = p.arguments.indexOf(child as ts.Expression);
    const params = calleeParams(file, p, typer);
    const t = params?.[i]?.type;
    return t ? tyFromNode(mods, t.node, t.module) : null;
  }
  if (ts.isVariableDeclaration(p) && p.type) return tyFromNode(mods, p.type, m);
  if (ts.isPropertyDeclaration(p) && p.type) return tyFromNode(mods, p.type, m);
  if (ts.isBinaryExpression(p) && p.right === child) return typer.typeOf(p.left);
  if (ts.isArrayLiteralExpression(p)) {
    let q: ts.Node = p.parent;
    while (ts.isParenthesizedExpression(q) || ts.isAsExpression(q)) q = q.parent;
    const annotated = (ts.isVariableDeclaration(q) || ts.isPropertyDeclaration(q)) && q.type ? tyFromNode(mods, q.type, m) : null;
    return annotated && (annotated.name === "Array" || annotated.name === "StaticArray") && !annotated.decl ? annotated.args[0] ?? null : null;
  }
  if (ts.isReturnStatement(p)) {
    for (let q: ts.Node = p.parent; q; q = q.parent) {
      if (ts.isFunctionLike(q)) return q.type ? tyFromNode(mods, q.type, m) : null;
    }
  }
  return null;
}

/** The parameter declarations of the function or method a call reaches, with their module. */
function calleeParams(file: FileCtx, call: ts.CallExpression, typer: Typer): Array<{ type: { node: ts.TypeNode; module: Module } | null }> | null {
  const callee = call.expression;
  let decl: ts.SignatureDeclaration | null = null;
  let module = file.module;
  if (ts.isIdentifier(callee)) {
    const d = typer.declOf(callee);
    if (d?.kind === "function") {
      decl = d.node as ts.FunctionDeclaration;
      module = d.module;
    } else if (d?.kind === "var" && d.variable?.initializer && ts.isArrowFunction(d.variable.initializer)) {
      decl = d.variable.initializer;
      module = d.module;
    }
  } else if (ts.isPropertyAccessExpression(callee)) {
    const target = typer.staticTarget(callee.expression);
    const owner = target?.kind === "decl" ? { name: target.decl.name, args: [], decl: target.decl, nullable: false } as Ty : typer.typeOf(callee.expression);
    if (owner) {
      const mem = findMethod(file, owner, callee.name.text, target?.kind === "decl");
      if (mem) {
        decl = mem.node;
        module = mem.module;
      }
    }
  }
  if (!decl) return null;
  return decl.parameters.map((p) => ({ type: p.type ? { node: p.type, module } : null }));
}

function findMethod(file: FileCtx, owner: Ty, name: string, isStatic: boolean): { node: ts.SignatureDeclaration; module: Module } | null {
  const found = findMember(file.mods, owner, name, isStatic);
  return found && (ts.isMethodDeclaration(found.node) || ts.isMethodSignature(found.node)) ? { node: found.node, module: found.module } : null;
}

/** The signature of a closure: parameter types (rendered) and what its Promise resolves to; null after an error. */
export function closureSignature(file: FileCtx, fn: AsyncFn, typer: Typer): { params: Ty[]; value: Ty } | null {
  const arrow = fn.node as ts.ArrowFunction | ts.FunctionExpression;
  const generic = genericScope(arrow);
  if (generic) {
    file.error(arrow, "ASYNC_SYNTAX", messages.closureInGeneric(generic));
    return null;
  }
  const context = contextualType(file, arrow, typer);
  const ctxFn = context?.fn;
  const params: Ty[] = [];
  for (const [i, p] of arrow.parameters.entries()) {
    const t = p.type ? tyFromNode(file.mods, p.type, file.module) : ctxFn?.params[i] ?? null;
    if (!t) {
      file.error(p, "ASYNC_TYPE", messages.closureParamType(p.name.getText()));
      return null;
    }
    params.push(t);
  }
  const value = fn.value ?? (arrow.type ? promiseValue(file.mods, arrow.type, file.module) : null) ?? ctxFn?.promise ?? null;
  if (!value) {
    file.error(arrow, "ASYNC_TYPE", messages.closureReturnType());
    return null;
  }
  if (params.length > 6) {
    file.error(arrow, "ASYNC_SYNTAX", messages.closureArity());
    return null;
  }
  return { params, value };
}

/** The generic function or class a node is written in (`the generic function "f"`), or null. */
function genericScope(n: ts.Node): string | null {
  for (let p = n.parent; p; p = p.parent) {
    if ((ts.isFunctionLike(p) || ts.isClassLike(p)) && p.typeParameters?.length) {
      const name = p.name && ts.isIdentifier(p.name) ? `"${p.name.text}"` : "";
      return `the generic ${ts.isClassLike(p) ? "class" : ts.isMethodDeclaration(p) ? "method" : "function"}${name ? " " + name : ""}`;
    }
  }
  return null;
}

/** The text of `$AsyncFnN<params…, F>` for a signature. */
export function asyncFnBase(file: FileCtx, params: Ty[], value: Ty): string | null {
  return file.render({ name: "function", args: [], decl: null, nullable: false, raw: "", fn: { params, promise: value } });
}

/**
 * Where a closure created in an async function goes: it must not outlive
 * that call (its captured variables are the frame's). Allowed: called,
 * passed as an argument, awaited, or kept in a local (also by assigning
 * it, or a `?:` picking it, to a local: `op = up`) that is only used so.
 * `usesOf` gives the references of a local of the function, from its
 * declared name or a reference, or null for anything else.
 */
export function checkEscape(file: FileCtx, arrow: ts.Node, usesOf: (id: ts.Identifier) => ts.Identifier[] | null): void {
  const seen = new Set<ts.Identifier[]>();
  /** The first place `value` goes beyond the frame (null: it stays). */
  const escape = (value: ts.Node): ts.Node | null => {
    let child: ts.Node = value;
    let p = value.parent;
    while (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isNonNullExpression(p) || (ts.isConditionalExpression(p) && p.condition !== child)) {
      child = p;
      p = p.parent;
    }
    if (ts.isCallExpression(p) || ts.isAwaitExpression(p)) return null; // called, awaited, or an argument
    const declared = ts.isVariableDeclaration(p) && p.initializer === child && ts.isIdentifier(p.name) ? p.name : null;
    const assigned = ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && p.right === child && ts.isIdentifier(p.left) ? p.left : null;
    const holder = declared ?? assigned;
    if (!holder) return value;
    const uses = usesOf(holder);
    if (uses === null) return declared ? null : value;
    if (seen.has(uses)) return null;
    seen.add(uses);
    for (const u of uses) {
      if (isWritten(u)) continue;
      const out = escape(u);
      if (out) return out;
    }
    return null;
  };
  const out = escape(arrow);
  if (out) file.error(out, "ASYNC_SYNTAX", messages.closureEscapes(ts.isIdentifier(out) ? out.text : null));
}

export { isVoid };
