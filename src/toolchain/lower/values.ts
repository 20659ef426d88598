/**
 * Expressions that hold an await, evaluated step by step in JavaScript's
 * order (emit.ts calls `value`, `effect` and `thrown` for every expression
 * of a flattened statement).
 *
 * An await in the middle of an expression splits it: whatever JavaScript
 * evaluates before the await is evaluated first and kept in a temporary
 * frame field (`$tN`), then the await parks, then the rest runs. So
 * `side() + await f()` calls side() before f() starts, and
 * `o.m(side(), await f())` reads `o` and calls side() before the await.
 * Values that cannot change meanwhile (literals, `this`, constants, locals
 * never assigned again) are not copied.
 *
 * `a && await b()`, `a || …`, `a ?? …` and `c ? await x() : y` become
 * branches, so the await runs only when JavaScript would run it.
 *
 * `await v` of a value that is not a future is `v` (TypeScript allows it;
 * nothing waits).
 */
import ts from "typescript";
import { messages } from "./errors.ts";
import type { Emitter } from "./emit.ts";
import { FRAME as F, namespaceVariable } from "./plan.ts";
import { containsAwait, excerpt, isAssignmentOperator, unparen } from "./syntax.ts";
import { findMember, isVoid, type Ty } from "./types.ts";

/** AssemblyScript's namespaces of functions and constants (`Math.abs`, `i32.MAX_VALUE`, `String.fromCharCode`). */
const BUILTIN_NAMESPACES = new Set(["Math", "Mathf", "NativeMath", "NativeMathf", "String", "Number", "i8", "u8", "i16", "u16", "i32", "u32",
  "i64", "u64", "isize", "usize", "f32", "f64", "bool"]);

const SHORT_CIRCUIT = new Set([ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken]);

/** `&&=`, `||=`, `??=`: AssemblyScript parses none of them, so the lowering writes them out in async code. */
export const LOGICAL_ASSIGNMENT = new Set([
  ts.SyntaxKind.AmpersandAmpersandEqualsToken, ts.SyntaxKind.BarBarEqualsToken, ts.SyntaxKind.QuestionQuestionEqualsToken,
]);

/** The condition under which `target op= value` keeps the target as it is (JavaScript evaluates no value then). */
export function logicalSkip(op: ts.SyntaxKind, target: string): string {
  if (op === ts.SyntaxKind.AmpersandAmpersandEqualsToken) return `!(${target})`;
  if (op === ts.SyntaxKind.BarBarEqualsToken) return `${target}`;
  return `${target} !== null`;
}

export class Values {
  private readonly em: Emitter;
  constructor(em: Emitter) {
    this.em = em;
  }

  private get plan() {
    return this.em.plan;
  }

  /** Emits what must run before `e`'s value can be read, and returns that value's expression. */
  value(e: ts.Expression): string {
    if (!containsAwait(e)) return this.em.expr(e);
    const sf = this.em.sf;
    if (ts.isAwaitExpression(e)) return this.awaited(e);
    if (ts.isYieldExpression(e)) return this.yielded(e);
    if (ts.isParenthesizedExpression(e)) return `(${this.value(e.expression)})`;
    if (ts.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      if (SHORT_CIRCUIT.has(op)) return this.shortCircuit(e);
      if (op === ts.SyntaxKind.CommaToken) {
        this.effect(e.left);
        return this.value(e.right);
      }
      if (isAssignmentOperator(op)) return this.assignment(e);
      const [l, r] = this.operands([e.left, e.right]);
      return `${l} ${e.operatorToken.getText(sf)} ${r}`;
    }
    if (ts.isConditionalExpression(e)) return this.conditional(e);
    if (ts.isCallExpression(e)) return this.call(e);
    if (ts.isPropertyAccessExpression(e)) return `${this.value(e.expression)}.${e.name.text}`;
    if (ts.isElementAccessExpression(e)) {
      const [o, i] = this.operands([e.expression, e.argumentExpression]);
      return `${o}[${i}]`;
    }
    if (ts.isPrefixUnaryExpression(e) && e.operator !== ts.SyntaxKind.PlusPlusToken && e.operator !== ts.SyntaxKind.MinusMinusToken) {
      return `${ts.tokenToString(e.operator)}${this.value(e.operand)}`;
    }
    if (ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) return `(${this.value(e.expression)} as ${this.plan.file.typeText(e.type)})`;
    if (ts.isTypeAssertionExpression(e)) return `<${this.plan.file.typeText(e.type)}>(${this.value(e.expression)})`;
    if (ts.isNonNullExpression(e)) return `${this.value(e.expression)}!`;
    if (ts.isObjectLiteralExpression(e) && this.plan.objects.has(e)) {
      const o = this.plan.objects.get(e)!;
      return `${o.helper}(${[`${F}.${o.slot}`, ...this.operands(o.values)].join(", ")})`;
    }
    if (ts.isTemplateExpression(e)) {
      const parts = this.operands(e.templateSpans.map((s) => s.expression));
      return "`" + e.head.text + e.templateSpans.map((s, i) => "${" + parts[i] + "}" + s.literal.text).join("") + "`";
    }
    this.plan.error(e, "ASYNC_SYNTAX", messages.awaitPosition(excerpt(e)));
    return "0";
  }

  /** Evaluates `e` for its effect only (an expression statement). */
  effect(e: ts.Expression): void {
    let inner = e;
    inner = unparen(inner);
    if (ts.isYieldExpression(inner)) {
      this.yielded(inner);
      return;
    }
    if (ts.isAwaitExpression(inner)) {
      const v = this.awaited(inner);
      if (!this.plan.sites.has(inner)) this.em.out.add(` ${v};`);
      return;
    }
    const v = this.value(e);
    this.em.out.add(` ${v};`);
  }

  /** The value a throw statement raises. */
  thrown(s: ts.ThrowStatement): string {
    const pre = this.plan.throwSlots.get(s);
    if (pre) return pre;
    return this.value(s.expression);
  }

  // ─── pieces ─────────────────────────────────────────────────────────────

  /**
   * Operands evaluated left to right: those before the last one that holds
   * an await are copied into temporaries first (unless they cannot change).
   */
  private operands(parts: readonly ts.Expression[]): string[] {
    let last = -1;
    parts.forEach((p, i) => {
      if (containsAwait(p)) last = i;
    });
    return parts.map((p, i) => {
      if (i > last) return this.em.expr(p);
      if (i === last) return this.value(p);
      if (containsAwait(p)) return this.spill(this.value(p), p);
      return this.stable(p) ? this.em.expr(p) : this.spill(this.em.expr(p), p);
    });
  }

  /** Copies a value into a new temporary frame field. */
  private spill(text: string, node: ts.Expression): string {
    const field = this.plan.temp(node);
    if (field === null) return text;
    this.em.out.add(` ${F}.${field} = ${text};`);
    return `${F}.${field}`;
  }

  /** Cannot change between its evaluation and an await later in the same expression. */
  private stable(e: ts.Expression): boolean {
    while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isTypeAssertionExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
    if (ts.isLiteralExpression(e) || e.kind === ts.SyntaxKind.ThisKeyword || e.kind === ts.SyntaxKind.TrueKeyword
      || e.kind === ts.SyntaxKind.FalseKeyword || e.kind === ts.SyntaxKind.NullKeyword || ts.isNoSubstitutionTemplateLiteral(e)) return true;
    if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken) return this.stable(e.operand);
    if (ts.isIdentifier(e)) {
      // A local that is not a frame field is gone once the frame parks (`const a = await f(1); return a + await f(2);`).
      const b = this.plan.refOf.get(e);
      if (b && b.field === undefined) return false;
      // A class, namespace or module (`Math.abs(await f())`'s receiver) is a name, not a value.
      if (!b && (this.plan.typer.staticTarget(e) || (BUILTIN_NAMESPACES.has(e.text) && !this.plan.typer.declOf(e)))) return true;
      return this.plan.isConstant(e);
    }
    if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression)) return this.plan.isNamespaceConstant(e);
    return false;
  }

  /** `await x`: arms x's slot and parks; the value is the slot's. */
  private awaited(a: ts.AwaitExpression): string {
    const site = this.plan.sites.get(a);
    if (!site) {
      // Not a future: TypeScript's await of a plain value is the value.
      return this.value(a.expression);
    }
    let inner: ts.Expression = a.expression;
    inner = unparen(inner);
    const armed = ts.isCallExpression(inner) ? this.call(inner) : this.value(inner);
    this.em.out.add(site.callSlot ? ` ${armed};` : ` ${F}.${site.field} = ${armed};`);
    this.em.park(site, !ts.isCallExpression(inner) && !site.callSlot);
    // A kept future that lost a select earlier has a value again once awaited to the end.
    if (!ts.isCallExpression(inner) && !site.callSlot) this.em.out.add(` ${F}.${site.field}.setLost(false);`);
    const v = `${F}.${site.field}.value`;
    this.em.awaitValue.set(a, v);
    return v;
  }

  /**
   * `yield v` (the generator hands v out and resumes after it), or
   * `yield* inner` (every item of the delegate, then its return value).
   */
  private yielded(y: ts.YieldExpression): string {
    const em = this.em;
    const star = this.plan.yieldStars.get(y);
    if (!y.asteriskToken || !star) {
      em.yieldValue(y.expression ? this.value(y.expression) : "0");
      return "0";
    }
    const src = `${F}.${star.source}`;
    const lc = em.next(), lend = em.next();
    em.out.add(` ${src} = ${this.value(y.expression!)};`);
    if (star.kind === "array") {
      const i = `${F}.${star.index}`;
      em.out.add(` ${i} = 0;${em.caseOf(lc)} if (${i} >= ${src}.length) {${em.goto(lend)} }`);
      em.yieldValue(`${src}[${i}++]`);
      em.out.add(`${em.goto(lc)}${em.caseOf(lend)}`);
      return "0";
    }
    if (star.kind === "iterator") {
      // Each of the delegate's items in turn; closing this generator at one closes the delegate.
      const ly = em.next();
      em.out.add(`${em.caseOf(lc)} if (${src}.next().done) {${em.goto(lend)} } ${F}.value = ${src}.value; ${F}.$state = ${ly}; return false;${em.caseOf(ly)}${em.goto(lc)}${em.caseOf(lend)}`);
      em.states.push(em.cancelPlan(ly, null, { field: star.source, sync: true }));
    } else {
      const site = star.site!;
      const slot = `${F}.${site.field}`;
      const status = this.plan.file.halName("stream", "StreamStatus");
      em.out.add(`${em.caseOf(lc)} ${slot} = ${src}.next();`);
      const lp = em.parkOnly(site);
      em.states.push({ ...em.cancelPlan(lp, site.field), site: site.id });
      const ly = em.next();
      em.out.add(` if (${slot}.status == ${status}.END) {${em.goto(lend)} } if (${slot}.status != ${status}.ITEM) {${em.goto(lc)} }`);
      em.out.add(` ${F}.$state = ${ly}; return ${F}.$next.item(${slot}.value);${em.caseOf(ly)}${em.goto(lc)}${em.caseOf(lend)}`);
      em.states.push(em.cancelPlan(ly, null, { field: star.source, sync: false }));
    }
    const returns = star.delegate?.returns;
    return returns && !isVoid(returns) ? `${src}.$ret` : "0";
  }

  /** `a && b`, `a || b`, `a ?? b` with an await in b: b runs only when JavaScript would run it. */
  private shortCircuit(e: ts.BinaryExpression): string {
    const op = e.operatorToken.kind;
    if (!containsAwait(e.right)) {
      const l = this.value(e.left);
      return `${l} ${e.operatorToken.getText(this.em.sf)} ${this.em.expr(e.right)}`;
    }
    const nullish = op === ts.SyntaxKind.QuestionQuestionToken;
    // `a ?? b` keeps a (nullable) in the temporary; its value is not null afterwards.
    const t = this.plan.temp(nullish ? e.left : e);
    if (t === null) return "0";
    const em = this.em;
    const lend = em.next();
    em.out.add(` ${F}.${t} = ${this.value(e.left)};`);
    const skip = op === ts.SyntaxKind.AmpersandAmpersandToken ? `!(${F}.${t})` : op === ts.SyntaxKind.BarBarToken ? `${F}.${t}` : `${F}.${t} !== null`;
    em.out.add(` if (${skip}) {${em.goto(lend)} }`);
    em.out.add(` ${F}.${t} = ${this.value(e.right)};${em.caseOf(lend)}`);
    return nullish ? `${F}.${t}!` : `${F}.${t}`;
  }

  /** `c ? x : y` with an await in a branch: only the taken branch runs. */
  private conditional(e: ts.ConditionalExpression): string {
    if (!containsAwait(e.whenTrue) && !containsAwait(e.whenFalse)) {
      const cast = this.plan.futureUpcast(e);
      const branch = (b: ts.Expression): string => (cast ? `<${cast}>(${this.em.expr(b)})` : this.em.expr(b));
      return `${this.value(e.condition)} ? ${branch(e.whenTrue)} : ${branch(e.whenFalse)}`;
    }
    const t = this.plan.temp(e);
    if (t === null) return "0";
    const em = this.em;
    const lelse = em.next(), lend = em.next();
    em.out.add(` if (!(${this.value(e.condition)})) {${em.goto(lelse)} }`);
    em.out.add(` ${F}.${t} = ${this.value(e.whenTrue)};${em.goto(lend)}${em.caseOf(lelse)}`);
    em.out.add(` ${F}.${t} = ${this.value(e.whenFalse)};${em.caseOf(lend)}`);
    return `${F}.${t}`;
  }

  /** `x = …`, `o.p = …`, `a[i] = …`, `x += …`: the target is evaluated (and a compound one read) before the await. */
  private assignment(e: ts.BinaryExpression): string {
    const op = e.operatorToken.getText(this.em.sf);
    const compound = e.operatorToken.kind !== ts.SyntaxKind.EqualsToken;
    const target = e.left;
    let lhs: string;
    if (ts.isPropertyAccessExpression(target)) {
      const o = containsAwait(target.expression) || !this.stable(target.expression)
        ? this.spill(this.value(target.expression), target.expression) : this.em.expr(target.expression);
      lhs = `${o}.${target.name.text}`;
    } else if (ts.isElementAccessExpression(target)) {
      // JavaScript evaluates the object, then the index, then the value: an index that can change (`a[i++] = await f(i)`)
      // is kept before the value's await.
      const later = containsAwait(e.right);
      const parts = [target.expression, target.argumentExpression];
      const [o, i] = this.operands(parts).map((v, k) =>
        (k === 0 || later) && !this.stable(parts[k]!) && !v.startsWith(`${F}.$t`) ? this.spill(v, parts[k]!) : v);
      lhs = `${o}[${i!}]`;
    } else {
      lhs = this.em.expr(target);
    }
    if (!compound) return `(${lhs} = ${this.value(e.right)})`;
    if (LOGICAL_ASSIGNMENT.has(e.operatorToken.kind)) {
      // `x ||= await f()`: the await runs only when the assignment happens, as `x || (x = await f())`.
      const em = this.em;
      const lend = em.next();
      em.out.add(` if (${logicalSkip(e.operatorToken.kind, lhs)}) {${em.goto(lend)} }`);
      em.out.add(` ${lhs} = ${this.value(e.right)};${em.caseOf(lend)}`);
      return e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionEqualsToken ? `${lhs}!` : lhs;
    }
    const old = this.spill(lhs, target);
    const binary = op.slice(0, -1);
    return `(${lhs} = ${old} ${binary} (${this.value(e.right)}))`;
  }

  /** A call: callee's object first, then the arguments left to right. */
  call(c: ts.CallExpression): string {
    const callee = c.expression;
    const planned = this.plan.calls.get(c);
    if (planned?.kind === "format") {
      const recvNode = ts.isPropertyAccessExpression(callee) ? [callee.expression] : [];
      const values = this.operands([...recvNode, ...planned.parts]);
      const receiver = recvNode.length ? values.shift()! : null;
      return planned.render(receiver, values);
    }
    if (planned?.kind === "closure") {
      // The callee (a value) is evaluated first, then the arguments.
      const values = this.operands([callee, ...c.arguments]);
      return this.callText(c, values.shift()!, values);
    }
    if (!planned && c.arguments.some(containsAwait) && this.isFunctionValue(callee)) {
      // `handler(await f())`: JavaScript reads the function (a variable, a field, an element) before the arguments.
      const [fn, ...args] = this.operands([callee, ...c.arguments]);
      return `${fn}${this.typeArgs(c)}(${args.join(", ")})`;
    }
    const hasReceiver = ts.isPropertyAccessExpression(callee) && callee.expression.kind !== ts.SyntaxKind.SuperKeyword;
    const parts = hasReceiver ? [(callee as ts.PropertyAccessExpression).expression, ...c.arguments] : [...c.arguments];
    if (!hasReceiver && !ts.isIdentifier(callee) && !ts.isPropertyAccessExpression(callee) && containsAwait(callee)) {
      this.plan.error(callee, "ASYNC_SYNTAX", messages.awaitPosition(excerpt(callee)));
    }
    const values = this.operands(parts);
    const receiver = hasReceiver ? values.shift()! : null;
    return this.callText(c, receiver, values);
  }

  /** `callee` is a value holding a function (a variable, a field, an element), not a function or method's name. */
  private isFunctionValue(callee: ts.Expression): boolean {
    const e = unparen(callee);
    if (ts.isElementAccessExpression(e)) return true;
    if (ts.isIdentifier(e)) return this.plan.refOf.has(e) || this.plan.typer.declOf(e)?.kind === "var";
    if (!ts.isPropertyAccessExpression(e) || e.expression.kind === ts.SyntaxKind.SuperKeyword) return false;
    const target = this.plan.typer.staticTarget(e.expression);
    if (target?.kind === "decl" && target.decl.kind === "namespace") return namespaceVariable(target.decl.node, e.name.text);
    const owner: Ty | null = target?.kind === "decl" ? { name: target.decl.name, args: [], decl: target.decl, nullable: false } : this.plan.typer.typeOf(e.expression);
    return owner !== null && findMember(this.plan.file.mods, owner, e.name.text, target?.kind === "decl")?.kind === "field";
  }

  /** `this` as a closure's body reaches it (its creator's object), for `super.m(…)` there. */
  private closureThis(c: ts.CallExpression): string {
    if (this.plan.thisPath) return `${F}.${this.plan.thisPath}`;
    this.plan.error(c, "ASYNC_SYNTAX", messages.closureThis());
    return "this";
  }

  /** The text of a call given its evaluated receiver and arguments, as the call plan rewrites it. */
  callText(c: ts.CallExpression, receiver: string | null, args: string[]): string {
    const plan = this.plan.calls.get(c);
    const list = args.join(", ");
    if (!plan) {
      const callee = c.expression;
      if (ts.isPropertyAccessExpression(callee)) {
        const obj = receiver ?? this.em.expr(callee.expression);
        return `${obj}${callee.questionDotToken ? "?." : "."}${callee.name.text}${this.typeArgs(c)}(${list})`;
      }
      return `${this.em.expr(callee)}${this.typeArgs(c)}(${list})`;
    }
    switch (plan.kind) {
      case "frame":
        return `${F}.${plan.field}.start(${list})`;
      case "method":
      case "dynamic": {
        // super.m(…) runs on the owner: `this` in a method's poll function, the captured `this` in a closure's.
        const owner = receiver ?? (this.plan.fn.kind === "closure" ? this.closureThis(c) : "this");
        return `${F}.${plan.field}.start(${[owner, ...args].join(", ")})`;
      }
      case "factory":
        return `${F}.${plan.field}.${plan.method}(${list})`;
      case "format":
        return plan.render(receiver, args);
      case "closure": {
        const callee = receiver ?? this.em.expr(c.expression);
        const at = `textOf(${JSON.stringify(plan.at)})`;
        if (plan.site) return `${F}.${plan.site.field}.start(${[`changetype<${plan.site.fn.name}>(${callee})`, at, ...args].join(", ")})`;
        return `${callee}.call(${[...args, at].join(", ")})`;
      }
    }
  }

  private typeArgs(c: ts.CallExpression): string {
    if (!c.typeArguments?.length) return "";
    return `<${c.typeArguments.map((t) => this.plan.file.typeText(t)).join(", ")}>`;
  }
}
