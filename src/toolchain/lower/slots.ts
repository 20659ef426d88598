/**
 * Preallocated slots of an async function (see plan.ts): one per async call
 * site (the callee's frame), one per factory call (`Timer.after(d)` →
 * a `Timer` created at init and re-armed with `after(d)`; `select(a, b)` →
 * a `Select2<A, B>`), and one per await whose future belongs to someone
 * else (`uart.read(buf)` returns the port's future: the slot keeps the
 * reference). Each await gets a site id for the site table.
 */
import ts from "typescript";
import { messages } from "./errors.ts";
import type { Decl } from "./modules.ts";
import type { Plan, Site } from "./plan.ts";
import { asyncMethod, asyncNamed, isGenerator, scanOf, type AsyncFn } from "./scan.ts";
import { excerpt, isAssignmentOperator, isReference, promiseApi, unparen } from "./syntax.ts";
import { basesOf, elementType, findMember, isFutureModule, isVoid, memberType, notAFuture, tyFromNode, VOID, type Member, type Ty } from "./types.ts";
import { hasModifier } from "./modules.ts";
import { isOutpostSource } from "../packages.ts";
import { bufFormat, checkStringBuilds, logFormat } from "./format.ts";
import { checkEscape } from "./closures.ts";
import { substOf, substitute, typeArgsOf } from "./generics.ts";
import { isBuiltinType } from "./typer.ts";


/** Async function calls and static factory calls (`Timer.after(d)`) get preallocated slots. */
export function planCalls(p: Plan): void {
  planEach(p);
  checkStringBuilds(p, p.consumedStrings);
}

/**
 * `{ done: false, value: v }` in async code: an object literal allocates,
 * so each one whose class is known from where it stands (a return, an
 * annotated variable, a cast) is an object made with the frame and filled
 * in place by a helper (`$objN(o, a, b)`): one object per literal, reused by
 * each evaluation. Any other object literal is refused.
 */
export function planObjects(p: Plan): void {
  const visit = (n: ts.Node) => {
    if (n !== p.body && ts.isFunctionLike(n)) return;
    if (ts.isObjectLiteralExpression(n)) planObject(p, n);
    ts.forEachChild(n, visit);
  };
  visit(p.body);
}

function planObject(p: Plan, o: ts.ObjectLiteralExpression): void {
  const file = p.file;
  let child: ts.Node = o;
  let parent = o.parent;
  while (ts.isParenthesizedExpression(parent)) {
    child = parent;
    parent = parent.parent;
  }
  let t: Ty | null = null;
  if (ts.isReturnStatement(parent)) t = p.fn.value ?? p.signature?.value ?? null;
  else if (ts.isVariableDeclaration(parent) && parent.type) t = tyFromNode(file.mods, parent.type, p.fn.module);
  else if ((ts.isAsExpression(parent) || ts.isTypeAssertionExpression(parent)) && parent.expression === child) t = tyFromNode(file.mods, parent.type, p.fn.module);
  const cls = t ? file.render({ ...t, nullable: false }) : null;
  const names: string[] = [];
  const values: ts.Expression[] = [];
  const types: string[] = [];
  for (const prop of o.properties) {
    const name = prop.name && ts.isIdentifier(prop.name) ? prop.name.text : null;
    const value = ts.isPropertyAssignment(prop) ? prop.initializer : ts.isShorthandPropertyAssignment(prop) ? prop.name : null;
    const ft = t && name ? fieldType(p, t, name) : null;
    const fText = ft ? file.render(ft) : null;
    if (!name || !value || fText === null) {
      p.error(o, "ASYNC_SYNTAX", messages.objectLiteral(excerpt(o)));
      return;
    }
    names.push(name);
    values.push(value);
    types.push(fText);
  }
  if (!t || cls === null) {
    p.error(o, "ASYNC_SYNTAX", messages.objectLiteral(excerpt(o)));
    return;
  }
  const params = names.map((n, i) => `${n}: ${types[i]}`).join(", ");
  const helper = file.moduleFunction("$obj", `(o: ${cls}${params ? ", " + params : ""}): ${cls} { ${names.map((n) => `o.${n} = ${n}; `).join("")}return o; }`);
  const slot = p.addField({ name: p.fresh("$o"), type: cls, init: `new ${cls}()`, bytes: 4, owns: t.decl ? { cls: t } : undefined }).name;
  p.objects.set(o, { helper, slot, values });
}

/** A field's type in a class (IteratorResult: done and value). */
function fieldType(p: Plan, t: Ty, name: string): Ty | null {
  if (t.name === "IteratorResult" && !t.decl) return name === "done" ? { name: "bool", args: [], decl: null, nullable: false } : name === "value" ? t.args[0] ?? null : null;
  const mem = findMember(p.file.mods, t, name);
  return mem && mem.kind === "field" ? memberType(p.file.mods, mem) : null;
}

/** A slot for each async closure created in this body (`$kN`, made with the frame), and the escape check. */
export function planClosures(p: Plan): void {
  for (const node of p.closureNodes) {
    const fn = p.file.asyncFnOf(node)!;
    const field = p.fresh("$k");
    p.addField({ name: field, type: fn.name, init: `new ${fn.name}()`, bytes: 4, owns: { closure: fn } });
    p.closures.set(node, { fn, field });
    const captures = p.bindings.some((b) => b.capturedBy?.has(node)) || usesThis(node);
    if (captures) {
      checkEscape(p.file, node, (id) => {
        const b = p.refOf.get(id) ?? p.bindings.find((x) => x.decl.name === id);
        return b ? b.refs : null;
      });
    }
  }
}

/** `this` inside a closure (arrows see the creator's `this`). */
function usesThis(n: ts.Node): boolean {
  let found = false;
  const visit = (c: ts.Node) => {
    if (found || ts.isFunctionExpression(c) || ts.isFunctionDeclaration(c) || ts.isClassLike(c)) return;
    if (c.kind === ts.SyntaxKind.ThisKeyword) found = true;
    else ts.forEachChild(c, visit);
  };
  ts.forEachChild(n, visit);
  return found;
}

function planEach(p: Plan): void {
  const visit = (n: ts.Node) => {
    if (n !== p.body && ts.isFunctionLike(n)) return;
    ts.forEachChild(n, visit);
    if (ts.isCallExpression(n)) planCall(p, n);
    if (ts.isIdentifier(n) && isReference(n) && !p.refOf.has(n) && !p.outerRefs.has(n) && !(ts.isCallExpression(n.parent) && n.parent.expression === n)) {
      const fn = asyncNamed(p.file.mods, p.fn.module, n.text);
      if (fn && fn.kind === "function" && !fn.node.typeParameters?.length) fnValue(p, n, fn);
      else if (fn) p.error(n, "ASYNC_SYNTAX", messages.asyncValue(n.text));
    }
  };
  visit(p.body);
}

/** The closure a callee names when it is a local (never reassigned) initialised with an async arrow made in this function. */
function knownClosure(p: Plan, callee: ts.Expression): AsyncFn | null {
  if (!ts.isIdentifier(callee)) return null;
  const b = p.refOf.get(callee);
  if (!b || b.isParam || b.assigned || !ts.isVariableDeclaration(b.decl) || !b.decl.initializer) return null;
  let init: ts.Expression = b.decl.initializer;
  init = unparen(init);
  return p.closures.get(init)?.fn ?? null;
}

/** A named async function used as a value in async code: a value made with the frame (`$kN: f$Fn`). */
function fnValue(p: Plan, id: ts.Identifier, fn: AsyncFn): void {
  const cls = p.file.fnValueClass(fn, id.text);
  const field = p.fresh("$k");
  p.addField({ name: field, type: cls, init: `new ${cls}()`, bytes: 4, owns: { closure: fn } });
  p.fnValues.set(id, { fn, field });
}

function frameCall(p: Plan, call: ts.CallExpression, fn: AsyncFn, local: string | null, namespace?: string): void {
  const generic = genericFrame(p, call, fn, [], namespace ? `${namespace}.${fn.frame}` : p.file.frameName(fn, local));
  if (!generic) return;
  const { frameClass, resolves } = generic;
  const field = p.fresh("$c");
  // A generator's call gives its object (an Iter or a Stream), not a future.
  const ty: Ty = { name: frameClass, args: [], decl: null, nullable: false, raw: frameClass, ...(isGenerator(fn) ? {} : { resolves }), frame: fn };
  p.addField({ name: field, type: frameClass, init: `new ${frameClass}()`, bytes: 4, owns: { frame: fn } });
  p.calls.set(call, { kind: "frame", fn, field, ty });
}

function factoryCall(p: Plan, call: ts.CallExpression, cls: Ty, method: string): void {
  const typeText = p.file.render(cls);
  if (typeText === null) return;
  const field = p.fresh("$s");
  p.addField({ name: field, type: typeText, init: `new ${typeText}()`, bytes: 4, owns: { cls } });
  p.calls.set(call, { kind: "factory", method, field, ty: cls });
}

/**
 * A factory function (`select(a, b)`, `withTimeout(d, f)`): its body is
 * `return new C<…>().arm(…params)`. Its call gets a preallocated C, with
 * the type arguments inferred from the arguments' types.
 */
function factoryFunction(p: Plan, call: ts.CallExpression, decl: Decl): boolean {
  const fnNode = decl.node as ts.FunctionDeclaration;
  const ret = fnNode.body?.statements.length === 1 ? fnNode.body.statements[0] : undefined;
  if (!ret || !ts.isReturnStatement(ret) || !ret.expression || !ts.isCallExpression(ret.expression)) return false;
  const arm = ret.expression;
  if (!ts.isPropertyAccessExpression(arm.expression) || !ts.isNewExpression(arm.expression.expression)) return false;
  const created = arm.expression.expression;
  if (!ts.isIdentifier(created.expression) || (created.arguments?.length ?? 0) > 0) return false;
  const params = fnNode.parameters.map((p) => p.name.getText());
  if (arm.arguments.length !== params.length || arm.arguments.some((a, i) => a.getText() !== params[i])) return false;
  const clsDecl = p.file.mods.named(decl.module, created.expression.text);
  if (!clsDecl || clsDecl.kind !== "class") return false;
  // Type parameters of the function, from explicit type arguments or the arguments' types.
  const subst = new Map<string, Ty>();
  (fnNode.typeParameters ?? []).forEach((tp, i) => {
    const explicit = call.typeArguments?.[i];
    if (explicit) {
      const t = tyFromNode(p.file.mods, explicit, p.fn.module);
      if (t) subst.set(tp.name.text, t);
      return;
    }
    const pi = fnNode.parameters.findIndex((p) => p.type && ts.isTypeReferenceNode(p.type) && p.type.getText() === tp.name.text);
    const arg = pi >= 0 ? call.arguments[pi] : undefined;
    const t = arg ? p.typer.typeOf(arg) : null;
    if (t) subst.set(tp.name.text, t);
  });
  const args: Ty[] = [];
  for (const a of created.typeArguments ?? []) {
    const t = tyFromNode(p.file.mods, a, decl.module, subst);
    if (!t) return false;
    args.push(t);
  }
  if (args.length !== (created.typeArguments?.length ?? 0)) return false;
  factoryCall(p, call, { name: clsDecl.name, args, decl: clsDecl, nullable: false }, arm.expression.name.text);
  return p.calls.has(call);
}

function planCall(p: Plan, call: ts.CallExpression): void {
  const callee = call.expression;
  const file = p.file;
  const log = logFormat(p, call);
  if (log) {
    p.calls.set(call, { kind: "format", parts: log.parts, render: (_r, values) => `${log.fn}(${values.join(", ")})`, ty: log.ty });
    p.consumedStrings.add(call.arguments[0]!);
    return;
  }
  const buf = bufFormat(p, call);
  if (buf) {
    p.calls.set(call, { kind: "format", parts: buf.parts, render: (r, values) => buf.render(r!, values), ty: buf.ty });
    p.consumedStrings.add(call.arguments[0]!);
    return;
  }
  // A call of an async function value (a closure, a parameter typed `(x: i32) => Promise<i32>`): `f.call(x, at)`.
  const namedAsync = ts.isIdentifier(callee) && !p.refOf.has(callee) && !p.outerRefs.has(callee) && asyncNamed(file.mods, p.fn.module, callee.text);
  const calleeTy = namedAsync ? null : p.typer.typeOf(callee);
  if (calleeTy?.fn && calleeTy.fn.promise) {
    const v = calleeTy.fn.promise;
    const known = knownClosure(p, callee);
    if (!known && call.arguments.length < calleeTy.fn.params.length) {
      // Through a value the parameters' defaults are unknown (`call` takes every argument): asc's error would name generated code.
      p.error(call, "ASYNC_SYNTAX", messages.valueArity(excerpt(call), calleeTy.fn.params.length, call.arguments.length));
      return;
    }
    if (known) {
      // The callee is a closure made right here (a local never reassigned): this call site gets its own frame of it.
      const field = p.fresh("$c");
      const ty: Ty = { name: known.frame, args: [], decl: null, nullable: false, raw: known.frame, resolves: v, frame: known };
      p.addField({ name: field, type: known.frame, init: `new ${known.frame}()`, bytes: 4, owns: { frame: known } });
      p.calls.set(call, { kind: "closure", at: file.where(call), ty, site: { fn: known, field } });
      return;
    }
    p.calls.set(call, { kind: "closure", at: file.where(call), ty: { name: "Promise", args: isVoid(v) ? [] : [v], decl: null, nullable: false } });
    return;
  }
  if (ts.isIdentifier(callee) && !p.refOf.has(callee)) {
    const fn = asyncNamed(file.mods, p.fn.module, callee.text);
    if (fn) {
      frameCall(p, call, fn, callee.text);
      return;
    }
    const decl = file.mods.named(p.fn.module, callee.text);
    if (decl?.kind === "function") factoryFunction(p, call, decl);
    return;
  }
  if (!ts.isPropertyAccessExpression(callee)) return;
  if (callee.expression.kind === ts.SyntaxKind.SuperKeyword) {
    superCall(p, call, callee);
    return;
  }
  const target = p.typer.staticTarget(callee.expression);
  if (target?.kind === "module") {
    const d = file.mods.exported(target.module, callee.name.text);
    const fn = d ? scanOf(file.mods, d.module).byName.get(d.name) : undefined;
    if (fn && (fn.kind === "function" || isGenerator(fn)) && ts.isIdentifier(callee.expression)) frameCall(p, call, fn, null, callee.expression.text);
    else if (d?.kind === "function") factoryFunction(p, call, d);
    return;
  }
  if (target?.kind === "decl") {
    if (target.decl.kind === "class") staticCall(p, call, target.decl, callee.name.text);
    return;
  }
  const typed = p.typer.typeOf(callee.expression);
  const recv = typed && !typed.decl ? constraintOf(p, typed) ?? typed : typed;
  if (!recv || !recv.decl || (recv.decl.kind !== "class" && recv.decl.kind !== "interface")) {
    // Unknown, it may be a class with that async method; a generator's object is not one.
    if (!recv?.frame && !(recv && isBuiltinType(recv)) && file.session.program.hasAsyncMethod(callee.name.text)) {
      p.error(callee.expression, "ASYNC_TYPE", messages.receiverType(excerpt(callee.expression), callee.name.text));
    }
    return;
  }
  methodCall(p, call, recv, callee.name.text);
}

/**
 * A type parameter's constraint (`s: T` with `T extends Sensor`): the calls
 * its methods can reach are those of the constraint and its heirs, known at
 * build time whatever T is instantiated with.
 */
function constraintOf(p: Plan, t: Ty): Ty | null {
  const owner = p.fn.owner as ts.ClassLikeDeclaration | undefined;
  const params = [...(p.fn.node.typeParameters ?? []), ...(owner?.typeParameters ?? [])];
  const param = params.find((tp) => tp.name.text === t.name);
  const bound = param?.constraint ? tyFromNode(p.file.mods, param.constraint, p.fn.module) : null;
  return bound && { ...bound, nullable: bound.nullable || t.nullable };
}

/** `C.m(…)`: a static async method (the call site's own frame), or a static factory (`Timer.after(d)`). */
function staticCall(p: Plan, call: ts.CallExpression, decl: Decl, method: string): void {
  const file = p.file;
  // A static async method may be inherited: `SpiDriver.warm()` runs Driver's.
  let staticAsync: AsyncFn | null = null;
  for (let c: Ty | null = { name: decl.name, args: [], decl, nullable: false }, depth = 0; c?.decl && !staticAsync && depth < 16; depth++) {
    staticAsync = asyncMethod(file.mods, c.decl.node as ts.ClassDeclaration, c.decl.module, method, true) ?? null;
    c = basesOf(file.mods, c)[0] ?? null;
  }
  if (staticAsync) {
    frameCall(p, call, staticAsync, null);
    return;
  }
  const cls: Ty = { name: decl.name, args: [], decl, nullable: false };
  const stat = findMember(file.mods, cls, method, true);
  const inst = findMember(file.mods, cls, method, false);
  if (!stat || stat.kind !== "method" || !inst || inst.kind !== "method") return;
  factoryCall(p, call, cls, method);
}

/**
 * `recv.m(…)` on an instance: every class the call can reach that declares
 * `m` (the receiver's static type, its subclasses and implementations, and
 * the ancestor it inherits `m` from). One lowered implementation: the call
 * site's own frame of it. Several: a dispatcher holding a frame of each,
 * which picks by the receiver's class at run time. None (only hand-written
 * methods returning futures): the future is the object's (a reference slot).
 */
function methodCall(p: Plan, call: ts.CallExpression, recv: Ty, method: string): void {
  const file = p.file;
  const member = findMember(file.mods, recv, method);
  if (!member || member.kind !== "method" || member.isStatic) return;
  const program = file.session.program;
  const impls = program.implementations(recv.decl!, method);
  if (member.owner.kind === "class" && !impls.some((i) => i.cls.decl.node === member.owner.node)) {
    const info = program.classOf(member.owner.node);
    if (info) impls.push({ cls: info, fn: scanOf(file.mods, member.owner.module).fns.find((f) => f.node === member.node) ?? null });
  }
  const lowered = impls.filter((i) => i.fn !== null).map((i) => i.fn!);
  if (!lowered.length) return;
  const args = ownerArgs(member);
  // Static dispatch only when the receiver's own type is (or inherits) the one implementation:
  // through an interface or a base class, a dispatcher checks the class at run time.
  if (impls.length === 1 && lowered[0]!.owner === member.owner.node) {
    methodFrame(p, call, lowered[0]!, args);
    return;
  }
  if (lowered.some((f) => (f.owner?.typeParameters?.length ?? 0) > 0)) {
    p.error(call, "ASYNC_SYNTAX", messages.genericDispatch(`${recv.name}.${method}`));
    return;
  }
  const holder = file.dispatcher(recv, method, member, impls);
  if (holder === null) return;
  const field = p.fresh("$d");
  const value = member.type ? p.typer.valueOf(tyFromNode(file.mods, member.type, member.module, member.subst)) : null;
  const ty: Ty = value && !isVoid(value)
    ? { name: "ValueFuture", args: [value], decl: null, nullable: false, raw: `${file.runtimeName("ValueFuture")}<${file.render(value)}>`, resolves: value }
    : { name: "Future", args: [], decl: null, nullable: false, raw: file.runtimeName("Future"), resolves: VOID };
  p.addField({ name: field, type: holder, init: `new ${holder}()`, bytes: 4, owns: { dispatch: lowered } });
  p.calls.set(call, { kind: "dynamic", impls: lowered, field, ty });
}

/**
 * The type arguments of the class that declares `member`, as the receiver's type sees them: a generic class's own
 * (`Latch<i64>`), or those an heir fixes (`class IntLatch extends Latch<i32>` calling an inherited method); none
 * when one is not known.
 */
function ownerArgs(member: Member): Ty[] {
  const params = (member.owner.node as ts.ClassDeclaration).typeParameters ?? [];
  const args = params.map((tp) => member.subst.get(tp.name.text));
  return args.every((a) => a !== undefined) ? (args as Ty[]) : [];
}

/** The call site's own frame of one async method (static dispatch): `$cN.start(receiver, args)`. */
function methodFrame(p: Plan, call: ts.CallExpression, fn: AsyncFn, classArgs: Ty[]): void {
  const generic = genericFrame(p, call, fn, classArgs, p.file.frameName(fn, null));
  if (!generic) return;
  const { frameClass, resolves } = generic;
  const field = p.fresh("$c");
  const ty: Ty = { name: frameClass, args: [], decl: null, nullable: false, raw: frameClass, resolves, frame: fn };
  p.addField({ name: field, type: frameClass, init: `new ${frameClass}()`, bytes: 4, owns: { frame: fn } });
  p.calls.set(call, { kind: "method", fn, field, ty });
}

/**
 * The frame class a call site instantiates (`first$Future<i32>`, `Box$get<T, u8>`:
 * the class's type arguments from the receiver, then the call's own, written or
 * inferred) and what the call resolves to with them; null after an error.
 */
function genericFrame(p: Plan, call: ts.CallExpression, fn: AsyncFn, classArgs: Ty[], base: string): { frameClass: string; resolves: Ty } | null {
  const own = typeArgsOf(p.file, fn, call, p.typer);
  if (own === null) return null;
  const all = [...classArgs, ...own];
  const rendered = all.map((t) => p.file.render(t));
  if (rendered.some((r) => r === null)) return null;
  const frameClass = all.length ? `${base}<${rendered.join(", ")}>` : base;
  const classParams = fn.kind === "method" ? fn.owner?.typeParameters ?? [] : [];
  const subst = substOf(fn, own);
  classParams.forEach((tp, i) => classArgs[i] && subst.set(tp.name.text, classArgs[i]!));
  return { frameClass, resolves: substitute(fn.value ?? VOID, subst) };
}

/** `super.m(…)` in a method: the base class's own implementation, statically. */
function superCall(p: Plan, call: ts.CallExpression, callee: ts.PropertyAccessExpression): void {
  // In an async arrow made in a method, `super` is the method's class's base, as `this` is its object.
  const owner = p.fn.owner ?? (p.fn.kind === "closure" ? enclosingClass(call) : undefined);
  const file = p.file;
  if (!owner?.name) return;
  const ownerDecl = file.mods.named(p.fn.module, owner.name!.text);
  const info = ownerDecl ? file.session.program.classOf(ownerDecl.node) : undefined;
  const base = info?.bases.find((b) => b.kind === "class");
  if (!base) return;
  const member = findMember(file.mods, { name: base.name, args: [], decl: base, nullable: false }, callee.name.text);
  if (!member || member.kind !== "method") return;
  const fn = scanOf(file.mods, member.owner.module).fns.find((f) => f.node === member.node);
  if (fn) methodFrame(p, call, fn, []);
}

function enclosingClass(n: ts.Node): ts.ClassDeclaration | undefined {
  for (let a = n.parent; a; a = a.parent) if (ts.isClassDeclaration(a)) return a;
  return undefined;
}

/** The await's result is used (not a statement of its own). */
function usedAsValue(a: ts.AwaitExpression): boolean {
  return !ts.isExpressionStatement(a.parent) && !(ts.isParenthesizedExpression(a.parent) && ts.isExpressionStatement(a.parent.parent));
}

/** A future class of Outpost's runtime or HAL (a timer, a WithTimeout, a flush) that completes without a value. */
function valueless(p: Plan, t: Ty): boolean {
  if (t.decl?.kind !== "class" || !isOutpostSource(t.decl.module.path) || notAFuture(p.file.mods, t)) return false;
  const value = p.typer.valueOf(t);
  return !value || isVoid(value);
}

/** The runtime's WithTimeout (src/runtime/timeout.ts). */
function isWithTimeout(t: Ty | null): boolean {
  return !!t && t.name === "WithTimeout" && !!t.decl && /src\/runtime\/timeout\.ts$/.test(t.decl.module.path.replace(/\\/g, "/"));
}

export function planSites(p: Plan): void {
  const file = p.file;
  for (const a of p.awaits) {
    let e: ts.Expression = a.expression;
    e = unparen(e);
    if (promiseApi(e)) continue; // refused where it is written (checks.ts)
    if (ts.isNewExpression(e)) {
      p.error(a, "ASYNC_SYNTAX", messages.awaitNew(e.expression.getText()));
      continue;
    }
    if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === "next" && p.typer.typeOf(e.expression.expression)?.frame?.kind === "asyncGenerator") {
      p.error(a, "ASYNC_SYNTAX", messages.asyncGeneratorNext(excerpt(e.expression.expression)));
      continue;
    }
    const awaited = p.typer.typeOf(e);
    if (usedAsValue(a) && awaited && valueless(p, awaited)) {
      // Outpost's own futures say whether they give a value; an annotation cannot give them one.
      p.error(a, "ASYNC_SYNTAX", isWithTimeout(awaited) ? messages.timeoutValue(excerpt(a)) : messages.voidValue(excerpt(a)));
      continue;
    }
    const call = ts.isCallExpression(e) ? p.calls.get(e) : undefined;
    if (call && (call.kind === "frame" || call.kind === "method" || call.kind === "factory" || (call.kind === "closure" && call.site))) {
      const id = file.session.addSite(file, a, p.fn.display);
      const mayFail = call.kind === "factory" ? futureMayFail(p, call.ty) : call.kind === "closure" ? frameMayFail(p, call.site!.fn) : frameMayFail(p, call.fn);
      const field = call.kind === "closure" ? call.site!.field : call.field;
      p.sites.set(a, { id, field, callSlot: true, generated: call.kind !== "factory", abstract: false, mayFail });
      continue;
    }
    const t = p.typer.typeOf(e);
    let value = t ? p.typer.valueOf(t) : null;
    if (t && !value && notAFuture(file.mods, t)) continue; // not a future: `await v` is v
    const id = file.session.addSite(file, a, p.fn.display);
    const used = usedAsValue(a);
    const annotated = contextType(a, p);
    if (!value && used && annotated) value = annotated;
    if (used && (!value || isVoid(value))) {
      if (!value) p.error(a, "ASYNC_TYPE", messages.needsValueType(excerpt(a)));
      else p.error(a, "ASYNC_SYNTAX", messages.voidValue(excerpt(a)));
      continue;
    }
    let typeText = t ? file.render(t) : null;
    let abstract = !(t && t.raw && t.resolves);
    if (t && typeText !== null && t.decl?.kind === "class" && !isFutureModule(t.decl.module)) abstract = false;
    if (typeText === null || (t && t.name === "Promise")) {
      typeText = !used || !value || isVoid(value) ? file.runtimeName("Future") : `${file.runtimeName("ValueFuture")}<${file.render(value)}>`;
    }
    const field = p.fresh("$a");
    p.addField({ name: field, type: typeText, init: null, bytes: 4 });
    // A dispatcher hands out whichever implementation's future answers: it may not report its own site.
    const dispatched = call?.kind === "dynamic" || call?.kind === "closure";
    p.sites.set(a, { id, field, callSlot: false, generated: !dispatched && !!(t && t.resolves), abstract: abstract || dispatched, mayFail: futureMayFail(p, t) });
  }
  for (const f of p.forAwaits) planForAwait(p, f);
  for (const f of p.forOfNodes) planForOf(p, f);
  for (const t of p.tryNodes) {
    const j = p.addField({ name: p.fresh("$j"), type: "i32", init: "-1", bytes: 4 }).name;
    const e = p.addField({ name: p.fresh("$e"), type: "Error | null", init: "null", bytes: 4 }).name;
    p.tries.set(t, { j, e });
  }
  for (const t of p.throwNodes) {
    planThrow(p, t);
    const id = file.session.addSite(file, t, p.fn.display);
    if (id >= 0) p.throwSites.set(t, id);
  }
  for (const y of p.yields) planYield(p, y);
  // A task's error is a panic, a sync generator's too (next() cannot carry it): neither completes with one.
  if (p.fn.kind !== "task" && p.fn.kind !== "generator" && (p.throwNodes.length > 0 || [...p.sites.values()].some((s) => s.mayFail))) p.mayFail = true;
}

const ASYNC_SOURCES = new Set(["AsyncGenerator", "AsyncIterable", "AsyncIterableIterator", "AsyncIterator"]);

/** `for await (x of source)`: a Stream<T> (next() resolves with status and value) or an async iterator (`{ done, value }`). */
function planForAwait(p: Plan, f: ts.ForOfStatement): void {
  const file = p.file;
  const id = file.session.addSite(file, f, p.fn.display);
  const st = p.typer.typeOf(f.expression);
  if (st?.frame?.kind === "asyncGenerator") {
    // An async generator: a Stream whose loop closes it when left early (its finally blocks run, and may await).
    const item = st.frame.value;
    const source = p.addField({ name: p.fresh("$i"), type: st.raw!, init: null, bytes: 4 }).name;
    const nextType = `${file.halName("stream", "StreamNext")}<${item ? file.render(item) : "i32"}>`;
    const field = p.addField({ name: p.fresh("$a"), type: nextType, init: null, bytes: 4 }).name;
    p.forAwaitLoops.set(f, { kind: "stream", source });
    const mayFail = frameMayFail(p, st.frame);
    p.sites.set(f, { id, field, callSlot: false, generated: true, abstract: false, mayFail });
    const closeField = p.addField({ name: p.fresh("$a"), type: nextType, init: null, bytes: 4 }).name;
    const closeSite: Site = { id: file.session.addSite(file, f, p.fn.display), field: closeField, callSlot: false, generated: true, abstract: false, mayFail };
    p.loopCloses.set(f, { ...closeFields(p), site: closeSite });
    return;
  }
  const sourceType = st ? file.render(st) : null;
  const next = st ? findMember(file.mods, st, "next") : null;
  const nextType = next ? memberType(file.mods, next) : null;
  const result = nextType ? p.typer.valueOf(nextType) : null;
  // The async iterator protocol: next() resolves to { done, value } (IteratorResult, or any class with `done`).
  const iterator = !!result && !isVoid(result) && (isIteratorResult(result) || findMember(file.mods, result, "done") !== null);
  // A source declared `AsyncGenerator<T>` (or AsyncIterable…): TypeScript's name for what is a Stream<T> here.
  const declared = st && !st.decl && ASYNC_SOURCES.has(st.name) ? st.args[0] ?? null : null;
  const item = iterator ? (isIteratorResult(result!) ? result!.args[0] ?? null : p.forAwaitItem(f)) : p.forAwaitItem(f) ?? declared;
  if (st && !next && elementType(st)) {
    p.error(f.expression, "ASYNC_SYNTAX", messages.forAwaitArray(excerpt(f.expression), file.render(st) ?? st.name));
    return;
  }
  if (!st || sourceType === null || (!iterator && !item)) {
    p.error(f, "ASYNC_TYPE", messages.forAwaitType(excerpt(f.expression)));
    return;
  }
  const source = p.addField({ name: p.fresh("$i"), type: sourceType, init: zeroOfOrNull(st), bytes: 4 }).name;
  const field = p.fresh("$a");
  const slotType = iterator ? `${file.runtimeName("ValueFuture")}<${file.render(result!)}>` : `${file.halName("stream", "StreamNext")}<${file.render(item!)}>`;
  p.addField({ name: field, type: slotType, init: null, bytes: 4 });
  // A lowered async next(): this loop gets its own frame of it, as any call site does.
  const lowered = iterator && next && next.isAsync ? scanOf(file.mods, next.module).fns.find((fn) => fn.node === next.node) : undefined;
  let nextFrame: string | undefined;
  if (lowered && st.decl?.node === lowered.owner && !lowered.owner?.typeParameters?.length) {
    nextFrame = p.fresh("$c");
    const frame = file.frameName(lowered, null);
    p.addField({ name: nextFrame, type: frame, init: `new ${frame}()`, bytes: 4, owns: { frame: lowered } });
  }
  p.forAwaitLoops.set(f, { kind: iterator ? "iterator" : "stream", source, nextFrame });
  p.sites.set(f, { id, field, callSlot: false, generated: false, abstract: true, mayFail: true });
}

function isIteratorResult(t: Ty): boolean {
  return t.name === "IteratorResult" && (!t.decl || /src\/runtime\/iter\.ts$/.test(t.decl.module.path.replace(/\\/g, "/")));
}

/** `for (x of source)` over an Array, StaticArray or typed array (an index loop), or a sync generator's object. */
function planForOf(p: Plan, f: ts.ForOfStatement): void {
  const file = p.file;
  const st = p.typer.typeOf(f.expression);
  // A generator's object, or a local declared with TypeScript's name for one (`Generator<i32>`: an Iter<i32> here).
  const declared = st && !st.decl && /^(Generator|Iterable|IterableIterator|Iterator)$/.test(st.name) && st.args[0] ? file.render(st) : null;
  if (st?.frame?.kind === "generator" || declared) {
    const source = p.addField({ name: p.fresh("$i"), type: declared ?? st!.raw!, init: null, bytes: 4 }).name;
    p.forOfLoops.set(f, { kind: "iterator", source, index: "", element: (src) => `${src}.value` });
    p.loopCloses.set(f, closeFields(p));
    return;
  }
  const item = st ? elementType(st) : null;
  const sourceType = st ? file.render(st) : null;
  if (!st || !item || sourceType === null) {
    p.error(f.expression, "ASYNC_TYPE", messages.forOfSource(excerpt(f.expression)));
    return;
  }
  const source = p.addField({ name: p.fresh("$i"), type: sourceType, init: zeroOfOrNull(st), bytes: 4 }).name;
  const index = p.addField({ name: p.fresh("$n"), type: "i32", init: "0", bytes: 4 }).name;
  // StaticArray and typed arrays: the length was checked, so the element is read unchecked.
  const element = st.name === "Array" ? (src: string, i: string) => `${src}[${i}]` : (src: string, i: string) => `unchecked(${src}[${i}])`;
  p.forOfLoops.set(f, { kind: "index", source, index, element });
}

/** The completion fields of a generator loop's implicit finally (LoopClose). */
function closeFields(p: Plan): { j: string; e: string } {
  const j = p.addField({ name: p.fresh("$j"), type: "i32", init: "-1", bytes: 4 }).name;
  const e = p.addField({ name: p.fresh("$e"), type: "Error | null", init: "null", bytes: 4 }).name;
  return { j, e };
}

/**
 * `yield v` needs nothing; `yield* inner` keeps its delegate: a generator's
 * object (from a call, which has its own frame), an async generator or
 * stream (with an await on its next()), or an array walked by index.
 */
function planYield(p: Plan, y: ts.YieldExpression): void {
  const file = p.file;
  const gen = p.fn.kind;
  if (gen !== "generator" && gen !== "asyncGenerator") {
    p.error(y, "ASYNC_SYNTAX", messages.yieldOutside());
    return;
  }
  const used = !ts.isExpressionStatement(y.parent);
  if (!y.asteriskToken) {
    if (used) p.error(y, "ASYNC_SYNTAX", messages.yieldValue());
    return;
  }
  const inner = y.expression!;
  const t = p.typer.typeOf(inner);
  const call = ts.isCallExpression(inner) ? p.calls.get(inner) : undefined;
  if (gen === "generator" && t?.frame?.kind === "generator") {
    const source = call && call.kind === "frame" ? call.field : p.addField({ name: p.fresh("$i"), type: t.raw!, init: null, bytes: 4 }).name;
    p.yieldStars.set(y, { kind: "iterator", source, delegate: t.frame });
    return;
  }
  if (gen === "generator" && t && elementType(t)) {
    const source = p.addField({ name: p.fresh("$i"), type: file.render(t) ?? "i32", init: zeroOfOrNull(t), bytes: 4 }).name;
    const index = p.addField({ name: p.fresh("$n"), type: "i32", init: "0", bytes: 4 }).name;
    p.yieldStars.set(y, { kind: "array", source, index });
    return;
  }
  if (gen === "asyncGenerator" && t?.frame?.kind === "asyncGenerator") {
    const source = call && call.kind === "frame" ? call.field : p.addField({ name: p.fresh("$i"), type: t.raw!, init: null, bytes: 4 }).name;
    const item = t.frame.value;
    const field = p.addField({ name: p.fresh("$a"), type: `${file.halName("stream", "StreamNext")}<${item ? file.render(item) : "i32"}>`, init: null, bytes: 4 }).name;
    const site: Site = { id: file.session.addSite(file, y, p.fn.display), field, callSlot: false, generated: true, abstract: false, mayFail: frameMayFail(p, t.frame) };
    p.yieldStars.set(y, { kind: "stream", source, site, delegate: t.frame });
    return;
  }
  p.error(inner, "ASYNC_TYPE", messages.yieldStarSource(excerpt(inner)));
}

/** The zero of a field that holds a reference set before use. */
function zeroOfOrNull(t: Ty): string | null {
  return t.nullable ? "null" : null;
}

/**
 * `throw new E(…)` with constant arguments: the error is made once, at
 * init (a module-level const), so throwing allocates nothing.
 */
function planThrow(p: Plan, t: ts.ThrowStatement): void {
  let e: ts.Expression = t.expression;
  e = unparen(e);
  if (!ts.isNewExpression(e)) return;
  const args = e.arguments ?? [];
  const bad = args.find((a) => !isConstantExpression(p, a));
  if (bad) {
    p.error(bad, "ASYNC_SYNTAX", messages.throwAllocates(excerpt(e)));
    return;
  }
  const effect = constructorEffect(p, e);
  if (effect) {
    p.error(e, "ASYNC_SYNTAX", messages.errorConstructorEffect(excerpt(e), effect.cls, excerpt(effect.statement)));
    return;
  }
  const name = p.file.moduleConst("$error", p.file.exprText(e));
  p.throwSlots.set(t, name);
}

/**
 * A statement of the constructor `new C(…)` runs (C's or a base's of the firmware's) that does more than
 * call `super(…)` or set a field of `this` from its arguments: made at init, the error runs it once, not at
 * each throw as JavaScript would. Null when there is none.
 */
function constructorEffect(p: Plan, e: ts.NewExpression): { cls: string; statement: ts.Statement } | null {
  for (let t = p.typer.typeOf(e), depth = 0; t?.decl?.kind === "class" && depth < 16; depth++) {
    const cls = t.decl.node as ts.ClassDeclaration;
    const ctor = cls.members.find(ts.isConstructorDeclaration);
    for (const st of ctor?.body?.statements ?? []) {
      if (!ts.isExpressionStatement(st)) return { cls: t.decl.name, statement: st };
      const x = unparen(st.expression);
      const isSuper = ts.isCallExpression(x) && x.expression.kind === ts.SyntaxKind.SuperKeyword;
      const setsField = ts.isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(x.left)
        && x.left.expression.kind === ts.SyntaxKind.ThisKeyword;
      if (!(isSuper || setsField) || hasCall(isSuper ? (x as ts.CallExpression).arguments : [(x as ts.BinaryExpression).right])) return { cls: t.decl.name, statement: st };
    }
    t = basesOf(p.file.mods, t)[0] ?? null;
  }
  return null;
}

function hasCall(nodes: readonly ts.Node[]): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n) || ts.isNewExpression(n) || (ts.isBinaryExpression(n) && isAssignmentOperator(n.operatorToken.kind))
      || ts.isPostfixUnaryExpression(n) || (ts.isPrefixUnaryExpression(n) && (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken))) found = true;
    else ts.forEachChild(n, visit);
  };
  nodes.forEach(visit);
  return found;
}

/**
 * Known at init: a literal; a module-level const, a namespace's const or an enum member, by name or through
 * `import * as`; a class's static readonly field; an operator or `?:` over such values.
 */
function isConstantExpression(p: Plan, e: ts.Expression): boolean {
  e = unparen(e);
  if (ts.isLiteralExpression(e) || ts.isNoSubstitutionTemplateLiteral(e) || e.kind === ts.SyntaxKind.TrueKeyword
    || e.kind === ts.SyntaxKind.FalseKeyword || e.kind === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isPrefixUnaryExpression(e)) return isConstantExpression(p, e.operand);
  if (ts.isBinaryExpression(e)) return !isAssignmentOperator(e.operatorToken.kind) && isConstantExpression(p, e.left) && isConstantExpression(p, e.right);
  if (ts.isConditionalExpression(e)) return [e.condition, e.whenTrue, e.whenFalse].every((x) => isConstantExpression(p, x));
  if (ts.isIdentifier(e)) return !p.refOf.has(e) && p.isConstant(e);
  if (!ts.isPropertyAccessExpression(e)) return false;
  if (p.isNamespaceConstant(e)) return true;
  const target = p.typer.staticTarget(e.expression);
  if (target?.kind === "module") {
    const d = p.file.mods.exported(target.module, e.name.text);
    return d?.kind === "var" && !!d.variable && ts.isVariableDeclarationList(d.variable.parent) && (d.variable.parent.flags & ts.NodeFlags.Const) !== 0;
  }
  if (target?.kind === "decl" && target.decl.kind === "class") {
    const mem = findMember(p.file.mods, { name: target.decl.name, args: [], decl: target.decl, nullable: false }, e.name.text, true);
    return mem?.kind === "field" && hasModifier(mem.node, ts.SyntaxKind.ReadonlyKeyword);
  }
  return false;
}

/** The callee's frame may complete with an error. */
export function frameMayFail(p: Plan, fn: AsyncFn): boolean {
  if (fn.kind === "task") return false;
  const ctx = p.file.session.ctxFor(p.file, fn);
  return ctx.mayFail(fn);
}

/**
 * A future of static type `t` may complete with an error: abstract types
 * (Future, ValueFuture, interfaces: any implementation) and classes that
 * override `failure()` (select, join, timeouts, the HAL's wrappers).
 */
export function futureMayFail(p: Plan, t: Ty | null): boolean {
  if (!t) return true;
  if (t.raw && t.frame) return frameMayFail(p, t.frame);
  if (t.raw || !t.decl) return true;
  if (t.decl.kind !== "class") return true;
  const node = t.decl.node as ts.ClassDeclaration;
  if (hasModifier(node, ts.SyntaxKind.AbstractKeyword)) return true;
  const failure = findMember(p.file.mods, t, "failure");
  return failure !== null && !isFutureModule(failure.module);
}

/** The annotated type an await's value flows into (`const n: i32 = await …`, `return await …`). */
function contextType(a: ts.AwaitExpression, plan: Plan): Ty | null {
  let p: ts.Node = a.parent;
  while (ts.isParenthesizedExpression(p)) p = p.parent;
  if (ts.isVariableDeclaration(p) && p.type) return tyFromNode(plan.file.mods, p.type, plan.fn.module);
  if (ts.isReturnStatement(p)) return plan.fn.value;
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(p.left)) {
    const b = plan.refOf.get(p.left);
    return b ? plan.bindingType(b) : null;
  }
  return null;
}

