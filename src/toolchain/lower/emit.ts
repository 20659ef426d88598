/**
 * Writes the poll function of one async function from its plan (plan.ts):
 *
 *   while (true) switch ($f.$state) {
 *     case 0: …straight-line code…
 *             $f.$a0 = uart.read(buf); $f.$state = 1;
 *     case 1: if (!$f.$a0.poll()) { $site(7); return false; }
 *             $f.n = $f.$a0.value; …
 *             $f.$state = -1; return true;          (completed)
 *     case 9: …                                     (cancel states, after the body)
 *     default: return true;
 *   }
 *
 * States: 0 = started, > 0 = resume points and jump targets, -1 = idle or
 * done. A jump is `$f.$state = L; continue;`. Flattened statements become
 * labels and jumps; everything else is copied verbatim, so each original
 * line keeps its line number (layout.ts). Expressions that hold an await
 * are evaluated step by step (values.ts), in JavaScript's order.
 *
 * Errors: a `throw`, or an awaited future that completed with `failure()`,
 * raises: control goes to the innermost enclosing catch or finally, or the
 * frame completes with the error (`$error`), which its awaiter re-raises.
 *
 * try/finally: each try has a completion field `$jN`: -1 normal, -2 return
 * (value already in `$f.value`), -3 cancel, -4 throw (error in `$eN`), or
 * the label of a break/continue target. The end of the finally block
 * dispatches on it, passing returns, throws, cancels and far jumps on to the
 * enclosing try.
 *
 * Cancellation (frames.ts, `cancel()`): a frame parked at an await cancels
 * that child, waits for the child's cleanup in a cancel state, then runs the
 * finally blocks around the await with `$jN = -3`; those may await too.
 */
import ts from "typescript";
import { messages } from "./errors.ts";
import { Out, rewrite, type Visit } from "./layout.ts";
import { FRAME as F, type Plan, type Site } from "./plan.ts";
import { containsAwait, excerpt, isReference, isWrittenTo, jumpTarget, unparen } from "./syntax.ts";
import { futureValue, isVoid, type Ty } from "./types.ts";
import { LOGICAL_ASSIGNMENT, logicalSkip, Values } from "./values.ts";

const DONE = -1;
export const J_NORMAL = -1;
export const J_RETURN = -2;
export const J_CANCEL = -3;
export const J_THROW = -4;

interface Entry {
  kind: "loop" | "switch" | "try";
  node: ts.Node;
  brk?: number;
  cont?: number;
}

export interface TryEntry extends Entry {
  kind: "try";
  node: ts.TryStatement;
  /** Which block is being emitted. */
  phase: "try" | "catch" | "finally";
  /** Label of the catch block, if any. */
  catchAt?: number;
  /** Label of the finally block, if any. */
  fin?: number;
  /** Completion field (`$jN`) and pending-error field (`$eN`). */
  j: string;
  e: string;
  /** Jump targets that pass through this finally, with the stack depth of their owner. */
  targets: Map<number, number>;
}

/** How `cancel()` leaves an await state: the slot to cancel and where its cleanup continues. */
export interface AwaitState {
  state: number;
  field: string;
  /** The await's site id (for await chains: `awaitSite()`); absent for a yield. */
  site?: number;
  /** Cancel state: waits for the slot's cleanup, then runs the finally blocks around the await. */
  cancelAt?: number;
  /** The await is inside a finally block: cancelling lets that finally finish, with `$j = J_CANCEL`. */
  inFinally?: string;
  /** A yield: nothing to cancel, only the finally blocks to run. */
  noChild?: boolean;
  /** A yield* over a sync generator: close it (it cleans up at once). */
  closeSync?: boolean;
}

/**
 * A nullable local kept in the frame (it lives across an await), read where TypeScript and asc
 * would narrow the local (`if (p != null) use(p)`), or as the object of a member access
 * (`p.read()`): asc does not narrow a field, so the frame's field is asserted non-null (`$f.p!`).
 * Code that checked reads as written; an object read while null stops the firmware with asc's null
 * panic where JavaScript would throw. Narrowing is followed for locals never assigned again only.
 */
function narrowed(id: ts.Identifier, text: string, ty: Ty | null, constant = false): string {
  if (!ty?.nullable) return text;
  const p = id.parent;
  const receiver = (ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) && p.expression === id && !p.questionDotToken;
  return receiver || (constant && nonNullHere(id)) ? `${text}!` : text;
}

/** TypeScript's narrowing of `id` to non-null where it is read: inside a branch a null check guards, or after `if (id == null) return;`. */
function nonNullHere(id: ts.Identifier): boolean {
  const name = id.text;
  for (let a: ts.Node = id; a.parent && !ts.isFunctionLike(a); a = a.parent) {
    const p = a.parent;
    if (ts.isIfStatement(p) && ((a === p.thenStatement && checks(p.expression, name, true)) || (a === p.elseStatement && checks(p.expression, name, false)))) return true;
    if (ts.isConditionalExpression(p) && ((a === p.whenTrue && checks(p.condition, name, true)) || (a === p.whenFalse && checks(p.condition, name, false)))) return true;
    if (ts.isBinaryExpression(p) && a === p.right) {
      const op = p.operatorToken.kind;
      if ((op === ts.SyntaxKind.AmpersandAmpersandToken && checks(p.left, name, true)) || (op === ts.SyntaxKind.BarBarToken && checks(p.left, name, false))) return true;
    }
    if (ts.isBlock(p) || ts.isSourceFile(p) || ts.isCaseClause(p) || ts.isDefaultClause(p)) {
      const before = p.statements.slice(0, p.statements.indexOf(a as ts.Statement));
      if (before.some((s) => ts.isIfStatement(s) && !s.elseStatement && exits(s.thenStatement) && checks(s.expression, name, false))) return true;
    }
  }
  return false;
}

/** `e` is true (`nonNull`) or false (`!nonNull`) only when `name` is not null: `x != null`, `x`, `!x`, `x == null`, with && and ||. */
function checks(e: ts.Expression, name: string, nonNull: boolean): boolean {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  if (ts.isIdentifier(e)) return nonNull && e.text === name;
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return checks(e.operand, name, !nonNull);
  if (!ts.isBinaryExpression(e)) return false;
  const op = e.operatorToken.kind;
  if (op === ts.SyntaxKind.AmpersandAmpersandToken) return nonNull ? checks(e.left, name, true) || checks(e.right, name, true) : false;
  if (op === ts.SyntaxKind.BarBarToken) return nonNull ? false : checks(e.left, name, false) || checks(e.right, name, false);
  const isNull = (x: ts.Expression): boolean => x.kind === ts.SyntaxKind.NullKeyword;
  const isName = (x: ts.Expression): boolean => ts.isIdentifier(x) && x.text === name;
  if (!((isName(e.left) && isNull(e.right)) || (isNull(e.left) && isName(e.right)))) return false;
  const unequal = op === ts.SyntaxKind.ExclamationEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken;
  const equal = op === ts.SyntaxKind.EqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsEqualsToken;
  return nonNull ? unequal : equal;
}

/** A statement that never falls through to the next: return, throw, break, continue, or a block ending in one. */
function exits(s: ts.Statement): boolean {
  if (ts.isBlock(s)) return s.statements.length > 0 && exits(s.statements[s.statements.length - 1]!);
  return ts.isReturnStatement(s) || ts.isThrowStatement(s) || ts.isBreakStatement(s) || ts.isContinueStatement(s);
}

/** The function a statement belongs to (a return in a sync arrow inside async code returns from the arrow). */
function ownerOf(n: ts.Node): ts.Node | undefined {
  let p = n.parent;
  while (p && !ts.isFunctionLike(p)) p = p.parent;
  return p;
}

/** A name, `this`, a literal, or property and element reads of them: evaluating it twice reads the same place. */
function sideEffectFree(e: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) return sideEffectFree(e.expression);
  if (ts.isIdentifier(e) || ts.isLiteralExpression(e) || e.kind === ts.SyntaxKind.ThisKeyword) return true;
  if (ts.isPropertyAccessExpression(e)) return sideEffectFree(e.expression);
  if (ts.isElementAccessExpression(e)) return sideEffectFree(e.expression) && sideEffectFree(e.argumentExpression);
  return false;
}

export class Emitter {
  readonly plan: Plan;
  readonly out = new Out();
  private label = 0;
  readonly stack: Entry[] = [];
  readonly sf: ts.SourceFile;
  /** The value each await evaluates to, once sequenced (values.ts). */
  readonly awaitValue = new Map<ts.AwaitExpression, string>();
  readonly states: AwaitState[] = [];
  /** Cancel states, emitted after the body. */
  private cancelCode: string[] = [];
  readonly values: Values;

  constructor(plan: Plan) {
    this.plan = plan;
    this.sf = plan.fn.module.sf;
    this.values = new Values(this);
  }

  emitBody(): void {
    const body = this.plan.body;
    if (ts.isBlock(body)) {
      for (const s of body.statements) this.stmt(s);
      this.out.add(this.complete(), body.end - 1);
    } else {
      this.out.add("", body.getStart());
      this.out.add(this.returnWith(this.values.value(this.plan.adopted.get(this.plan.fn.node) ?? body)));
    }
    for (const c of this.cancelCode) this.out.add(c);
  }

  // ─── pieces ─────────────────────────────────────────────────────────────

  next(): number {
    return ++this.label;
  }

  goto(l: number): string {
    return ` ${F}.$state = ${l}; continue;`;
  }

  caseOf(l: number): string {
    return ` case ${l}:`;
  }

  complete(): string {
    // An async generator's end completes the next() it is running (status END).
    if (this.plan.fn.kind === "asyncGenerator") return ` ${F}.$state = ${DONE}; return ${F}.$next.end();`;
    return ` ${F}.$state = ${DONE}; return true;`;
  }

  /** The innermost try whose finally still lies ahead (phase try or catch). */
  private pendingFinally(from = this.stack.length - 1): TryEntry | undefined {
    for (let i = from; i >= 0; i--) {
      const e = this.stack[i]!;
      if (e.kind === "try" && (e as TryEntry).phase !== "finally" && (e as TryEntry).fin !== undefined) return e as TryEntry;
    }
    return undefined;
  }

  /** The innermost try entry (any phase). */
  innermostTry(): TryEntry | undefined {
    for (let i = this.stack.length - 1; i >= 0; i--) if (this.stack[i]!.kind === "try") return this.stack[i] as TryEntry;
    return undefined;
  }

  /** Cancelling inside a finally that runs for a cancellation: finish the cleanup outward instead (see `passOn`). */
  private whenCancelling(then: string): string {
    const t = this.innermostTry();
    if (!t || t.phase !== "finally") return "";
    return ` if (${F}.${t.j} == ${J_CANCEL}) {${then} }`;
  }

  returnWith(value: string | null): string {
    const fn = this.plan.fn;
    const generator = fn.kind === "generator" || fn.kind === "asyncGenerator";
    // A generator's return value is its result (`$ret`, the value of yield*), not an item.
    const resolves = generator ? fn.returns ?? null : fn.value ?? this.plan.signature?.value ?? null;
    const slot = generator ? "$ret" : "value";
    const set = value !== null && resolves && !isVoid(resolves) ? ` ${F}.${slot} = ${value};` : value ? ` ${value};` : "";
    const t = this.pendingFinally();
    const go = t ? ` ${F}.${t.j} = ${J_RETURN};${this.goto(t.fin!)}` : this.complete();
    return this.whenCancelling(this.passOn(J_CANCEL, this.stack.indexOf(this.innermostTry()!))) + set + go;
  }

  /**
   * Raises the error `value` (an expression of type Error): to the innermost
   * catch, else through the innermost finally, else out of the frame.
   */
  raise(value: string): string {
    let code = "";
    const t = this.innermostTry();
    if (t && t.phase === "finally") {
      // An error thrown by cleanup that runs for a cancellation cannot go anywhere: it is a bug.
      code += ` if (${F}.${t.j} == ${J_CANCEL}) ${this.plan.file.runtimeName("panicCleanup")}(${value}, ${this.plan.displayText()});`;
    }
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const e = this.stack[i]!;
      if (e.kind !== "try") continue;
      const te = e as TryEntry;
      if (te.phase === "try" && te.catchAt !== undefined) return `${code} ${F}.${te.e} = ${value};${this.goto(te.catchAt)}`;
      if (te.phase !== "finally" && te.fin !== undefined) {
        return `${code} ${F}.${te.e} = ${value}; ${F}.${te.j} = ${J_THROW};${this.goto(te.fin)}`;
      }
    }
    return code + this.fail(value);
  }

  /** The frame completes with an error; a task has no awaiter, so there it is a panic. */
  private fail(value: string): string {
    const plan = this.plan;
    if (plan.fn.kind === "task") return ` ${plan.file.runtimeName("panicUncaught")}(${value}); return true;`;
    if (plan.fn.kind === "generator") return ` ${plan.file.runtimeName("panicGenerator")}(${value}, ${plan.displayText()}); return true;`;
    plan.mayFail = true;
    return ` ${F}.$error = ${value};${this.complete()}`;
  }

  /**
   * A generator's suspension: `yield v` hands v out (a sync generator sets
   * its `value` and returns "not done"; an async one completes the next()
   * it runs with the item) and resumes at the state after it.
   */
  yieldValue(value: string): void {
    const l = this.next();
    const hand = this.plan.fn.kind === "asyncGenerator" ? ` ${F}.$state = ${l}; return ${F}.$next.item(${value});` : ` ${F}.value = ${value}; ${F}.$state = ${l}; return false;`;
    this.out.add(hand + this.caseOf(l));
    this.states.push(this.cancelPlan(l, null));
  }

  /** The rewriting used everywhere: names, async calls, factories, awaits already sequenced, Promise types. */
  readonly visit: Visit = (n) => {
    const plan = this.plan;
    if (ts.isAwaitExpression(n)) return this.awaitValue.get(n) ?? "0";
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken && !containsAwait(n)) {
      // AssemblyScript has no `??` (one with an await is sequenced in values.ts): a null test on a place read twice.
      if (!isPlace(n.left)) {
        // An optional chain on the left is refused already (checks.ts), with a test that covers this one.
        if (!/\?\./.test(n.left.getText(this.sf))) plan.error(n.operatorToken, "ASYNC_SYNTAX", messages.nullishCall(excerpt(n.left), excerpt(n.right)));
        return undefined;
      }
      const left = this.expr(n.left);
      return `(${left} != null ? ${left}! : ${this.expr(n.right)})`;
    }
    if (ts.isConditionalExpression(n)) {
      const cast = plan.futureUpcast(n);
      if (cast) return `(${this.expr(n.condition)} ? <${cast}>(${this.expr(n.whenTrue)}) : <${cast}>(${this.expr(n.whenFalse)}))`;
    }
    if (ts.isObjectLiteralExpression(n)) {
      const o = plan.objects.get(n);
      if (o) return `${o.helper}(${[`${F}.${o.slot}`, ...o.values.map((v) => rewrite(v, this.sf, this.visit))].join(", ")})`;
    }
    if (ts.isArrowFunction(n) || ts.isFunctionExpression(n)) {
      const closure = plan.closures.get(n);
      return closure ? plan.file.closureText(closure.fn, `${F}.${closure.field}`, F) : undefined;
    }
    if (n.kind === ts.SyntaxKind.ThisKeyword && plan.fn.kind === "closure") {
      if (plan.thisPath) return `${F}.${plan.thisPath}`;
      plan.error(n, "ASYNC_SYNTAX", messages.closureThis());
      return undefined;
    }
    if (ts.isBinaryExpression(n) && LOGICAL_ASSIGNMENT.has(n.operatorToken.kind)) return this.logicalAssignment(n);
    if (ts.isPropertyAccessExpression(n)) {
      const read = this.valueRead(n);
      if (read !== null) return read;
    }
    if (ts.isIdentifier(n)) {
      const outer = plan.outerRefs.get(n);
      if (outer) return ts.isShorthandPropertyAssignment(n.parent) ? `${n.text}: ${F}.${outer.path}` : narrowed(n, `${F}.${outer.path}`, outer.ty);
      const value = plan.fnValues.get(n);
      if (value) return `${F}.${value.field}`;
      const b = plan.refOf.get(n);
      if (!b || !isReference(n)) return undefined;
      const name = b.field !== undefined ? `${F}.${b.field}` : b.rename;
      if (name === undefined) return undefined;
      if (ts.isShorthandPropertyAssignment(n.parent)) return `${n.text}: ${name}`;
      return b.field !== undefined ? narrowed(n, name, plan.bindingType(b), !b.assigned) : name;
    }
    if (ts.isCallExpression(n)) {
      const planned = plan.calls.get(n);
      if (!planned) return undefined;
      const args = (planned.kind === "format" ? planned.parts : n.arguments).map((a) => rewrite(a, this.sf, this.visit));
      const receiver = planned.kind === "closure" ? rewrite(n.expression, this.sf, this.visit)
        : ts.isPropertyAccessExpression(n.expression) ? rewrite(n.expression.expression, this.sf, this.visit) : null;
      return this.values.callText(n, receiver, args);
    }
    if (ts.isReturnStatement(n) && ownerOf(n) === plan.fn.node) {
      return `{${this.returnWith(n.expression ? rewrite(n.expression, this.sf, this.visit) : null)} }`;
    }
    if (ts.isTypeReferenceNode(n)) return plan.file.promiseType(n, this.visit);
    if (ts.isFunctionTypeNode(n)) return plan.file.asyncFnType(n, this.visit);
    return undefined;
  };

  /**
   * `x ??= v` with no await in it (AssemblyScript parses no logical
   * assignment): `(x !== null ? x! : (x = v))`, so v is evaluated only when
   * assigned. The target is read and then written, so what it is computed
   * from is evaluated once first, as JavaScript does: `slots[next()] ||= 5`
   * keeps `next()` in a temporary field (`(F.$t = next(), …)`), and names,
   * `this` and literals stay as written.
   */
  private logicalAssignment(n: ts.BinaryExpression): string {
    const op = n.operatorToken.kind;
    const kept: string[] = [];
    const once = (e: ts.Expression): string => {
      const text = rewrite(e, this.sf, this.visit);
      if (sideEffectFree(e)) return text;
      const t = this.plan.temp(e);
      if (t === null) return text; // temp() said which annotation it needs
      kept.push(`${F}.${t} = ${text}`);
      return `${F}.${t}`;
    };
    let left = n.left;
    while (ts.isParenthesizedExpression(left)) left = left.expression;
    let target: string;
    if (sideEffectFree(left)) target = rewrite(left, this.sf, this.visit);
    else if (ownerOf(n) !== this.plan.fn.node) {
      // In a sync arrow inside async code there is no frame field to keep the place in.
      this.plan.error(n, "ASYNC_SYNTAX", messages.logicalTarget(excerpt(n)));
      return "0";
    } else if (ts.isElementAccessExpression(left)) target = `${once(left.expression)}[${once(left.argumentExpression)}]`;
    else if (ts.isPropertyAccessExpression(left)) target = `${once(left.expression)}.${left.name.text}`;
    else {
      this.plan.error(n, "ASYNC_SYNTAX", messages.logicalTarget(excerpt(n)));
      return "0";
    }
    const value = op === ts.SyntaxKind.QuestionQuestionEqualsToken ? `${target}!` : target;
    const assign = `(${logicalSkip(op, target)} ? ${value} : (${target} = ${rewrite(n.right, this.sf, this.visit)}))`;
    return kept.length ? `(${kept.join(", ")}, ${assign})` : assign;
  }

  /**
   * `a.value` of a future `a` the code keeps, read (not written): through
   * `wonValue`, which panics if `a` lost a select, where the read would
   * otherwise see a value `a` never produced.
   */
  private valueRead(n: ts.PropertyAccessExpression): string | null {
    if (n.name.text !== "value" || !ts.isIdentifier(n.expression) || isWrittenTo(n)) return null;
    const plan = this.plan;
    const t = plan.typer.typeOf(n.expression);
    if (!t || futureValue(plan.file.mods, t) === null) return null;
    const what = JSON.stringify(`${plan.file.where(n)} ${n.getText(this.sf)}`);
    return `${plan.file.runtimeName("wonValue")}(${rewrite(n.expression, this.sf, this.visit)}, textOf(${what})).value`;
  }

  expr(e: ts.Node): string {
    return rewrite(e, this.sf, this.visit);
  }

  /**
   * `$state = L; case L: if (!slot.poll()) return false;` with the site
   * report, then the slot's error raised if it completed with one.
   */
  park(site: Site, kept = false): void {
    const l = this.next();
    const slot = `${F}.${site.field}`;
    const report = site.generated ? "" : ` $site(${site.id});`;
    // A kept future awaited again once done gives its result again (isDone), as a settled promise does.
    const pending = kept ? `!${slot}.isDone() && !${slot}.poll()` : `!${slot}.poll()`;
    this.out.add(` ${F}.$state = ${l};${this.caseOf(l)}`);
    if (site.abstract && report) this.out.add(`${report} if (${pending}) return false;`);
    else this.out.add(` if (${pending}) {${report} return false; }`);
    if (site.mayFail) this.out.add(` { const $e = ${slot}.failure(); if ($e !== null) {${this.raise("$e")} } }`);
    this.states.push({ ...this.cancelPlan(l, site.field), site: site.id });
  }

  /** `$state = L; case L:` and the poll of a slot, without recording a cancel plan (the caller records its own). */
  parkOnly(site: Site): number {
    const l = this.next();
    const slot = `${F}.${site.field}`;
    const report = site.generated ? "" : ` $site(${site.id});`;
    this.out.add(` ${F}.$state = ${l};${this.caseOf(l)} if (!${slot}.poll()) {${report} return false; }`);
    if (site.mayFail) this.out.add(` { const $e = ${slot}.failure(); if ($e !== null) {${this.raise("$e")} } }`);
    return l;
  }

  /**
   * What `cancel()` does in suspension state `l` (see AwaitState): at an
   * await, cancel the slot and wait for its cleanup; at a yield (field null:
   * a generator closed early) nothing is running, so go straight to the
   * finally blocks. Tasks are never cancelled: no cancel states.
   */
  cancelPlan(l: number, field: string | null, delegate?: { field: string; sync: boolean }): AwaitState {
    if (this.plan.fn.kind === "task") return { state: l, field: field ?? "" };
    const t = this.innermostTry();
    if (t && t.phase === "finally") return { state: l, field: field ?? "", inFinally: t.j };
    const cs = this.next();
    const fin = this.pendingFinally();
    const then = fin ? ` ${F}.${fin.j} = ${J_CANCEL};${this.goto(fin.fin!)}` : this.complete();
    // At a yield* the delegate generator is suspended too: closing this one closes it first.
    const wait = field !== null ? ` if (!${F}.${field}.pollCancel()) return false;`
      : delegate && !delegate.sync ? ` if (!${F}.${delegate.field}.pollCancel()) return false;` : "";
    this.cancelCode.push(`${this.caseOf(cs)}${wait}${then}`);
    return { state: l, field: field ?? delegate?.field ?? "", cancelAt: cs, ...(field === null && !delegate ? { noChild: true } : {}), ...(delegate?.sync ? { closeSync: true } : {}) };
  }

  // ─── statements ─────────────────────────────────────────────────────────

  stmt(s: ts.Statement): void {
    const plan = this.plan;
    if (!plan.flat.has(s) && !ts.isVariableStatement(s)) {
      this.out.add(this.expr(s), s.getStart(this.sf));
      return;
    }
    this.out.add("", s.getStart(this.sf));
    if (ts.isBlock(s)) {
      for (const c of s.statements) this.stmt(c);
    } else if (ts.isVariableStatement(s)) {
      this.declarations(s.declarationList);
    } else if (ts.isExpressionStatement(s)) {
      this.values.effect(s.expression);
    } else if (ts.isReturnStatement(s)) {
      this.out.add(this.returnWith(s.expression ? this.values.value(this.plan.adopted.get(s) ?? s.expression) : null));
    } else if (ts.isThrowStatement(s)) {
      // Where the error was thrown, for the await chain of a task it escapes (chain.ts).
      const site = this.plan.throwSites.get(s);
      // The throwing frame is the chain's last step (an async generator's frame is not a future: null).
      const thrower = this.plan.fn.kind === "asyncGenerator" || this.plan.fn.kind === "generator" ? "null" : F;
      const keep = site !== undefined ? ` ${this.plan.file.runtimeName("recordThrow")}(${site}, ${thrower});` : "";
      this.out.add(keep + this.raise(this.values.thrown(s)));
    } else if (ts.isIfStatement(s)) {
      this.ifStatement(s);
    } else if (ts.isWhileStatement(s)) {
      const lc = this.next(), lend = this.next();
      this.out.add(this.caseOf(lc));
      this.out.add(` if (!(${this.values.value(s.expression)})) {${this.goto(lend)} }`);
      this.loopBody(s, s.statement, lend, lc);
      this.out.add(this.goto(lc) + this.caseOf(lend));
    } else if (ts.isDoStatement(s)) {
      const lb = this.next(), lc = this.next(), lend = this.next();
      this.out.add(this.caseOf(lb));
      this.loopBody(s, s.statement, lend, lc);
      this.out.add(this.caseOf(lc));
      this.out.add(` if (${this.values.value(s.expression)}) {${this.goto(lb)} }${this.caseOf(lend)}`);
    } else if (ts.isForStatement(s)) {
      this.forStatement(s);
    } else if (ts.isForOfStatement(s) && s.awaitModifier) {
      this.forAwait(s);
    } else if (ts.isForOfStatement(s)) {
      this.forOf(s);
    } else if (ts.isSwitchStatement(s)) {
      this.switchStatement(s);
    } else if (ts.isTryStatement(s)) {
      this.tryStatement(s);
    } else if (ts.isBreakStatement(s) || ts.isContinueStatement(s)) {
      this.jump(s);
    } else {
      this.out.add(this.expr(s));
    }
  }

  private declarations(list: ts.VariableDeclarationList): void {
    const keyword = list.flags & ts.NodeFlags.Const ? "const" : "let";
    for (const d of list.declarations) {
      const b = ts.isIdentifier(d.name) ? this.plan.bindings.find((x) => x.decl === d) : undefined;
      const value = d.initializer ? this.values.value(d.initializer) : null;
      if (!b) continue;
      if (b.field !== undefined) {
        const zero = this.plan.fields.find((f) => f.name === b.field)?.init;
        const v = value ?? zero;
        if (v) this.out.add(` ${F}.${b.field} = ${v};`);
      } else {
        const type = d.type ? `: ${this.plan.file.typeText(d.type)}` : "";
        this.out.add(` ${value !== null ? keyword : "let"} ${b.rename ?? b.name}${type}${value !== null ? ` = ${value}` : ""};`);
      }
    }
  }

  private ifStatement(s: ts.IfStatement): void {
    const lelse = this.next(), lend = s.elseStatement ? this.next() : lelse;
    this.out.add(` if (!(${this.values.value(s.expression)})) {${this.goto(lelse)} }`);
    this.stmt(s.thenStatement);
    if (s.elseStatement) {
      this.out.add(this.goto(lend) + this.caseOf(lelse));
      this.stmt(s.elseStatement);
    }
    this.out.add(this.caseOf(lend));
  }

  loopBody(loop: ts.Node, body: ts.Statement, brk: number, cont: number): void {
    this.stack.push({ kind: "loop", node: loop, brk, cont });
    this.stmt(body);
    this.stack.pop();
  }

  private forStatement(s: ts.ForStatement): void {
    if (s.initializer) {
      if (ts.isVariableDeclarationList(s.initializer)) this.declarations(s.initializer);
      else this.values.effect(s.initializer);
    }
    const lc = this.next(), lend = this.next();
    let cont = lc;
    if (s.incrementor) {
      cont = this.next();
      this.out.add(this.goto(lc) + this.caseOf(cont));
      this.values.effect(s.incrementor);
    }
    this.out.add(this.caseOf(lc));
    if (s.condition) this.out.add(` if (!(${this.values.value(s.condition)})) {${this.goto(lend)} }`);
    this.loopBody(s, s.statement, lend, cont);
    this.out.add(this.goto(cont) + this.caseOf(lend));
  }

  /** `for await (const x of source)`: a Stream (next() until END, error statuses skipped) or an async iterator. */
  private forAwait(s: ts.ForOfStatement): void {
    const site = this.plan.sites.get(s);
    const loop = this.plan.forAwaitLoops.get(s);
    if (!site || !loop) return;
    this.closing(s, () => {
      const ln = this.next(), lend = this.next();
      const slot = `${F}.${site.field}`;
      const source = `${F}.${loop.source}`;
      const next = loop.nextFrame ? `${F}.${loop.nextFrame}.start(${source})` : `${source}.next()`;
      this.out.add(` ${source} = ${this.values.value(s.expression)};${this.caseOf(ln)} ${slot} = ${next};`);
      this.park(site);
      if (loop.kind === "stream") {
        const status = this.plan.file.halName("stream", "StreamStatus");
        this.out.add(` if (${slot}.status == ${status}.END) {${this.goto(lend)} } if (${slot}.status != ${status}.ITEM) {${this.goto(ln)} }`);
      } else {
        this.out.add(` if (${slot}.value.done) {${this.goto(lend)} }`);
      }
      const item = loop.kind === "stream" ? `${slot}.value` : `${slot}.value.value`;
      this.bindLoopVariable(s, item);
      this.loopBody(s, s.statement, lend, ln);
      this.out.add(this.goto(ln) + this.caseOf(lend));
    });
  }

  /** `for (const x of source)`: an Array, StaticArray or typed array by index (read once per iteration), or a generator's object. */
  private forOf(s: ts.ForOfStatement): void {
    const loop = this.plan.forOfLoops.get(s);
    if (!loop) return;
    const src = `${F}.${loop.source}`;
    if (loop.kind === "iterator") {
      this.closing(s, () => {
        const lc = this.next(), lend = this.next();
        this.out.add(` ${src} = ${this.values.value(s.expression)};${this.caseOf(lc)} if (${src}.next().done) {${this.goto(lend)} }`);
        this.bindLoopVariable(s, loop.element(src, ""));
        this.loopBody(s, s.statement, lend, lc);
        this.out.add(this.goto(lc) + this.caseOf(lend));
      });
      return;
    }
    const lc = this.next(), lcont = this.next(), lend = this.next();
    const i = `${F}.${loop.index}`;
    this.out.add(` ${src} = ${this.values.value(s.expression)}; ${i} = 0;${this.caseOf(lc)} if (${i} >= ${src}.length) {${this.goto(lend)} }`);
    this.bindLoopVariable(s, loop.element(src, i));
    this.loopBody(s, s.statement, lend, lcont);
    this.out.add(`${this.caseOf(lcont)} ${i}++;${this.goto(lc)}${this.caseOf(lend)}`);
  }

  /**
   * A loop over a generator, inside an implicit try/finally whose finally
   * closes the generator (LoopClose in plan.ts): every way out of the loop
   * (its end, break, return, throw, cancellation) runs the generator's own
   * finally blocks, awaiting an async generator's cleanup.
   */
  private closing(s: ts.ForOfStatement, emitLoop: () => void): void {
    const close = this.plan.loopCloses.get(s);
    if (!close) {
      emitLoop();
      return;
    }
    const entry: TryEntry = { kind: "try", node: s as unknown as ts.TryStatement, phase: "try", j: close.j, e: close.e, targets: new Map(), fin: this.next() };
    this.stack.push(entry);
    this.out.add(` ${F}.${entry.j} = ${J_NORMAL};`);
    emitLoop();
    this.out.add(this.goto(entry.fin!));
    entry.phase = "finally";
    this.out.add(this.caseOf(entry.fin!));
    const loop = this.plan.forAwaitLoops.get(s) ?? this.plan.forOfLoops.get(s)!;
    const src = `${F}.${loop.source}`;
    if (close.site) {
      this.out.add(` ${F}.${close.site.field} = ${src}.close();`);
      this.park(close.site);
    } else {
      this.out.add(` ${src}.close();`);
    }
    this.stack.pop();
    this.out.add(this.dispatch(entry));
  }

  private bindLoopVariable(s: ts.ForOfStatement, value: string): void {
    const decl = ts.isVariableDeclarationList(s.initializer) ? s.initializer.declarations[0] : undefined;
    const b = decl ? this.plan.bindings.find((x) => x.decl === decl) : undefined;
    if (b?.field !== undefined) this.out.add(` ${F}.${b.field} = ${value};`);
    else if (b) this.out.add(` const ${b.rename ?? b.name} = ${value};`);
    else this.out.add(` ${this.expr(s.initializer)} = ${value};`);
  }

  private switchStatement(s: ts.SwitchStatement): void {
    const lend = this.next();
    const d = `$sw${lend}`;
    this.out.add(` const ${d} = ${this.values.value(s.expression)};`);
    const labels = s.caseBlock.clauses.map(() => this.next());
    let fallback = lend;
    s.caseBlock.clauses.forEach((c, i) => {
      if (ts.isCaseClause(c)) this.out.add(` if (${d} == (${this.expr(c.expression)})) {${this.goto(labels[i]!)} }`);
      else fallback = labels[i]!;
    });
    this.out.add(this.goto(fallback));
    this.stack.push({ kind: "switch", node: s, brk: lend });
    s.caseBlock.clauses.forEach((c, i) => {
      this.out.add(this.caseOf(labels[i]!), c.getStart(this.sf));
      for (const st of c.statements) this.stmt(st);
    });
    this.stack.pop();
    this.out.add(this.caseOf(lend));
  }

  private tryStatement(s: ts.TryStatement): void {
    const fields = this.plan.tries.get(s);
    if (!fields) return;
    const entry: TryEntry = {
      kind: "try", node: s, phase: "try", j: fields.j, e: fields.e, targets: new Map(),
      catchAt: s.catchClause ? this.next() : undefined,
      fin: s.finallyBlock ? this.next() : undefined,
    };
    const after = this.next();
    const j = `${F}.${entry.j}`;
    this.stack.push(entry);
    this.out.add(` ${j} = ${J_NORMAL};`);
    this.stmt(s.tryBlock);
    this.out.add(this.goto(entry.fin ?? after));
    if (s.catchClause) {
      entry.phase = "catch";
      const c = s.catchClause;
      this.out.add(this.caseOf(entry.catchAt!), c.getStart(this.sf));
      this.bindCatch(c, `${F}.${entry.e}`);
      this.out.add(` ${F}.${entry.e} = null;`);
      this.stmt(c.block);
      this.out.add(this.goto(entry.fin ?? after));
    }
    if (s.finallyBlock) {
      entry.phase = "finally";
      this.out.add(this.caseOf(entry.fin!), s.finallyBlock.getStart(this.sf));
      for (const st of s.finallyBlock.statements) this.stmt(st);
    }
    this.stack.pop();
    if (s.finallyBlock) this.out.add(this.dispatch(entry));
    this.out.add(this.caseOf(after));
  }

  /** `catch (e)`: the pending error becomes the catch variable. */
  private bindCatch(c: ts.CatchClause, value: string): void {
    const decl = c.variableDeclaration;
    const b = decl ? this.plan.bindings.find((x) => x.decl === decl) : undefined;
    if (!b) return;
    const error = "Error";
    if (b.field !== undefined) this.out.add(` ${F}.${b.field} = changetype<${error}>(${value});`);
    else this.out.add(` const ${b.rename ?? b.name}: ${error} = changetype<${error}>(${value});`);
  }

  /** The end of a finally block: go on the way the try was left. */
  private dispatch(entry: TryEntry): string {
    const j = `${F}.${entry.j}`;
    const depth = this.stack.length; // entry's own depth (already popped)
    let code = ` if (${j} != ${J_NORMAL}) {`;
    code += ` if (${j} == ${J_RETURN} || ${j} == ${J_CANCEL}) {${this.passOn(j, depth)} }`;
    code += ` if (${j} == ${J_THROW}) {${this.raise(`changetype<Error>(${F}.${entry.e})`)} }`;
    const outer = this.pendingFinally();
    for (const [target, ownerDepth] of entry.targets) {
      if (outer && ownerDepth < this.stack.indexOf(outer)) {
        outer.targets.set(target, ownerDepth);
        code += ` if (${j} == ${target}) { ${F}.${outer.j} = ${target};${this.goto(outer.fin!)} }`;
      }
    }
    return code + ` ${F}.$state = ${j}; continue; }`;
  }

  /** A return or cancel leaving a finally: on to the enclosing finally, or the frame is done. */
  private passOn(what: string | number, below: number): string {
    const outer = this.pendingFinally(below - 1);
    return outer ? ` ${F}.${outer.j} = ${what};${this.goto(outer.fin!)}` : this.complete();
  }

  private jump(s: ts.BreakStatement | ts.ContinueStatement): void {
    const target = jumpTarget(s);
    let idx = -1;
    for (let i = this.stack.length - 1; i >= 0; i--) if (this.stack[i]!.node === target) { idx = i; break; }
    if (idx < 0) {
      this.out.add(this.expr(s));
      return;
    }
    const e = this.stack[idx]!;
    const l = ts.isBreakStatement(s) ? e.brk! : e.cont!;
    let crossed: TryEntry | undefined;
    for (let i = this.stack.length - 1; i > idx; i--) {
      const t = this.stack[i]!;
      if (t.kind === "try" && (t as TryEntry).phase !== "finally" && (t as TryEntry).fin !== undefined) { crossed = t as TryEntry; break; }
    }
    const cancelling = this.whenCancelling(this.passOn(J_CANCEL, this.stack.indexOf(this.innermostTry()!)));
    if (!crossed) {
      this.out.add(cancelling + this.goto(l));
      return;
    }
    crossed.targets.set(l, idx);
    this.out.add(`${cancelling} ${F}.${crossed.j} = ${l};${this.goto(crossed.fin!)}`);
  }
}

export { messages };

/** `x`, `this.x`, `a.b.c`, `a[i]` with a name or literal index: read twice, it is read the same. */
function isPlace(e: ts.Expression): boolean {
  e = unparen(e);
  if (ts.isIdentifier(e) || e.kind === ts.SyntaxKind.ThisKeyword) return true;
  if (ts.isPropertyAccessExpression(e)) return !e.questionDotToken && isPlace(e.expression);
  if (ts.isElementAccessExpression(e)) return isPlace(e.expression) && (ts.isIdentifier(e.argumentExpression) || ts.isLiteralExpression(e.argumentExpression));
  if (ts.isNonNullExpression(e)) return isPlace(e.expression);
  return false;
}
