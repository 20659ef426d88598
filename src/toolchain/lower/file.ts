/**
 * Lowers one firmware file: each async function, task and async method is
 * replaced in place by its poll function (same lines), calls to async
 * functions become preallocated frames, `Promise<T>` types become Outpost
 * futures, and the generated classes go at the end of the file. The
 * imports the generated code needs are prepended to line 1.
 *
 *   export const blink = task(1, async (p: Duration): Promise<void> => {
 *     while (true) { led.toggle(); await Timer.after(p); }
 *   });
 * becomes (lines kept):
 *   export const blink = new blink$Spawner(); function blink$poll($f: blink$Task): bool { while (true) switch ($f.$state) { case 0:
 *      case 1: if (!(true)) { $f.$state = 2; continue; } led.toggle(); $f.$s0.after($f.p); $f.$state = 3; case 3: if (!$f.$s0.poll()) { $site(0); return false; } $f.$state = 1; continue; case 2:
 *    $f.$state = -1; return true; default: return true; } }
 *   …
 *   class blink$Task extends $Task { $state: i32 = -1; p: Duration = 0; $s0: Timer = new Timer(); start(p: Duration) … }
 *   class blink$Spawner { readonly pool = new $TaskPool<blink$Task>("blink", 1); spawn(p: Duration) … }
 */
import ts from "typescript";
import { relative } from "node:path";
import { Emitter, type AwaitState } from "./emit.ts";
import { checkAsyncCallbacks, checkDroppedOutside } from "./checks.ts";
import { closureSignature, fieldClass, syncEnvs, type EnvVar, type SyncEnv } from "./closures.ts";
import { closureClasses, fnValueClassText, frameTypeParams } from "./frames.ts";
import { generatorClasses } from "./generators.ts";
import { substOf, substitute, typeArgsOf, typeParamsText } from "./generics.ts";
import { messages, type LowerCode, type LowerDiagnostic, type LowerWarningCode } from "./errors.ts";
import { excerpt } from "./syntax.ts";
import { frameClass, frameSize, pollFunction, spawnerClass, type FrameSize, type Param } from "./frames.ts";
import { keepNewlines, Out, rewrite, splice, type Visit } from "./layout.ts";
import { runtimeDir } from "../packages.ts";
import { specifierFor, type Decl, type Module, type Modules } from "./modules.ts";
import { escapedField, FRAME as F, Plan } from "./plan.ts";
import { asyncNamed, isGenerator, scanOf, type AsyncFn, type ModuleScan } from "./scan.ts";
import type { LowerSession } from "./session.ts";
import { classFieldBytes, futureValue, isVoid, prim, promiseValue, tyFromNode, unparenthesised, VOID, zeroOf, type Member, type Ty } from "./types.ts";
import type { ClassInfo } from "./program.ts";
import { hasModifier } from "./modules.ts";
import { arrowReturnType, asyncMethodOf, Typer } from "./typer.ts";

const SYNC_ITERATION = new Set(["Generator", "Iterable", "IterableIterator", "Iterator"]);
const ASYNC_ITERATION = new Set(["AsyncGenerator", "AsyncIterable", "AsyncIterableIterator", "AsyncIterator"]);

type RuntimeName = "Future" | "ValueFuture" | "Task" | "TaskPool" | "panicWith" | "PanicCode" | "zeroOf" | "panicUncaught" | "panicCleanup"
  | "panicBusyCall" | "panicGenerator" | "wonValue" | "frameOutside" | "Iter" | "IteratorResult" | "recordThrow";

/** Runtime names the generated code imports from a module other than "outpost". */
const RUNTIME_MODULE: Partial<Record<RuntimeName, string>> = {
  panicUncaught: "outpost/async_panics", panicCleanup: "outpost/async_panics", panicBusyCall: "outpost/async_panics", panicGenerator: "outpost/async_panics",
  wonValue: "outpost/async_panics", frameOutside: "outpost/async_panics", Iter: "outpost/iter", IteratorResult: "outpost/iter", recordThrow: "outpost/chain",
};

export class FileCtx {
  readonly session: LowerSession;
  readonly mods: Modules;
  readonly module: Module;
  readonly analysisOnly: boolean;
  readonly scan: ModuleScan;
  readonly displayPath: string;
  private imports = new Map<string, { spec: string; name: string; alias: string }>();
  private usedAliases = new Set<string>();
  readonly plans = new Map<AsyncFn, Plan>();

  constructor(
    session: LowerSession,
    mods: Modules,
    module: Module,
    /** Planning another module only to size or check it: record no sites and no errors. */
    analysisOnly: boolean = false,
  ) {
    this.session = session;
    this.mods = mods;
    this.module = module;
    this.analysisOnly = analysisOnly;
    this.scan = scanOf(mods, module);
    this.displayPath = relative(process.cwd(), module.path) || module.path;
  }

  error(node: ts.Node, code: LowerCode, message: string): void {
    if (!this.analysisOnly) this.session.diagnostics.push(this.at(node, code, message));
  }

  /** An error about the file as a whole, at 1:1 (where `outpost check` puts it too). */
  fileError(code: LowerCode, message: string): void {
    if (!this.analysisOnly) this.session.diagnostics.push({ code, message, file: this.displayPath, line: 1, column: 1 });
  }

  warn(node: ts.Node, code: LowerWarningCode, message: string): void {
    if (!this.analysisOnly) this.session.warnings.push(this.at(node, code, message));
  }

  private at(node: ts.Node, code: LowerCode | LowerWarningCode, message: string): LowerDiagnostic {
    const sf = this.module.sf;
    const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    return { code, message, file: this.displayPath, line: line + 1, column: character + 1 };
  }

  // ─── names the generated code uses ──────────────────────────────────────

  private importAs(spec: string, name: string, alias: string): string {
    const key = spec + "#" + name;
    const have = this.imports.get(key);
    if (have) return have.alias;
    let a = alias;
    for (let i = 2; this.usedAliases.has(a) || this.module.locals.has(a) || this.module.imports.has(a); i++) a = `${alias}${i}`;
    this.usedAliases.add(a);
    this.imports.set(key, { spec, name, alias: a });
    return a;
  }

  runtimeName(name: RuntimeName): string {
    return this.importAs(RUNTIME_MODULE[name] ?? "outpost", name, "$" + name);
  }

  /** Module-level constants the generated code needs (made at init), appended with the generated classes. */
  readonly moduleConsts: string[] = [];
  private constCount = 0;

  /** Declares `const <prefix>N = <init>;` at module level; returns its name. */
  moduleConst(prefix: string, init: string): string {
    const name = `${prefix}${this.constCount++}`;
    this.moduleConsts.push(`const ${name} = ${init};`);
    return name;
  }

  /** Module-level consts made before the module's own code runs (on its first line, beside the imports). */
  private readonly leadingConsts: string[] = [];

  /** Declares `const <prefix>N = <init>` before the module's own code, so code run at init may use it; returns its name. */
  leadingConst(prefix: string, init: string): string {
    const name = `${prefix}${this.constCount++}`;
    this.leadingConsts.push(`const ${name} = ${init}; `);
    return name;
  }

  /** Declares `function <prefix>N<rest>` at module level (rest: parameters and body); returns its name. */
  moduleFunction(prefix: string, rest: string): string {
    const name = `${prefix}${this.constCount++}`;
    this.moduleConsts.push(`function ${name}${rest}`);
    return name;
  }

  /** A text writer of src/runtime/text.ts, imported for generated code. */
  textName(name: "textBegin" | "textString" | "textInt" | "textUnsigned" | "textFloat" | "textRadix" | "textRadixUnsigned" | "checkRadix"): string {
    return this.importAs("outpost/text", name, "$" + name);
  }

  /** `logBuilt` (src/runtime/log.ts), imported for generated code. */
  logBuiltName(): string {
    return this.importAs("outpost/log", "logBuilt", "$logBuilt");
  }

  /** An expression outside any async body, rewritten as module-level code is. */
  exprText(e: ts.Expression): string {
    return rewrite(e, this.module.sf, this.visitOutside);
  }

  /** Whether an async function's frame may complete with an error (planning it if needed). */
  mayFail(fn: AsyncFn): boolean {
    return this.planOf(fn).mayFail;
  }

  halName(module: string, name: string): string {
    return this.importAs(`outpost/hal/${module}`, name, "$" + name);
  }

  /** The name of a declaration in this file: its local name, an existing import, or a new import. */
  private declName(decl: Decl): string | null {
    if (decl.module === this.module) return decl.name;
    for (const [local] of this.module.imports) {
      const d = this.mods.named(this.module, local);
      if (d && d.node === decl.node) return local;
    }
    const exported = this.mods.exportName(decl);
    if (!exported) return null;
    return this.importAs(specifierFor(decl.module.path, this.module.path), exported, "$" + decl.name);
  }

  /** Type text valid in this file, or null if some part cannot be named here. */
  render(t: Ty): string | null {
    let base: string | null;
    if (t.fn && t.fn.promise) base = this.asyncFnName(t.fn.params.map((p) => this.render(p)), this.render({ name: "Promise", args: isVoid(t.fn.promise) ? [] : [t.fn.promise], decl: null, nullable: false }));
    else if (t.raw) base = t.raw;
    // TypeScript's IteratorResult<T, TReturn> and Generator<T, TReturn, TNext>: Outpost's take the item type only.
    else if (!t.decl && t.args.length >= 1 && (t.name === "IteratorResult" || SYNC_ITERATION.has(t.name) || ASYNC_ITERATION.has(t.name))) {
      const arg = this.render(t.args[0]!);
      if (arg === null) return null;
      const cls = t.name === "IteratorResult" ? this.runtimeName("IteratorResult") : SYNC_ITERATION.has(t.name) ? this.runtimeName("Iter") : this.halName("stream", "Stream");
      base = `${cls}<${arg}>`;
    }
    else if (t.name === "Promise" && !t.decl) {
      const v = t.args[0];
      base = !v || isVoid(v) ? this.runtimeName("Future") : `${this.runtimeName("ValueFuture")}<${this.render(v)}>`;
    } else {
      base = t.decl ? this.declName(t.decl) : t.name;
      if (base && t.args.length) {
        const args = t.args.map((a) => this.render(a));
        if (args.some((a) => a === null)) return null;
        base += `<${args.join(", ")}>`;
      }
    }
    if (base === null) return null;
    return t.nullable ? `${base} | null` : base;
  }

  /** An annotation's text with Promise<T> and async function types rewritten. */
  typeText(node: ts.TypeNode): string {
    const visit: Visit = (n) => (ts.isTypeReferenceNode(n) ? this.promiseType(n, visit) : ts.isFunctionTypeNode(n) ? this.asyncFnType(n, visit) : undefined);
    return rewrite(node, this.module.sf, visit);
  }

  /** `(a: A, b: B) => Promise<R>` → `$AsyncFn2<A, B, $ValueFuture<R>>`; undefined for other function types. */
  asyncFnType(n: ts.FunctionTypeNode, visit: Visit): string | undefined {
    const ret = n.type;
    if (!ts.isTypeReferenceNode(ret) || !ts.isIdentifier(ret.typeName) || ret.typeName.text !== "Promise") return undefined;
    const params = n.parameters.map((p) => (p.type ? rewrite(p.type, this.module.sf, visit) : null));
    return this.asyncFnName(params, this.promiseType(ret, visit) ?? null) ?? undefined;
  }

  /** The runtime class of an async function type with these parameter types and future type. */
  private asyncFnName(params: Array<string | null>, future: string | null): string | null {
    if (future === null || params.some((p) => p === null) || params.length > 6) return null;
    const base = this.importAs("outpost/async_fn", `AsyncFn${params.length}`, `$AsyncFn${params.length}`);
    return `${base}<${[...params, future].join(", ")}>`;
  }

  /** `Promise<T>` → `$ValueFuture<T>`, `Promise<void>` → `$Future`; undefined for other references. */
  promiseType(n: ts.TypeReferenceNode, visit: Visit): string | undefined {
    if (!ts.isIdentifier(n.typeName) || this.module.locals.has(n.typeName.text) || this.module.imports.has(n.typeName.text)) return undefined;
    const name = n.typeName.text;
    const arg = n.typeArguments?.[0];
    const argText = () => rewrite(arg!, this.module.sf, visit);
    if (name === "Promise") {
      if (!arg || arg.kind === ts.SyntaxKind.VoidKeyword) return this.runtimeName("Future");
      return `${this.runtimeName("ValueFuture")}<${argText()}>`;
    }
    // The iteration types of the editor typings, as the runtime has them.
    if (!arg) return undefined;
    if (name === "IteratorResult") return `${this.runtimeName("IteratorResult")}<${argText()}>`;
    if (SYNC_ITERATION.has(name)) return `${this.runtimeName("Iter")}<${argText()}>`;
    if (ASYNC_ITERATION.has(name)) return `${this.halName("stream", "Stream")}<${argText()}>`;
    return undefined;
  }

  /** The class name of an async function's frame, as this file refers to it. */
  frameName(fn: AsyncFn, localName: string | null): string {
    if (fn.module === this.module) return fn.frame;
    if (localName && this.module.imports.has(localName)) return localName + fn.frame.slice(fn.name.length);
    return this.importAs(specifierFor(fn.module.path, this.module.path), fn.frame, fn.frame);
  }

  /** Field bytes of a runtime class (the Task header, for task frames). */
  runtimeClassBytes(name: string): number {
    const index = this.mods.get(runtimeDir + "index.ts");
    const d = index ? this.mods.exported(index, name) : null;
    return d ? classFieldBytes(this.mods, { name, args: [], decl: d, nullable: false }) : 0;
  }

  // ─── planning ───────────────────────────────────────────────────────────

  planOf(fn: AsyncFn): Plan {
    let p = this.plans.get(fn);
    if (!p) {
      p = new Plan(this, fn);
      this.plans.set(fn, p);
      if (!fn.delegate) p.build();
    }
    return p;
  }

  // ─── the whole file ─────────────────────────────────────────────────────

  lower(): string {
    const sf = this.module.sf;
    for (const p of this.scan.problems) {
      const named = p.message === "defaultExport" && ts.isFunctionDeclaration(p.node) ? p.node.name?.text ?? null : null;
      this.error(p.node, "ASYNC_SYNTAX", p.message === "defaultExport" ? messages.defaultExport(named) : messages[p.message]());
    }
    const out = new Out();
    const tail: string[] = [];
    let at = 0;
    const fnsByNode = new Map<ts.Node, AsyncFn[]>();
    for (const fn of this.scan.fns) {
      if (fn.kind === "closure") continue; // lowered where it is created (closureText)
      if (fn.kind !== "task" && !fn.value) {
        // `Promise<i32 | string>`: the Promise is there, its value type is what AssemblyScript cannot have.
        const arg = fn.node.type && ts.isTypeReferenceNode(fn.node.type) ? fn.node.type.typeArguments?.[0] : undefined;
        const isNull = (t: ts.TypeNode): boolean => ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword;
        const union = !!arg && ts.isUnionTypeNode(arg) && arg.types.filter((t) => !isNull(t)).length > 1;
        this.error(union ? arg! : fn.node, "ASYNC_SYNTAX", union ? messages.unionValue(arg!.getText()) : messages.returnType());
      }
      const key = fn.owner ?? fn.replaced;
      fnsByNode.set(key, [...(fnsByNode.get(key) ?? []), fn]);
    }
    for (const st of sf.statements) {
      out.add(sf.text.slice(at, st.getStart(sf)), at);
      const fns = fnsByNode.get(st);
      if (fns && ts.isClassDeclaration(st)) this.lowerClass(st, fns, out, tail);
      else if (fns) this.lowerFunction(fns[0]!, out, tail);
      else out.add(rewrite(st, sf, this.visitOutside), st.getStart(sf));
      at = st.end;
    }
    out.add(sf.text.slice(at), at);
    this.session.checkRecursion(this);
    checkDroppedOutside(this);
    checkAsyncCallbacks(this);
    const values = this.valueClasses();
    const envs = [...this.envs.values()].map((e) => e.classText(this.runtimeName("zeroOf")));
    // Lowered awaits call `$site(n)`: the runtime's recordSite (Task.site).
    if (this.session.sitesIn(this) > 0) this.importAs("outpost/registry", "recordSite", "$site");
    const body = out.render((pos) => sf.getLineAndCharacterOfPosition(pos).line, 0);
    const bySpec = new Map<string, string[]>();
    for (const i of this.imports.values()) bySpec.set(i.spec, [...(bySpec.get(i.spec) ?? []), `${i.name} as ${i.alias}`]);
    const prefix = [...bySpec].map(([spec, names]) => `import { ${names.join(", ")} } from ${JSON.stringify(spec)}; `).join("") + this.leadingConsts.join("");
    tail.unshift(...this.moduleConsts);
    tail.push(...this.closureClasses, ...this.dispatcherClasses, ...this.ownHelpers(), ...values, ...envs);
    if (this.movedPolls.length) tail.push(...this.movedPolls.map((p) => p.text));
    const generated = tail.length ? `\n\n// ─── generated by Outpost's async lowering ───\n${tail.join("\n")}\n` : "";
    const text = prefix + body + generated;
    this.recordMovedLines(text);
    return text;
  }

  /** Rewriting outside async bodies: calls allocate a frame (init only), Promise types, imports, task(). */
  readonly visitOutside: Visit = (n) => {
    // `[Symbol.asyncIterator]() { return this; }`: editor typing only (asc cannot parse computed names); for await needs next().
    if ((ts.isMethodDeclaration(n) || ts.isPropertyDeclaration(n)) && n.name && ts.isComputedPropertyName(n.name) && /^Symbol\.(async)?[iI]terator$/.test(n.name.expression.getText())) {
      return keepNewlines(n.getText());
    }
    if (ts.isTypeReferenceNode(n)) return this.promiseType(n, this.visitOutside);
    if (ts.isFunctionTypeNode(n)) return this.asyncFnType(n, this.visitOutside);
    if (ts.isPropertyDeclaration(n) && !n.type && n.initializer) {
      // `run = async (): Promise<void> => …`: asc wants a field's type written; it is the closure's.
      const t = this.closureType(unparenthesised(n.initializer));
      const type = t ? this.render(t) : null;
      if (type) {
        const sf = this.module.sf;
        return `${sf.text.slice(n.getStart(sf), n.name.end)}: ${type} = ${rewrite(n.initializer, sf, this.visitOutside)}${n.getText(sf).endsWith(";") ? ";" : ""}`;
      }
    }
    if (ts.isVariableDeclaration(n) && !n.type && n.initializer && ts.isIdentifier(n.name) && (n.parent.flags & ts.NodeFlags.Const) === 0) {
      // `let f = async (…) => …`: asc would type `f` as this closure's class, and refuse another function later.
      const t = this.closureType(unparenthesised(n.initializer));
      const type = t ? this.render(t) : null;
      if (type) return `${n.name.text}: ${type} = ${rewrite(n.initializer, this.module.sf, this.visitOutside)}`;
    }
    if (ts.isImportDeclaration(n)) return this.rewriteImport(n);
    if (ts.isExportDeclaration(n)) return this.rewriteReexport(n);
    if (ts.isCallExpression(n)) {
      const fn = this.asyncCallee(n);
      if (fn) {
        const callee = n.expression;
        const local = ts.isIdentifier(callee) ? callee.text : null;
        const args = n.arguments.map((a) => rewrite(a, this.module.sf, this.visitOutside)).join(", ");
        const frame = ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && this.mods.namespaceImport(this.module, callee.expression.text)
          ? `${callee.expression.text}.${fn.frame}` : this.frameName(fn, local);
        const typeArgs = fn.node.typeParameters?.length ? typeArgsOf(this, fn, n, this.typerAt(n)) : [];
        const rendered = (typeArgs ?? []).map((t) => this.render(t) ?? "i32");
        const call = JSON.stringify(`${n.getText(this.module.sf).replace(/\s+/g, " ")} (${this.where(n)})`);
        return `(${this.runtimeName("frameOutside")}(textOf(${call})), new ${frame}${rendered.length ? `<${rendered.join(", ")}>` : ""}().start(${args}))`;
      }
    }
    if ((ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && this.asyncFnOf(n)?.kind === "closure") {
      // A closure made outside async code (module level, main(), a factory): a new object, with the function's environment.
      const fn = this.asyncFnOf(n)!;
      if (fn.creator && fieldClass(fn.creator)) return this.closureText(fn, `new ${fn.name}()`, "this"); // a field's initial value
      const env = fn.creator ? this.envOf(fn.creator) : undefined;
      return this.closureText(fn, `new ${fn.name}()`, env ? "$env" : null);
    }
    if (ts.isCallExpression(n)) {
      // A call of an async function value: `f.call(args, at)`.
      const t = this.typerAt(n).typeOf(n.expression);
      if (t?.fn && t.fn.promise) {
        if (n.arguments.length < t.fn.params.length) this.error(n, "ASYNC_SYNTAX", messages.valueArity(excerpt(n), t.fn.params.length, n.arguments.length));
        const args = [...n.arguments.map((a) => rewrite(a, this.module.sf, this.visitOutside)), `textOf(${JSON.stringify(this.where(n))})`];
        return `${rewrite(n.expression, this.module.sf, this.visitOutside)}.call(${args.join(", ")})`;
      }
    }
    if (ts.isIdentifier(n) && isValueUse(n)) {
      const env = this.envRef(n);
      if (env) return env;
      const fn = asyncNamed(this.mods, this.module, n.text);
      // Made at init, once per place it is named: a sync function that hands the value out after init allocates nothing.
      if (fn && fn.kind === "function" && !fn.node.typeParameters?.length && !this.isLocal(n)) return this.leadingConst("$fnv", `new ${this.fnValueClass(fn, n.text)}()`);
      if (fn && !this.isLocal(n)) this.error(n, "ASYNC_SYNTAX", messages.asyncValue(n.text));
    }
    if (ts.isBlock(n) && n.parent && this.envs.get(n.parent)) {
      // A function whose variables closures capture: its environment first.
      const body = splice(n, this.module.sf, this.visitOutside);
      return "{" + this.envs.get(n.parent)!.prologue() + body.slice(1);
    }
    if (ts.isVariableStatement(n) && n.declarationList.declarations.some((d) => this.envVarOf(d))) return this.envDeclarations(n);
    return undefined;
  };

  // ─── closures (closures.ts) ─────────────────────────────────────────────

  /** The async function (function, task, method, closure) a node is, if it is one. */
  asyncFnOf(node: ts.Node): AsyncFn | undefined {
    return this.scanOfNode(node).fns.find((f) => f.node === node);
  }

  /** The async function (or closure) a node is, whatever module it is in. */
  private scanOfNode(node: ts.Node): ModuleScan {
    const sf = node.getSourceFile();
    if (sf === this.module.sf) return this.scan;
    const m = this.mods.get(sf.fileName);
    return m ? scanOf(this.mods, m) : this.scan;
  }

  /** True when `node` is an async function, method, task or closure (its variables live in a frame). */
  isAsyncNode(node: ts.Node): boolean {
    const fn = this.asyncFnOf(node);
    return !!fn || this.scan.fns.some((f) => f.kind === "task" && f.node === node);
  }

  private envMap: Map<ts.Node, SyncEnv> | null = null;
  private get envs(): Map<ts.Node, SyncEnv> {
    this.envMap ??= syncEnvs(this, this.scan.fns.filter((f) => f.kind === "closure"));
    return this.envMap;
  }

  /** The environment of a sync function whose variables closures capture. */
  envOf(node: ts.Node): SyncEnv | undefined {
    return this.envs.get(node);
  }

  /** `$env.x` for a reference, in a sync function, to a variable its closures capture. */
  private envRef(id: ts.Identifier): string | null {
    for (const env of this.envs.values()) if (env.refs.has(id)) return `$env.${id.text}`;
    return null;
  }

  private envVarOf(d: ts.VariableDeclaration): EnvVar | undefined {
    for (const env of this.envs.values()) {
      const v = env.vars.get(ts.isIdentifier(d.name) ? d.name.text : "");
      if (v && v.decl === d) return v;
    }
    return undefined;
  }

  /** `let x = v, y = w;` with x captured: `$env.x = v; let y = w;`. */
  private envDeclarations(n: ts.VariableStatement): string {
    const keyword = n.declarationList.flags & ts.NodeFlags.Const ? "const" : "let";
    const parts = n.declarationList.declarations.map((d) => {
      const init = d.initializer ? rewrite(d.initializer, this.module.sf, this.visitOutside) : null;
      if (this.envVarOf(d)) return init !== null ? `$env.${d.name.getText()} = ${init};` : "";
      return `${keyword} ${d.name.getText()}${d.type ? ": " + this.typeText(d.type) : ""}${init !== null ? " = " + init : ""};`;
    });
    return keepNewlines(n.getText()).length ? parts.join(" ") + keepNewlines(n.getText()) : parts.join(" ");
  }

  /** A local variable or parameter of an enclosing function (not a module-level name). */
  private isLocal(id: ts.Identifier): boolean {
    return syncLocal(id) !== null;
  }

  /** A Typer for code outside async bodies at `node`: locals and parameters typed from their declarations. */
  typerAt(node: ts.Node): Typer {
    let thisTy: Ty | null = null;
    for (let p = node.parent; p; p = p.parent) {
      if (ts.isClassDeclaration(p) && p.name) {
        thisTy = { name: p.name.text, args: [], decl: this.mods.named(this.module, p.name.text), nullable: false };
        break;
      }
    }
    const typer: Typer = new Typer(this.mods, this.module, {
      typeOfLocal: (id) => {
        const d = syncLocal(id);
        if (!d) return undefined;
        if (d.type) return tyFromNode(this.mods, d.type, this.module);
        return d.initializer ? typer.typeOf(d.initializer) : null;
      },
      typeOfClosure: (arrow) => this.closureType(arrow),
    }, thisTy);
    return typer;
  }

  /** `file:line:col` of a node, for messages the firmware prints (a call site). */
  where(node: ts.Node): string {
    const sf = this.module.sf;
    const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    return `${this.displayPath}:${line + 1}:${character + 1}`;
  }

  private signatures = new Map<AsyncFn, { params: Ty[]; value: Ty } | null>();

  /** A closure's signature (annotated, or from where it is written), computed once. */
  signatureOf(fn: AsyncFn, typer: Typer): { params: Ty[]; value: Ty } | null {
    if (!this.signatures.has(fn)) this.signatures.set(fn, closureSignature(this, fn, typer));
    return this.signatures.get(fn)!;
  }

  /** The function type of a closure (its signature), for typing locals that hold one. */
  closureType(arrow: ts.Node, typer?: Typer): Ty | null {
    const fn = this.asyncFnOf(arrow);
    if (!fn && (ts.isArrowFunction(arrow) || ts.isFunctionExpression(arrow))) return this.syncFnType(arrow);
    if (!fn || fn.kind !== "closure") return null;
    const sig = this.signatureOf(fn, typer ?? this.typerAt(arrow));
    return sig ? { name: "function", args: [], decl: null, nullable: false, raw: "", fn: { params: sig.params, promise: sig.value } } : null;
  }

  /**
   * A sync arrow's function type (`(x: i32): i32 => …` is `(x: i32) => i32`), from its annotations, or
   * with the return type it would have when that is not written (sync-syntax.ts asks for it), or null.
   */
  private syncFnType(arrow: ts.ArrowFunction | ts.FunctionExpression): Ty | null {
    if (arrow.parameters.some((p) => !p.type || !ts.isIdentifier(p.name))) return null;
    const returns = arrowReturnType(this.mods, this.module, arrow);
    const returnText = arrow.type ? this.typeText(arrow.type) : returns && this.render(returns);
    if (!returnText) return null;
    const params = arrow.parameters.map((p) => `${(p.name as ts.Identifier).text}: ${this.typeText(p.type!)}`);
    const t: Ty = { name: "function", args: [], decl: null, nullable: false, raw: `(${params.join(", ")}) => ${returnText}` };
    // Its parameter and return types, so that a call of it types as a call of a declared function does (`const r = f(0)`).
    const paramTys = arrow.parameters.map((p) => tyFromNode(this.mods, p.type!, this.module));
    if (paramTys.every((x) => x !== null)) t.fn = { params: paramTys as Ty[], promise: null, returns };
    return t;
  }

  private closuresDone = new Set<AsyncFn>();

  /**
   * A closure's creation, in place: `target.bind(env)`, followed by as many
   * newlines as its body has, so the lines after it stay where they were.
   * The closure's state machine, `<name>$poll`, goes after the file with its
   * lines in their original order (`movedLines` maps them back for asc's
   * diagnostics): a named function, so the frame calls it directly. Its
   * classes go after the file too (once).
   */
  closureText(fn: AsyncFn, target: string, env: string | null): string {
    const plan = this.planOf(fn);
    const sf = this.module.sf;
    const node = fn.node as ts.ArrowFunction | ts.FunctionExpression;
    const em = new Emitter(plan);
    em.emitBody();
    const out = new Out();
    const start = node.getStart(sf);
    const startLine = sf.getLineAndCharacterOfPosition(start).line;
    out.add(`${this.inlines(fn) ? "@inline " : ""}function ${fn.name}$poll(${F}: ${fn.frame}): bool { while (true) switch (${F}.$state) { case 0:`, start);
    out.add("", node.body.getStart(sf));
    out.append(em.out);
    out.add(` default: return true; } }`, node.end - 1);
    const poll = out.render((pos) => sf.getLineAndCharacterOfPosition(pos).line, startLine);
    if (!this.closuresDone.has(fn)) {
      this.closuresDone.add(fn);
      this.movedPolls.push({ text: poll, line: startLine });
      const envType = this.closureEnvType(fn);
      this.closureClasses.push(closureClasses(this, plan, em.states, this.params(fn, plan), envType));
    }
    return `${target}.bind(${env ?? ""})${keepNewlines(poll)}`;
  }

  /** Closures' poll functions, moved after the file: their text and the 0-based line they were written on. */
  private readonly movedPolls: Array<{ text: string; line: number }> = [];

  /** For each moved poll function: its first line in the lowered text and in the original (both 1-based), and its length. */
  readonly movedLines: Array<{ lowered: number; original: number; count: number }> = [];

  private recordMovedLines(text: string): void {
    let from = text.indexOf("\n// ─── generated by Outpost's async lowering ───\n");
    for (const p of this.movedPolls) {
      const at = text.indexOf(p.text, from);
      const lowered = text.slice(0, at).split("\n").length;
      this.movedLines.push({ lowered, original: p.line + 1, count: p.text.split("\n").length });
      from = at + p.text.length;
    }
  }

  /** The class of the environment a closure's `$env` holds: its creator's frame, a sync function's environment, or none. */
  private closureEnvType(fn: AsyncFn): string | null {
    if (!fn.creator) return null;
    const owner = fieldClass(fn.creator);
    if (owner) return owner;
    const creator = this.asyncFnOf(fn.creator);
    if (creator) return creator.frame;
    return this.envOf(fn.creator)?.className ?? null;
  }

  readonly closureClasses: string[] = [];

  /** `f$Fn` for each async function of this file: the class of its values (used or not: asc compiles only what is used). */
  private valueClasses(): string[] {
    return this.scan.fns
      .filter((fn) => fn.kind === "function" && !fn.owner && !fn.node.typeParameters?.length && fn.value)
      .map((fn) => fnValueClassText(this, fn, this.params(fn, this.planOf(fn))));
  }

  /** A named async function of this file is used as a value somewhere in the program. */
  usedAsValue(fn: AsyncFn): boolean {
    return this.session.program.usedAsValue(fn.name);
  }

  /** The value class of a named async function used as a value (`f$Fn`), declared after the function's file. */
  fnValueClass(fn: AsyncFn, local: string): string {
    const name = `${fn.name}$Fn`;
    if (fn.module !== this.module) {
      if (this.module.imports.has(local)) return `${local}$Fn`;
      return this.importAs(specifierFor(fn.module.path, this.module.path), name, name);
    }
    return name;
  }

  private asyncCallee(n: ts.CallExpression): AsyncFn | null {
    if (ts.isIdentifier(n.expression)) return asyncNamed(this.mods, this.module, n.expression.text);
    const callee = n.expression;
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
      const ns = this.mods.namespaceImport(this.module, callee.expression.text);
      const d = ns ? this.mods.exported(ns, callee.name.text) : null;
      const fn = d ? scanOf(this.mods, d.module).byName.get(d.name) : undefined;
      if (fn?.kind === "function") return fn;
    }
    const typer = new Typer(this.mods, this.module, null, null);
    return asyncMethodOf(typer, n);
  }

  /** `import { f, task } from …`: async functions become their frames; `task` goes (the lowering consumed it). */
  private rewriteImport(n: ts.ImportDeclaration): string | undefined {
    const nb = n.importClause?.namedBindings;
    if (!nb || !ts.isNamedImports(nb)) return undefined;
    let changed = false;
    const kept: string[] = [];
    for (const s of nb.elements) {
      const local = s.name.text;
      const spec = ts.isStringLiteral(n.moduleSpecifier) ? n.moduleSpecifier.text : "";
      if (local === "task" && (spec === "outpost" || spec.startsWith("outpost/"))) {
        changed = true;
        continue;
      }
      const fn = asyncNamed(this.mods, this.module, local);
      if (fn && fn.module !== this.module && (fn.kind === "function" || isGenerator(fn))) {
        const remote = (s.propertyName ?? s.name).text;
        const suffix = fn.frame.slice(fn.name.length); // $Future, or $Gen for a generator
        kept.push(`${remote}${suffix} as ${local}${suffix}`);
        // Used as a value somewhere (`apply(f, 5)`): its value class too (fnValueClass names it `local$Fn`).
        if (fn.kind === "function" && !fn.node.typeParameters?.length && fn.value && this.usedAsValue(fn)) kept.push(`${remote}$Fn as ${local}$Fn`);
        changed = true;
      } else kept.push(s.getText());
    }
    if (!changed) return undefined;
    const text = n.getText();
    if (!kept.length) return keepNewlines(text);
    return `import { ${kept.join(", ")} } from ${n.moduleSpecifier.getText()};` + keepNewlines(text);
  }

  /** `export { f } from …` of an async function or generator: what is exported is its frame (as an import would name it). */
  private rewriteReexport(n: ts.ExportDeclaration): string | undefined {
    if (!n.moduleSpecifier || !n.exportClause || !ts.isNamedExports(n.exportClause)) return undefined;
    let changed = false;
    const kept = n.exportClause.elements.map((s) => {
      const d = this.mods.exported(this.module, s.name.text);
      const fn = d ? scanOf(this.mods, d.module).byName.get(d.name) : undefined;
      if (!fn || !(fn.kind === "function" || isGenerator(fn))) return s.getText();
      changed = true;
      const suffix = fn.frame.slice(fn.name.length);
      return `${(s.propertyName ?? s.name).text}${suffix} as ${s.name.text}${suffix}`;
    });
    if (!changed) return undefined;
    return `export { ${kept.join(", ")} } from ${n.moduleSpecifier.getText()};` + keepNewlines(n.getText());
  }

  params(fn: AsyncFn, plan: Plan): Param[] {
    const src = fn.delegate ? fn.delegate.node : fn.node;
    return src.parameters.map((p, i) => {
      const b = plan.bindings.find((x) => x.decl === p);
      const name = p.name.getText();
      const contextual = !p.type && plan.signature ? this.render(plan.signature.params[i]!) : null;
      const type = p.type ? (fn.delegate ? this.foreignTypeText(fn.delegate, p.type) : this.typeText(p.type)) : contextual ?? "i32";
      if (!p.type && contextual === null && fn.kind !== "closure") this.error(p, "ASYNC_TYPE", messages.needsAnnotation(name));
      // A task over a named function keeps the function's parameters in fields of its own (no binding here).
      // A method's frame starts with its receiver as `$owner`: a default that reads `this` reads that.
      return { name, field: b?.field ?? escapedField(name), type, init: p.initializer && defaultText(p.initializer, fn.kind === "method" ? "$owner" : null) };
    });
  }

  /** `e` is an async function as a value: an async arrow, or the name of an async function or of a const holding one. */
  isAsyncValue(e: ts.Expression): boolean {
    while (ts.isParenthesizedExpression(e)) e = e.expression;
    const isAsyncFn = (n: ts.Node | undefined): boolean => !!n && (ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && hasModifier(n, ts.SyntaxKind.AsyncKeyword);
    if (isAsyncFn(e)) return true;
    if (!ts.isIdentifier(e)) return false;
    if (asyncNamed(this.mods, this.module, e.text)) return true;
    const d = this.mods.named(this.module, e.text);
    let init = d?.kind === "var" ? d.variable?.initializer : undefined;
    while (init && ts.isParenthesizedExpression(init)) init = init.expression;
    return isAsyncFn(init);
  }

  /** A parameter type written in another module, named as this file can. */
  private foreignTypeText(fn: AsyncFn, node: ts.TypeNode): string {
    if (fn.module === this.module) return this.typeText(node);
    const t = tyFromNode(this.mods, node, fn.module);
    return (t && this.render(t)) ?? node.getText();
  }

  /** The function's state machine is inlined where it is awaited (LowerSession.inlinePolls): not a task's, which only the executor polls, nor a generator's. */
  inlines(fn: AsyncFn): boolean {
    return this.session.inlinePolls && fn.kind !== "task" && !isGenerator(fn);
  }

  private pollHeader(fn: AsyncFn): string {
    const frame = fn.frame + frameTypeParams(fn).use;
    const { name, place } = pollFunction(fn);
    const keyword = place === "method" ? "" : place === "static" ? "static " : "function ";
    return `${this.inlines(fn) ? "@inline " : ""}${keyword}${name}${typeParamsText(fn.node.typeParameters)}(${F}: ${frame}): bool { while (true) switch (${F}.$state) { case 0:`;
  }

  private lowerFunction(fn: AsyncFn, out: Out, tail: string[]): void {
    const sf = this.module.sf;
    const st = fn.replaced;
    const plan = this.planOf(fn);
    const params = this.params(fn, plan);
    const start = st.getStart(sf);
    if (fn.kind === "task") {
      const decl = (st as ts.VariableStatement).declarationList.declarations[0]!;
      const lead = sf.text.slice(start, decl.initializer!.getStart(sf));
      const spawner = `new ${fn.name}$Spawner()`;
      if (fn.delegate) {
        out.add(`${lead}${spawner};` + keepNewlines(sf.text.slice(decl.initializer!.getStart(sf), st.end)), start);
        tail.push(this.delegateTask(fn, plan, params));
        tail.push(spawnerClass(this, fn, params));
        return;
      }
      const body = fn.node.body!;
      out.add(`${lead}${spawner}; ${this.pollHeader(fn)}` + keepNewlines(sf.text.slice(decl.initializer!.getStart(sf), body.getStart(sf) + 1)), start);
      const emitted = this.emitBody(plan, out, body, st.end);
      tail.push(frameClass(this, plan, emitted, params));
      tail.push(spawnerClass(this, fn, params));
      return;
    }
    const body = fn.node.body!;
    const headEnd = ts.isBlock(body) ? body.getStart(sf) + 1 : body.getStart(sf);
    out.add(this.pollHeader(fn) + keepNewlines(sf.text.slice(start, headEnd)), start);
    const emitted = this.emitBody(plan, out, body, st.end);
    if (isGenerator(fn)) tail.push(generatorClasses(this, plan, emitted, params, pollFunction(fn).name));
    else tail.push(frameClass(this, plan, emitted, params));
  }

  /** Emits the poll function's body in place; `end` is where the replaced source ends. */
  private emitBody(plan: Plan, out: Out, body: ts.Node, end: number): AwaitState[] {
    const sf = this.module.sf;
    const em = new Emitter(plan);
    em.emitBody();
    out.add("", body.getStart(sf));
    out.append(em.out);
    const closeAt = ts.isBlock(body) ? body.end - 1 : body.end;
    // Past the end (idle or done): an async generator's next() ends (END); anything else is complete.
    const done = plan.fn.kind === "asyncGenerator" ? `${F}.$next.end()` : "true";
    out.add(` default: return ${done}; } }` + keepNewlines(sf.text.slice(closeAt, end)), closeAt);
    return em.states;
  }

  /** A task over a named async function: its frame starts the function's frame and polls it. */
  private delegateTask(fn: AsyncFn, plan: Plan, params: Param[]): string {
    const target = fn.delegate!;
    const frame = this.frameName(target, fn.delegateRef!.text);
    plan.addField({ name: "$c0", type: frame, init: `new ${frame}()`, bytes: 4, owns: { frame: target } });
    for (const p of params) plan.addField({ name: p.field, type: p.type, init: zeroOf(prim(p.type)), bytes: 4 });
    const args = params.map((p) => `this.${p.field}`).join(", ");
    const failed = this.mayFail(target) ? ` const e = this.$c0.failure(); if (e !== null) ${this.runtimeName("panicUncaught")}(e);` : "";
    const poll = `if (this.$state == 0) { this.$c0.start(${args}); this.$state = 1; } if (!this.$c0.poll()) return false;${failed} this.$state = -1; return true;`;
    return frameClass(this, plan, [], params, poll);
  }

  private lowerClass(cls: ts.ClassDeclaration, fns: AsyncFn[], out: Out, tail: string[]): void {
    const sf = this.module.sf;
    const typeParams = cls.typeParameters?.length ? `<${cls.typeParameters.map((p) => p.name.text).join(", ")}>` : "";
    const openBrace = cls.members.pos; // just after `{`
    // A frame per object only where hand-written code calls the method (calls from async code bring their own).
    const fields = fns.filter((f) => f.kind === "method" && this.keepsObjectFrame(f))
      .map((f) => ` ${f.frame}$frame: ${f.frame}${typeParams} = new ${f.frame}${typeParams}();`).join("");
    out.add(splice(cls, sf, this.visitOutside, openBrace) + fields, cls.getStart(sf));
    let at = openBrace;
    for (const mem of cls.members) {
      out.add(sf.text.slice(at, mem.getStart(sf)), at);
      const fn = fns.find((f) => f.node === mem);
      if (!fn) out.add(rewrite(mem, sf, this.visitOutside), mem.getStart(sf));
      else this.lowerMethod(fn, mem as ts.MethodDeclaration, typeParams, out, tail);
      at = mem.end;
    }
    out.add(sf.text.slice(at, cls.end), at);
  }

  /** A method keeps a frame per object for hand-written callers (not a generic method: one frame per type argument would be needed). */
  private keepsObjectFrame(fn: AsyncFn): boolean {
    return !fn.node.typeParameters?.length && this.session.program.calledByHand(fn.name);
  }

  private lowerMethod(fn: AsyncFn, m: ts.MethodDeclaration, typeParams: string, out: Out, tail: string[]): void {
    const sf = this.module.sf;
    const plan = this.planOf(fn);
    const params = this.params(fn, plan);
    const body = m.body!;
    const start = m.getStart(sf);
    const headOrig = sf.text.slice(start, body.getStart(sf) + 1);
    const mods = (ts.getModifiers(m) ?? []).filter((x) => x.kind !== ts.SyntaxKind.AsyncKeyword && x.kind !== ts.SyntaxKind.StaticKeyword && !ts.isDecorator(x)).map((x) => x.getText() + " ").join("");
    let head = "";
    if (!fn.isStatic) {
      // The method itself, for hand-written callers: the object's frame, or (if no hand-written code calls it) a new one.
      const sig = m.parameters.map((p) => rewrite(p, sf, this.visitOutside)).join(", ").replace(/\s*\n\s*/g, " ");
      const ret = m.type ? this.typeText(m.type) : this.runtimeName("Future");
      const args = ["this", ...params.map((p) => p.name)].join(", ");
      const frame = this.keepsObjectFrame(fn) ? `this.${fn.frame}$frame` : `new ${fn.frame}${frameTypeParams(fn).use}()`;
      head = `${mods}${fn.name}${typeParamsText(m.typeParameters)}(${sig}): ${ret} { return ${frame}.start(${args}); } `;
    }
    out.add(head + this.pollHeader(fn) + keepNewlines(headOrig), start);
    const emitted = this.emitBody(plan, out, body, m.end);
    tail.push(frameClass(this, plan, emitted, params));
  }

  // ─── dispatchers ────────────────────────────────────────────────────────

  private dispatchers = new Map<string, string>();
  readonly dispatcherClasses: string[] = [];

  /**
   * The class of a call site's dispatcher for `recv.method(…)` (calls.ts):
   * one frame per lowered implementation, the receiver's class picks one,
   * most derived first; other receivers (hand-written implementations) get
   * the object's own future. Declared once per file and receiver type.
   */
  dispatcher(recv: Ty, method: string, member: Member, impls: Array<{ cls: ClassInfo; fn: AsyncFn | null }>): string | null {
    const recvText = this.render({ ...recv, nullable: false });
    if (recvText === null) return null;
    const key = `${recvText}#${method}`;
    const have = this.dispatchers.get(key);
    if (have) return have;
    const name = `${recvText.replace(/\W/g, "_")}$${method}$Calls`;
    this.dispatchers.set(key, name);
    const sig = (member.node as ts.MethodSignature | ts.MethodDeclaration).parameters.map((p) => {
      const t = p.type ? tyFromNode(this.mods, p.type, member.module, member.subst) : null;
      const text = (t && this.render(t)) ?? "i32";
      return `${p.name.getText()}: ${text}${p.initializer ? " = " + defaultText(p.initializer, "$recv") : ""}`;
    });
    const names = (member.node as ts.MethodSignature).parameters.map((p) => p.name.getText());
    const value = member.type ? promiseValue(this.mods, member.type, member.module, member.subst) ?? futureValue(this.mods, tyFromNode(this.mods, member.type, member.module, member.subst) ?? VOID) : null;
    const ret = !value || isVoid(value) ? this.runtimeName("Future") : `${this.runtimeName("ValueFuture")}<${this.render(value)}>`;
    const fields: string[] = [];
    const checks: string[] = [];
    const args = names.join(", ");
    impls.forEach(({ cls, fn }, i) => {
      if (fn) {
        const frame = this.frameName(fn, null);
        fields.push(`  $${i}: ${frame} = new ${frame}();`);
        checks.push(`    if (${frame}.$owns<${recvText}>($recv)) return this.$${i}.$startOn<${recvText}>($recv${args ? ", " + args : ""});`);
      } else if (impls.slice(i + 1).some((later) => later.fn && this.session.program.isSubtype(cls, later.cls.decl.node))) {
        // A hand-written override of a lowered method: its own future, before the base's frame is tried.
        const own = this.ownsHelper(cls, method);
        checks.push(`    if (${own}.$owns<${recvText}>($recv)) return $recv.${method}(${args});`);
      }
    });
    this.dispatcherClasses.push([
      `class ${name} {`,
      ...fields,
      `  start($recv: ${recvText}${sig.length ? ", " + sig.join(", ") : ""}): ${ret} {`,
      ...checks,
      `    return $recv.${method}(${args});`,
      `  }`,
      `}`,
    ].join("\n"));
    return name;
  }

  /** `C$m$Own.$owns(o)`: whether `o` is a C, for a class whose hand-written `m` overrides a lowered one (see ownHelpers). */
  private ownsHelper(cls: ClassInfo, method: string): string {
    const name = `${cls.decl.name}$${method}$Own`;
    if (cls.decl.module === this.module) return name;
    return this.importAs(specifierFor(cls.decl.module.path, this.module.path), name, name);
  }

  /** This file's `C$m$Own` classes: one per hand-written method overriding a lowered async method of an ancestor. */
  private ownHelpers(): string[] {
    const out: string[] = [];
    const program = this.session.program;
    for (const st of this.module.sf.statements) {
      if (!ts.isClassDeclaration(st) || !st.name) continue;
      const info = program.classOf(st);
      if (!info) continue;
      for (const mem of st.members) {
        if (!ts.isMethodDeclaration(mem) || !mem.name || !ts.isIdentifier(mem.name) || hasModifier(mem, ts.SyntaxKind.AsyncKeyword)) continue;
        if (!program.overridesLowered(info, mem.name.text)) continue;
        out.push(`export class ${st.name.text}$${mem.name.text}$Own { static $owns<O>(o: O): bool { return o instanceof ${st.name.text}; } }`);
      }
    }
    return out;
  }

  /** Static RAM of a frame (sizes other modules' frames by planning them). */
  frameSize(fn: AsyncFn, seen = new Set<AsyncFn>()): FrameSize {
    if (seen.has(fn)) return { fields: 0, totalFields: 0, heap: 0 };
    seen.add(fn);
    const ctx = this.session.ctxFor(this, fn);
    const plan = ctx.planOf(fn);
    const size = frameSize(ctx, plan, (f) => ctx.frameSize(f, seen));
    seen.delete(fn);
    return size;
  }
}

function isValueUse(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isCallExpression(p) && p.expression === id) return false;
  if (ts.isImportSpecifier(p) || ts.isExportSpecifier(p) || ts.isFunctionDeclaration(p)) return false;
  if (ts.isVariableDeclaration(p) && p.name === id) return false;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  if (ts.isTypeReferenceNode(p) || ts.isQualifiedName(p)) return false;
  if (ts.isCallExpression(p) && ts.isIdentifier(p.expression) && p.expression.text === "task") return false;
  return !ts.isTypeNode(p) && !ts.isTypeQueryNode(p);
}

/** The declaration of a local or parameter that `id` names in the functions around it, if any (closest first). */
function syncLocal(id: ts.Identifier): ts.ParameterDeclaration | ts.VariableDeclaration | null {
  for (let p: ts.Node | undefined = id.parent; p; p = p.parent) {
    if (ts.isFunctionLike(p)) {
      const param = p.parameters.find((q) => ts.isIdentifier(q.name) && q.name.text === id.text);
      if (param) return param;
    }
    if (ts.isBlock(p) || ts.isSourceFile(p) || ts.isForStatement(p) || ts.isForOfStatement(p) || ts.isCatchClause(p)) {
      if (ts.isSourceFile(p)) return null;
      let found: ts.VariableDeclaration | null = null;
      const visit = (n: ts.Node) => {
        if (found || (ts.isFunctionLike(n))) return;
        if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === id.text) found = n;
        else if (!ts.isBlock(n) || n === p) ts.forEachChild(n, visit);
      };
      ts.forEachChild(p, visit);
      if (found) return found;
    }
  }
  return null;
}

/**
 * A parameter's default as a frame's or dispatcher's `start()` takes it: `this` (outside nested functions)
 * becomes the receiver's parameter there, `receiver`; without one, the text as written.
 */
function defaultText(init: ts.Expression, receiver: string | null): string {
  const sf = init.getSourceFile();
  const text = init.getText(sf);
  if (receiver === null) return text;
  const at: number[] = [];
  const visit = (n: ts.Node): void => {
    if (n.kind === ts.SyntaxKind.ThisKeyword) at.push(n.getStart(sf) - init.getStart(sf));
    else if (!ts.isFunctionLike(n) || ts.isArrowFunction(n)) ts.forEachChild(n, visit);
  };
  visit(init);
  return at.reverse().reduce((t, i) => t.slice(0, i) + receiver + t.slice(i + "this".length), text);
}
