/**
 * Plans the state machine of one async function: which statements become
 * states ("flattened"), which locals become fields, and which preallocated
 * slot each await and each async call uses. emit.ts then writes the code.
 *
 * Flattened statements: those containing an await (or `for await`), a
 * throw, a `for … of` (AssemblyScript has no iterators), every try
 * (AssemblyScript has no exceptions, so try/catch/finally is always
 * lowered), the statements around them, and any statement a break,
 * continue or return leaves to reach a flattened target. All others are
 * copied verbatim (with names rewritten).
 *
 * A local declared at flattened level becomes a field when a state
 * boundary (an await, or the start of a flattened compound statement) lies
 * between its declaration and a use; otherwise it stays a local of the poll
 * function (renamed if two such locals share a name).
 */
import ts from "typescript";
import { messages, type LowerCode } from "./errors.ts";
import type { FileCtx } from "./file.ts";
import { asyncArrow, isGenerator, type AsyncFn } from "./scan.ts";
import { adoptedAwait } from "./adopt.ts";
import { planCalls, planClosures, planObjects, planSites } from "./slots.ts";
import { checkDropped, checkSharedFutures, checkJavaScriptOnly, checkReturnedFuture, checkAllocations, checkNestedFunctions, checkSyncClosures, checkSyncThrows, checkCaughtErrorWrites, checkOverrideDefaults, checkUnused } from "./checks.ts";
import { fieldClass, insideLoop } from "./closures.ts";
import { containsAwait, excerpt, isInside, isReference, isStatementLike, isWritten, jumpTarget, promiseApi, unparen } from "./syntax.ts";
import { commonFuture, Typer } from "./typer.ts";
import { basesOf, elementType, findMember, isVoid, memberType, sizeOf, tyFromNode, zeroOf, type Ty } from "./types.ts";

/** AssemblyScript's and JavaScript's global names, which firmware uses without declaring or importing them. */
const GLOBALS = new Set([
  "Math", "Mathf", "NativeMath", "NativeMathf", "String", "Number", "Boolean", "Array", "StaticArray", "ArrayBuffer", "DataView", "Map",
  "Set", "Error", "RangeError", "TypeError", "SyntaxError", "URIError", "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array",
  "Uint16Array", "Int32Array", "Uint32Array", "Int64Array", "Uint64Array", "Float32Array", "Float64Array", "i8", "u8", "i16", "u16",
  "i32", "u32", "i64", "u64", "isize", "usize", "f32", "f64", "bool", "v128", "load", "store", "changetype", "unchecked", "idof",
  "sizeof", "offsetof", "alignof", "nameof", "instantiate", "isInteger", "isFloat", "isSigned", "isReference", "isString", "isArray",
  "isFunction", "isNullable", "isDefined", "isConstant", "isManaged", "isVoid", "assert", "abort", "trace", "memory", "heap", "NaN",
  "Infinity", "isNaN", "isFinite", "parseInt", "parseFloat", "select", "bswap", "clz", "ctz", "popcnt", "rotl", "rotr", "abs", "max",
  "min", "ceil", "floor", "copysign", "nearest", "sqrt", "trunc", "unreachable", "reinterpret", "Date", "Symbol", "Function", "Object",
  "undefined", "globalThis", "ASC_TARGET", "ASC_RUNTIME", "ASC_NO_ASSERT", "ASC_MEMORY_BASE", "ASC_OPTIMIZE_LEVEL", "ASC_SHRINK_LEVEL",
]);

export interface Binding {
  name: string;
  decl: ts.VariableDeclaration | ts.ParameterDeclaration;
  isParam: boolean;
  /** Declared at flattened level: may be hoisted. */
  candidate: boolean;
  hoisted: boolean;
  /** Field name (params and hoisted locals). */
  field?: string;
  /** Assigned (or incremented) somewhere after its declaration. */
  assigned: boolean;
  /** Referred to from an async closure created in this function: lives in the frame, shared with the closure. */
  captured?: boolean;
  /** The closures (their arrow nodes) that refer to it. */
  capturedBy?: Set<ts.Node>;
  /** The function that declares it (this one, or a function nested in it). */
  owner?: ts.Node;
  /** New local name (non-hoisted locals that clash). */
  rename?: string;
  refs: ts.Identifier[];
}

export interface Field {
  name: string;
  type: string;
  /** Initializer text; null starts the field as `$zeroOf<T>()` (a reference set before use; see frames.ts). */
  init: string | null;
  bytes: number;
  /** What the initializer allocates at init, for static RAM. */
  owns?: { frame: AsyncFn } | { cls: Ty } | { dispatch: AsyncFn[] } | { closure: AsyncFn };
}

export type CallPlan =
  /** An async function: the call site's own frame (`$cN.start(args)`). */
  | { kind: "frame"; fn: AsyncFn; field: string; ty: Ty }
  /** An async method with one implementation the call can reach: the call site's own frame (`$cN.start(receiver, args)`). */
  | { kind: "method"; fn: AsyncFn; field: string; ty: Ty }
  /** An async method several implementations may answer: the call site's dispatcher with a frame for each (`$dN.start(receiver, args)`). */
  | { kind: "dynamic"; impls: AsyncFn[]; field: string; ty: Ty }
  /** A static factory or arming method: a preallocated instance re-armed here (`$sN.after(d)`). */
  | { kind: "factory"; method: string; field: string; ty: Ty }
  /**
   * A call of an async function value: `callee.call(args, textOf(at))`, the value's own frame; or, when
   * the callee is a closure made right here (`site`), this call site's own frame of it.
   */
  | { kind: "closure"; at: string; ty: Ty; site?: { fn: AsyncFn; field: string } }
  /** Text built without allocating (format.ts): the call becomes `render(receiver, parts' values)`. */
  | { kind: "format"; parts: ts.Expression[]; render: (receiver: string | null, values: string[]) => string; ty: Ty };

export interface Site {
  id: number;
  /** Field of the slot polled at this site. */
  field: string;
  /** The slot is an async call's frame (arm = the rewritten call) rather than a reference set here. */
  callSlot: boolean;
  /** The slot is a generated frame: it reports its own sites. */
  generated: boolean;
  /** The slot's static type is abstract (may be a generated frame): report the site before polling. */
  abstract: boolean;
  /** The future may complete with an error (`failure()`): the await raises it. */
  mayFail: boolean;
}

/** A `for await` loop: the source (evaluated once) and how it ends. */
export interface ForAwaitLoop {
  kind: "stream" | "iterator";
  source: string;
  /** A lowered async next(): the loop's own frame of it (`$cN.start(source)`). */
  nextFrame?: string;
}

/** A `for … of` loop: over an indexable value (by index), or a sync generator's object (`next()` until done). */
export interface ForOfLoop {
  kind: "index" | "iterator";
  source: string;
  index: string;
  /** The element at index `i` of `src`. */
  element: (src: string, i: string) => string;
}

/**
 * A generator loop's implicit `finally`: leaving a `for … of` over a
 * generator, or a `for await` over an async generator, early (break,
 * return, throw, cancellation) closes the generator, as JavaScript calls its
 * `return()`: its finally blocks run (an async generator's may await).
 */
export interface LoopClose {
  j: string;
  e: string;
  /** Async generators: the await on `close()` (its slot and site). */
  site?: Site;
}

/** `yield* inner` in a generator: the delegate (a generator's object, a stream, or an array by index). */
export interface YieldStar {
  kind: "iterator" | "stream" | "array";
  source: string;
  index?: string;
  /** Streams: the await on the delegate's next(). */
  site?: Site;
  /** Generators: the delegate's own frame class (its return value is `$ret`). */
  delegate?: AsyncFn;
}

export const FRAME = "$f";

/**
 * Field names a frame cannot use as is: members it inherits (Task,
 * ValueFuture) and words AssemblyScript's parser mistakes for keywords after
 * a dot (`$f.from` fails to parse).
 */
const RESERVED = new Set([
  // Members of the frames' and tasks' base classes (future.ts, task.ts) and of the classes the lowering writes.
  "value", "poll", "cancel", "start", "deadline", "name", "id", "heapIndex", "polls", "site", "state", "queued", "constructor",
  "pollCancel", "failure", "awaitSite", "awaiting", "setLost", "isLost", "next", "call", "pool", "spawn", "trySpawn", "running",
  "from", "of", "type", "namespace", "module", "declare", "is", "keyof", "readonly", "get", "set", "async", "await",
  "yield", "abstract", "as", "infer", "unique", "global", "package", "private", "protected", "public", "static",
  "implements", "interface", "let", "instanceof", "typeof", "delete", "void", "new", "in",
]);

/**
 * A field for the local or parameter `name` of a frame: escaped when it would be one of the task and
 * future headers' own members (a task's `id` is its waker; a parameter named `id` must not overwrite it)
 * or a word the class body cannot declare, or when it starts with `$` (the lowering's own fields).
 */
export function escapedField(name: string): string {
  return RESERVED.has(name) || name.startsWith("$") ? name + "$" : name;
}

export class Plan {
  readonly file: FileCtx;
  readonly fn: AsyncFn;
  readonly awaits: ts.AwaitExpression[] = [];
  /** `return g(x)` of a future, run as `return await g(x)` (adopt.ts): the return statement or arrow → its await. */
  readonly adopted = new Map<ts.Node, ts.AwaitExpression>();
  readonly forAwaits: ts.ForOfStatement[] = [];
  readonly flat = new Set<ts.Node>();
  readonly bindings: Binding[] = [];
  readonly refOf = new Map<ts.Identifier, Binding>();
  readonly fields: Field[] = [];
  readonly sites = new Map<ts.Node, Site>();
  readonly calls = new Map<ts.CallExpression, CallPlan>();
  /** String-building expressions a formatting call consumes (format.ts). */
  readonly consumedStrings = new Set<ts.Node>();
  readonly tries = new Map<ts.TryStatement, { j: string; e: string }>();
  readonly throwSlots = new Map<ts.ThrowStatement, string>();
  /** The site id of each throw statement (await chains of escaped errors end there). */
  readonly throwSites = new Map<ts.ThrowStatement, number>();
  readonly forAwaitLoops = new Map<ts.ForOfStatement, ForAwaitLoop>();
  readonly forOfLoops = new Map<ts.ForOfStatement, ForOfLoop>();
  readonly loopCloses = new Map<ts.ForOfStatement, LoopClose>();
  readonly yieldStars = new Map<ts.YieldExpression, YieldStar>();
  readonly yields: ts.YieldExpression[] = [];
  /** The frame may complete with an error (set while planning and emitting). */
  mayFail = false;
  /** Closures: references to the creator's variables, as paths from this frame (`$env.base`). */
  readonly outerRefs = new Map<ts.Identifier, { path: string; ty: Ty | null }>();
  /** Closures: the path to `this` (an async method's owner, or a method's environment's `$this`). */
  thisPath: string | null = null;
  /** Closures: parameter types and what the Promise resolves to (annotated, or from the context). */
  signature: { params: Ty[]; value: Ty } | null = null;
  /** Async closures created directly in this body, and the slot each lives in (`$kN`). */
  readonly closures = new Map<ts.Node, { fn: AsyncFn; field: string }>();
  /** Object literals made with the frame (slots.ts planObjects): the helper filling one, its slot, the values. */
  readonly objects = new Map<ts.ObjectLiteralExpression, { helper: string; slot: string; values: ts.Expression[] }>();
  /** Named async functions used as values in this body, and the slot each value lives in. */
  readonly fnValues = new Map<ts.Identifier, { fn: AsyncFn; field: string }>();
  readonly typer: Typer;
  readonly body: ts.Block | ts.Expression;
  private fieldNames = new Set<string>();
  private counter = 0;

  constructor(file: FileCtx, fn: AsyncFn) {
    this.file = file;
    this.fn = fn;
    const node = fn.node;
    this.body = node.body!;
    // In a generic class, `this` is the class over its own type parameters (`Box<T>`): a call of another of its
    // async methods instantiates that method's frame over them too.
    const ownParams = (fn.owner?.typeParameters ?? []).map((tp): Ty => ({ name: tp.name.text, args: [], decl: null, nullable: false }));
    const thisTy: Ty | null = fn.owner?.name
      ? { name: fn.owner.name.text, args: ownParams, decl: file.mods.named(fn.module, fn.owner.name.text), nullable: false }
      : null;
    this.typer = new Typer(file.mods, fn.module, {
      typeOfLocal: (id) => this.localType(id),
      typeOfCall: (call) => this.calls.get(call)?.ty,
      typeOfClosure: (arrow) => file.closureType(arrow, this.typer),
    }, fn.isStatic ? null : thisTy, fn.isStatic ? thisTy?.decl ?? null : null);
  }

  /** The plan of the async function this closure is created in, if that is async. */
  get creatorPlan(): Plan | null {
    const c = this.fn.creator;
    if (!c || this.fn.kind !== "closure") return null;
    const creator = this.file.asyncFnOf(c);
    return creator ? this.file.planOf(creator) : null;
  }

  /**
   * A closure's reference to a variable of the function it is created in
   * (or further out): the path from this frame, through each frame's
   * `$env`, or through a sync function's environment.
   */
  private outerRef(id: ts.Identifier): { path: string; ty: Ty | null } | null {
    const c = this.fn.creator;
    if (!c || this.fn.kind !== "closure") return null;
    const cp = this.creatorPlan;
    if (cp) {
      const b = cp.refOf.get(id);
      if (b && b.field !== undefined) return { path: `$env.${b.field}`, ty: cp.bindingType(b) };
      const further = cp.outerRefs.get(id) ?? cp.outerRefFor(id);
      return further ? { path: `$env.${further.path}`, ty: further.ty } : null;
    }
    const env = this.file.envOf(c);
    const v = env?.field(id.text);
    if (!v) return null;
    const d = v.decl;
    const ty = d.type ? tyFromNode(this.file.mods, d.type, this.fn.module) : d.initializer ? this.typer.typeOf(d.initializer) : null;
    return { path: `$env.${v.name}`, ty };
  }

  /** `outerRef` for an identifier of a closure nested in this one (which this plan's scopes did not resolve). */
  outerRefFor(id: ts.Identifier): { path: string; ty: Ty | null } | null {
    return this.outerRef(id);
  }

  /** The path to `this` inside a closure. */
  private resolveThis(): string | null {
    const c = this.fn.creator;
    if (!c) return null;
    if (fieldClass(c)) return "$env"; // a field's initial value: the environment is the object
    const cp = this.creatorPlan;
    if (cp) {
      if (cp.fn.kind === "method") return "$env.$owner";
      if (cp.fn.kind === "closure" && cp.thisPath) return `$env.${cp.thisPath}`;
      return null;
    }
    return this.file.envOf(c)?.thisType ? "$env.$this" : null;
  }

  fresh(prefix: string): string {
    let n: string;
    do n = `${prefix}${this.counter++}`; while (this.fieldNames.has(n));
    return n;
  }

  addField(f: Field): Field {
    this.fieldNames.add(f.name);
    this.fields.push(f);
    return f;
  }

  fieldName(want: string): string {
    let name = escapedField(want);
    for (let i = 2; this.fieldNames.has(name); i++) name = `${want}$${i}`;
    this.fieldNames.add(name);
    return name;
  }

  error(node: ts.Node, code: LowerCode, message: string): void {
    // With an async function declared inside this one, or in a namespace of this file (refused where it is
    // declared: scan.ts), the types of what flows from it cannot be told: those errors would only echo that one.
    if (code === "ASYNC_TYPE" && (this.declaresRefused() || this.callsRefusedGenerator(node))) return;
    // A type nobody can tell because a name is misspelt or not imported: say that (once), not "annotate it".
    const declared = ts.isVariableDeclaration(node) ? node.initializer
      : ts.isIdentifier(node) && ts.isVariableDeclaration(node.parent) && node.parent.name === node ? node.parent.initializer : undefined;
    const missing = code !== "ASYNC_TYPE" ? null : declared ? this.missingName(declared) : ts.isExpression(node) ? this.missingName(node) : null;
    if (missing && this.reportedMissing.has(missing.node)) return;
    if (missing) this.reportedMissing.add(missing.node);
    this.file.error(missing?.node ?? node, code, missing?.message ?? message);
  }

  private readonly reportedMissing = new Set<ts.Node>();

  /** The first name in `e` that nothing declares, or member its class lacks (not looking into nested functions). */
  private missingName(e: ts.Expression): { node: ts.Node; message: string } | null {
    let found: { node: ts.Node; message: string } | null = null;
    const visit = (n: ts.Node): void => {
      if (found || ts.isFunctionLike(n)) return;
      if (ts.isIdentifier(n) || ts.isPropertyAccessExpression(n)) {
        found = this.missingAt(n);
        if (found || ts.isIdentifier(n)) return;
      }
      ts.forEachChild(n, visit);
    };
    visit(e);
    return found;
  }

  /** `x` (a name read as a value, or `obj.member`) names nothing the build knows. */
  private missingAt(x: ts.Identifier | ts.PropertyAccessExpression): { node: ts.Node; message: string } | null {
    if (ts.isIdentifier(x)) {
      // Only a name read as a value: not a member's, a property's or a declaration's.
      const p = x.parent;
      if ((ts.isPropertyAccessExpression(p) && p.name === x) || (ts.isPropertyAssignment(p) && p.name === x) || ts.isTypeNode(p)) return null;
      const known = this.refOf.has(x) || this.typer.locals?.typeOfLocal(x) !== undefined || this.file.mods.named(this.fn.module, x.text) !== null
        || this.file.mods.namespaceImport(this.fn.module, x.text) !== null || GLOBALS.has(x.text);
      return known ? null : { node: x, message: messages.notDeclared(x.text) };
    }
    if (x.expression.kind === ts.SyntaxKind.SuperKeyword) return null;
    const inner = this.missingName(x.expression);
    if (inner) return inner;
    const owner = this.typer.typeOf(x.expression);
    if (!owner?.decl || owner.decl.kind !== "class" || owner.nullable) return null;
    const name = x.name.text;
    const has = (t: Ty, depth = 0): boolean => {
      const node = t.decl?.node;
      if (!node || !ts.isClassDeclaration(node) || depth > 16) return true; // a base outside the firmware's classes: cannot tell
      if (node.members.some((m) => m.name && ts.isIdentifier(m.name) && m.name.text === name)) return true;
      if (node.members.some((m) => ts.isConstructorDeclaration(m) && m.parameters.some((q) => ts.isIdentifier(q.name) && q.name.text === name))) return true;
      const ext = node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
      if (!ext) return false;
      const base = basesOf(this.file.mods, t)[0];
      return base ? has(base, depth + 1) : true;
    };
    return has(owner) ? null : { node: x.name, message: messages.noMember(owner.decl.name, name) };
  }

  /** `node` calls a generator method of this file (`p.steps()`), refused where it is declared: the same echo. */
  private callsRefusedGenerator(node: ts.Node): boolean {
    const names = this.file.scan.problems.flatMap((q) => (q.message === "asyncGenerator" && ts.isMethodDeclaration(q.node) ? [q.node.name.getText()] : []));
    if (names.length === 0) return false;
    let found = false;
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && names.includes(n.expression.name.text)) found = true;
      else if (!found) ts.forEachChild(n, visit);
    };
    visit(node);
    return found;
  }

  private refused: boolean | null = null;

  private declaresRefused(): boolean {
    this.refused ??= this.file.scan.problems.some((q) =>
      (q.message === "nestedAsync" && q.node.pos >= this.body.pos && q.node.end <= this.body.end) || q.message === "namespaceAsync");
    return this.refused;
  }

  /**
   * `c ? read(1) : write(2)` between two different futures: the future type both branches are cast to
   * (each call's frame extends it; AssemblyScript types a conditional by its first branch), or null.
   */
  futureUpcast(e: ts.ConditionalExpression): string | null {
    const common = commonFuture(this.file.mods, this.typer.typeOf(e.whenTrue), this.typer.typeOf(e.whenFalse));
    return common ? this.file.render(common) : null;
  }

  /** How panics name this function: a Text literal (`textOf("…")`). */
  displayText(): string {
    return `textOf(${JSON.stringify(this.fn.display)})`;
  }

  /** A new temporary field for the value of `node`; null (and an error) when its type is unknown. */
  temp(node: ts.Expression): string | null {
    const t = this.typer.typeOf(node);
    const typeText = t ? this.file.render(t) : null;
    if (!t || typeText === null || isVoid(t)) {
      this.error(node, "ASYNC_TYPE", messages.needsTempType(excerpt(node)));
      return null;
    }
    const f = this.addField({ name: this.fresh("$t"), type: typeText, init: zeroOf(t), bytes: sizeOf(t) });
    return f.name;
  }

  /** A local that is never assigned after its declaration, or a module-level constant: its value cannot change. */
  isConstant(id: ts.Identifier): boolean {
    const b = this.refOf.get(id);
    if (b) return !b.assigned;
    const d = this.typer.declOf(id);
    if (!d) return false;
    if (d.kind !== "var") return true; // functions, classes, enums, namespaces
    return (d.variable!.parent.flags & ts.NodeFlags.Const) !== 0;
  }

  /** `Ns.CONST` where Ns is a namespace or enum: cannot change. */
  isNamespaceConstant(e: ts.PropertyAccessExpression): boolean {
    const target = this.typer.staticTarget(e.expression);
    if (target?.kind !== "decl") return false;
    if (target.decl.kind === "enum") return true;
    return target.decl.kind === "namespace" && !namespaceVariable(target.decl.node, e.name.text);
  }

  /** Runs the whole plan. */
  build(): void {
    if (this.fn.kind === "closure") {
      const cp = this.creatorPlan;
      this.signature = this.file.signatureOf(this.fn, cp ? cp.typer : this.file.typerAt(this.fn.node));
      this.thisPath = this.resolveThis();
    }
    if (!ts.isBlock(this.body)) this.adopt(this.fn.node, this.body);
    this.collect(this.body);
    this.flatten();
    this.scope();
    this.flattenCaptured();
    planClosures(this);
    planCalls(this);
    planObjects(this);
    checkDropped(this);
    checkSharedFutures(this);
    checkSyncThrows(this);
    checkCaughtErrorWrites(this);
    checkOverrideDefaults(this);
    checkJavaScriptOnly(this);
    checkReturnedFuture(this);
    checkAllocations(this);
    checkNestedFunctions(this);
    checkSyncClosures(this);
    this.hoist();
    planSites(this);
    checkUnused(this);
  }

  // ─── collection and checks ──────────────────────────────────────────────

  readonly jumps: Array<{ node: ts.BreakStatement | ts.ContinueStatement | ts.ReturnStatement; target: ts.Node | null }> = [];
  readonly tryNodes: ts.TryStatement[] = [];

  readonly throwNodes: ts.ThrowStatement[] = [];
  readonly closureNodes: ts.Node[] = [];
  readonly forOfNodes: ts.ForOfStatement[] = [];

  private collect(n: ts.Node): void {
    if (n !== this.body && ts.isFunctionLike(n)) {
      const fn = this.file.asyncFnOf(n);
      if (fn?.kind === "closure") this.closureNodes.push(n);
      return;
    }
    if (ts.isAwaitExpression(n)) this.awaits.push(n);
    if (ts.isYieldExpression(n)) this.yields.push(n);
    if (ts.isForOfStatement(n)) {
      if (n.awaitModifier) this.forAwaits.push(n);
      else this.forOfNodes.push(n);
    }
    if (ts.isThrowStatement(n)) this.throwNodes.push(n);
    if (ts.isTryStatement(n)) this.tryNodes.push(n);
    if (ts.isLabeledStatement(n)) this.error(n, "ASYNC_SYNTAX", messages.labelUnsupported());
    if (ts.isBreakStatement(n) || ts.isContinueStatement(n)) this.jumps.push({ node: n, target: jumpTarget(n) });
    if (ts.isReturnStatement(n)) {
      this.jumps.push({ node: n, target: null });
      if (n.expression) this.adopt(n, n.expression);
    }
    if (ts.isCaseClause(n) && containsAwait(n.expression)) this.error(n.expression, "ASYNC_SYNTAX", messages.awaitInCase());
    ts.forEachChild(n, (c) => this.collect(c));
  }

  private adopt(holder: ts.Node, expr: ts.Expression): void {
    const a = adoptedAwait(this, holder, expr);
    if (!a) return;
    this.awaits.push(a);
    this.adopted.set(holder, a);
  }

  // ─── flattening ─────────────────────────────────────────────────────────

  private flatten(): void {
    const mark = (n: ts.Node | undefined) => {
      for (let p = n; p && p !== this.body.parent; p = p.parent) {
        if (isStatementLike(p) || p === this.body) this.flat.add(p);
      }
    };
    for (const a of this.awaits) mark(a);
    for (const y of this.yields) mark(y);
    for (const f of this.forAwaits) mark(f);
    for (const f of this.forOfNodes) mark(f);
    for (const t of this.throwNodes) mark(t);
    for (const t of this.tryNodes) mark(t);
    for (let changed = true; changed;) {
      changed = false;
      for (const j of this.jumps) {
        const target = j.target ?? this.body;
        const crossesTry = this.tryNodes.some((t) => t.tryBlock.pos <= j.node.pos && j.node.end <= t.tryBlock.end && isInside(t, target));
        if (!this.flat.has(target) && !crossesTry) continue;
        if (j.target === null && !crossesTry) continue; // a plain return works from verbatim code
        for (let p: ts.Node = j.node; p !== target; p = p.parent) {
          if ((isStatementLike(p) || ts.isBlock(p)) && !this.flat.has(p)) {
            this.flat.add(p);
            changed = true;
          }
        }
      }
    }
  }

  /** True if `n` is inside a verbatim (non-flattened) statement of the body. */
  inVerbatim(n: ts.Node): boolean {
    for (let p = n.parent; p && p !== this.body; p = p.parent) {
      if ((isStatementLike(p) || ts.isBlock(p)) && !this.flat.has(p)) return true;
    }
    return false;
  }

  /** A declaration made directly by flattened code (not inside a verbatim statement). */
  private atFlatLevel(d: ts.VariableDeclaration | ts.ParameterDeclaration): boolean {
    if (ts.isVariableDeclaration(d) && ts.isCatchClause(d.parent)) return !this.inVerbatim(d.parent.parent);
    if (!ts.isVariableDeclaration(d) || !ts.isVariableDeclarationList(d.parent)) return false;
    const owner = d.parent.parent;
    if (!ts.isVariableStatement(owner) && !this.flat.has(owner)) return false;
    return !this.inVerbatim(owner);
  }

  // ─── scopes ─────────────────────────────────────────────────────────────

  private scope(): void {
    const scopes: Array<Map<string, Binding>> = [new Map()];
    const declare = (d: ts.VariableDeclaration | ts.ParameterDeclaration, isParam: boolean) => {
      if (!ts.isIdentifier(d.name)) {
        this.error(d, "ASYNC_SYNTAX", messages.destructuring());
        return;
      }
      const b: Binding = {
        name: d.name.text, decl: d, isParam, candidate: isParam || this.atFlatLevel(d), hoisted: isParam, refs: [], assigned: false,
        owner: isParam ? this.fn.node : enclosingFunction(d),
      };
      this.bindings.push(b);
      scopes[scopes.length - 1]!.set(b.name, b);
    };
    const params = this.fn.delegate ? [] : this.fn.node.parameters;
    for (const p of params) declare(p, true);
    const lookup = (name: string) => {
      for (let i = scopes.length - 1; i >= 0; i--) {
        const b = scopes[i]!.get(name);
        if (b) return b;
      }
      return null;
    };
    const walk = (n: ts.Node): void => {
      const opens = ts.isBlock(n) || ts.isForStatement(n) || ts.isForOfStatement(n) || ts.isForInStatement(n)
        || ts.isCaseBlock(n) || ts.isCatchClause(n) || (ts.isFunctionLike(n) && n !== this.fn.node);
      if (opens) scopes.push(new Map());
      if (ts.isVariableDeclaration(n)) {
        if (n.initializer) walk(n.initializer);
        declare(n, false);
      } else if (ts.isParameter(n)) {
        if (n.initializer) walk(n.initializer);
        if (ts.isIdentifier(n.name)) scopes[scopes.length - 1]!.set(n.name.text, { name: n.name.text, decl: n, isParam: true, candidate: false, hoisted: false, refs: [], assigned: false });
      } else if (ts.isIdentifier(n)) {
        if (isReference(n)) {
          const b = lookup(n.text);
          if (b) {
            b.refs.push(n);
            this.refOf.set(n, b);
            if (isWritten(n)) b.assigned = true;
            const from = enclosingFunction(n);
            if (b.owner === this.fn.node && from && from !== this.fn.node) {
              b.captured = true;
              (b.capturedBy ??= new Set()).add(from);
            }
          } else if (this.fn.kind === "closure" && !this.refOf.has(n)) {
            const r = this.outerRef(n);
            if (r) this.outerRefs.set(n, r);
          }
        }
      } else if (ts.isTypeNode(n)) {
        // types name no locals
      } else {
        ts.forEachChild(n, walk);
      }
      if (opens) scopes.pop();
    };
    if (ts.isBlock(this.body)) this.body.statements.forEach(walk);
    else walk(this.body);
  }

  /**
   * Captured variables live in the frame (the closure reaches them there):
   * a captured variable declared in a statement that stays verbatim gets
   * that statement flattened, so its declaration becomes a field's assignment.
   */
  private flattenCaptured(): void {
    for (const b of this.bindings) {
      if (!b.captured || b.candidate) continue;
      for (let p: ts.Node | undefined = b.decl; p && p !== this.body.parent; p = p.parent) {
        if (isStatementLike(p) || p === this.body) this.flat.add(p);
      }
    }
    for (const b of this.bindings) if (b.captured && !b.isParam) b.candidate = this.atFlatLevel(b.decl);
    for (const b of this.bindings) {
      if (!b.captured || !b.capturedBy || !insideLoop(b.decl, this.fn.node)) continue;
      // A variable declared in a loop is a new one per iteration in JavaScript; a frame has one.
      for (const c of b.capturedBy) {
        if (!isDirectArgument(c)) this.error(c, "ASYNC_SYNTAX", messages.capturedPerIteration(b.name));
      }
    }
  }

  private localType(id: ts.Identifier): Ty | null | undefined {
    const r = this.outerRefs.get(id);
    if (r) return r.ty;
    const b = this.refOf.get(id);
    if (!b) return undefined;
    return this.bindingType(b);
  }

  private bindingTypes = new Map<Binding, Ty | null>();
  bindingType(b: Binding): Ty | null {
    if (this.bindingTypes.has(b)) return this.bindingTypes.get(b)!;
    this.bindingTypes.set(b, null);
    let t: Ty | null = null;
    const paramIndex = b.isParam && ts.isParameter(b.decl) ? this.fn.node.parameters.indexOf(b.decl) : -1;
    if (b.decl.type) t = tyFromNode(this.file.mods, b.decl.type, this.fn.module);
    else if (paramIndex >= 0 && this.signature) t = this.signature.params[paramIndex] ?? null;
    else if (b.decl.initializer) t = this.typer.typeOf(b.decl.initializer);
    else if (ts.isVariableDeclaration(b.decl) && ts.isCatchClause(b.decl.parent)) t = { name: "Error", args: [], decl: null, nullable: false };
    else if (ts.isVariableDeclaration(b.decl) && ts.isForOfStatement(b.decl.parent.parent)) {
      const loop = b.decl.parent.parent;
      t = loop.awaitModifier ? this.forAwaitItem(loop) : this.forOfItem(loop);
    }
    this.bindingTypes.set(b, t);
    return t;
  }

  /** Item type of a `for await` loop: from the stream's `next()` future, else the loop variable's annotation. */
  forAwaitItem(f: ts.ForOfStatement): Ty | null {
    const st = this.typer.typeOf(f.expression);
    if (st?.frame && isGenerator(st.frame)) return st.frame.value;
    // Declared with TypeScript's names (`const gen: AsyncGenerator<i32> = …`): the item is the first type argument.
    if (st && !st.decl && /^Async(Generator|Iterable|IterableIterator|Iterator)$/.test(st.name)) return st.args[0] ?? null;
    if (st) {
      const next = findMember(this.file.mods, st, "next");
      const nt = next ? memberType(this.file.mods, next) : null;
      const v = nt ? this.typer.valueOf(nt) : null;
      if (v && !isVoid(v)) {
        // The async iterator protocol: next() resolves to { done, value }: the item is the value's type.
        if (v.name === "IteratorResult") return v.args[0] ?? null;
        const value = findMember(this.file.mods, v, "value");
        if (value && findMember(this.file.mods, v, "done")) return memberType(this.file.mods, value);
        return v;
      }
    }
    const decl = ts.isVariableDeclarationList(f.initializer) ? f.initializer.declarations[0] : undefined;
    return decl?.type ? tyFromNode(this.file.mods, decl.type, this.fn.module) : null;
  }

  /** Element type of a `for … of` source: Array<T>, StaticArray<T>, T[] or a typed array. */
  forOfItem(f: ts.ForOfStatement): Ty | null {
    const t = this.typer.typeOf(f.expression);
    if (t?.frame && isGenerator(t.frame)) return t.frame.value;
    if (t && !t.decl && /^(Generator|Iterable|IterableIterator|Iterator)$/.test(t.name)) return t.args[0] ?? null;
    return t ? elementType(t) : null;
  }

  // ─── hoisting ───────────────────────────────────────────────────────────

  private hoist(): void {
    const boundaries: number[] = [...this.awaits, ...this.yields].map((a) => a.getStart());
    for (const n of this.flat) {
      if (ts.isIfStatement(n) || ts.isIterationStatement(n, false) || ts.isSwitchStatement(n) || ts.isTryStatement(n)) {
        boundaries.push(n.getStart());
      }
    }
    const localNames = new Map<string, number>();
    for (const b of this.bindings) if (b.candidate && !b.isParam) localNames.set(b.name, (localNames.get(b.name) ?? 0) + 1);
    for (const b of this.bindings) {
      if (!b.candidate) continue;
      if (!b.isParam) {
        const from = b.decl.end;
        const inFlatFor = ts.isVariableDeclaration(b.decl) && ts.isVariableDeclarationList(b.decl.parent)
          && (ts.isForStatement(b.decl.parent.parent) || ts.isForOfStatement(b.decl.parent.parent)) && this.flat.has(b.decl.parent.parent);
        b.hoisted = !!b.captured || inFlatFor || b.refs.some((r) => boundaries.some((x) => x > from && x < r.getStart()));
      }
      if (b.hoisted) {
        b.field = this.fieldName(b.name);
        const t = this.bindingType(b);
        const typeText = b.decl.type ? this.file.typeText(b.decl.type) : t ? this.file.render(t) : null;
        if (!t || typeText === null) {
          const inLoop = ts.isVariableDeclaration(b.decl) && ts.isVariableDeclarationList(b.decl.parent) && ts.isForOfStatement(b.decl.parent.parent);
          // A loop's own error, an async closure's (its return type) or the Promise API's already says what to write.
          const init = ts.isVariableDeclaration(b.decl) ? b.decl.initializer : undefined;
          const closure = asyncArrow(init) !== null;
          const promise = init !== undefined && promiseApi(unparen(init)) !== null;
          if (!inLoop && !closure && !promise) this.error(b.decl, "ASYNC_TYPE", messages.needsAnnotation(b.name));
          continue;
        }
        this.addField({ name: b.field, type: typeText, init: zeroOf(t), bytes: sizeOf(t) });
      } else if ((localNames.get(b.name) ?? 0) > 1 || this.shadowsOuter(b)) {
        b.rename = `${b.name}$${this.counter++}`;
      }
    }
  }

  /** A flattened-level local whose name is also used, in this function, for something else. */
  private shadowsOuter(b: Binding): boolean {
    let found = false;
    const visit = (n: ts.Node) => {
      if (found) return;
      if (ts.isIdentifier(n) && n.text === b.name && isReference(n) && this.refOf.get(n) !== b) found = true;
      ts.forEachChild(n, visit);
    };
    visit(this.body);
    return found;
  }
}

/** The nearest function-like node around `n` (itself excluded). */
function enclosingFunction(n: ts.Node): ts.Node | undefined {
  for (let p = n.parent; p; p = p.parent) if (ts.isFunctionLike(p)) return p;
  return undefined;
}

/** A closure passed straight to a call (or called at once): it cannot outlive the statement. */
function isDirectArgument(c: ts.Node): boolean {
  let p = c.parent;
  while (ts.isParenthesizedExpression(p)) p = p.parent;
  return ts.isCallExpression(p);
}

/** `name` is a `let` or `var` of namespace `ns` (which code may change, so its value is read where it is written). */
export function namespaceVariable(ns: ts.Node, name: string): boolean {
  for (let d: ts.Node | undefined = ns; d && ts.isModuleDeclaration(d); d = d.body) {
    if (!d.body || !ts.isModuleBlock(d.body)) continue;
    for (const st of d.body.statements) {
      if (ts.isVariableStatement(st) && (st.declarationList.flags & ts.NodeFlags.Const) === 0
        && st.declarationList.declarations.some((v) => ts.isIdentifier(v.name) && v.name.text === name)) return true;
    }
  }
  return false;
}
