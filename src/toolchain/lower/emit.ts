/**
 * Writes the poll function of one async function from its plan (plan.ts):
 *
 *   while (true) switch ($f.$state) {
 *     case 0: …straight-line code…
 *             $f.$a0 = uart.read(buf); $f.$state = 1;
 *     case 1: if (!$f.$a0.poll()) { $site(7); return false; }
 *             $f.n = $f.$a0.value; …
 *             $f.$state = -1; return true;          (completed)
 *     default: return true;
 *   }
 *
 * States: 0 = started, > 0 = resume points and jump targets, -1 = idle or
 * done. A jump is `$f.$state = L; continue;`. Flattened statements become
 * labels and jumps; everything else is copied verbatim, so each original
 * line keeps its line number (layout.ts).
 *
 * try/finally: each try has a completion field `$jN`: -1 normal, -2 return
 * (value already in `$f.value`), -3 cancel, or the label of a break/continue
 * target. The end of the finally block dispatches on it, passing returns,
 * cancels and far jumps on to the enclosing finally.
 */
import ts from "typescript";
import { Out, rewrite, type Visit } from "./layout.ts";
import { FRAME as F, type Plan, type Site } from "./plan.ts";
import { isReference, jumpTarget } from "./syntax.ts";
import { isVoid } from "./types.ts";

const DONE = -1;
const J_NORMAL = -1;
const J_RETURN = -2;
export const J_CANCEL = -3;

interface Entry {
  kind: "loop" | "switch" | "try";
  node: ts.Node;
  brk?: number;
  cont?: number;
  fin?: number;
  field?: string;
  /** try: jump targets that pass through this finally, with the stack depth of their owner. */
  targets?: Map<number, number>;
}

/** An await's state: the slot to cancel and the innermost enclosing try (its completion field and finally label). */
export interface AwaitState {
  state: number;
  field: string;
  tryField?: string;
  fin?: number;
}

export class Emitter {
  readonly out = new Out();
  private label = 0;
  private stack: Entry[] = [];
  private sf: ts.SourceFile;
  private awaitValue = new Map<ts.AwaitExpression, string>();
  readonly states: AwaitState[] = [];

  constructor(readonly plan: Plan) {
    this.sf = plan.fn.module.sf;
  }

  emitBody(): void {
    const body = this.plan.body;
    if (ts.isBlock(body)) {
      for (const s of body.statements) this.stmt(s);
      this.out.add(this.complete(), body.end - 1);
    } else {
      this.out.add("", body.getStart());
      this.awaitSeq(body);
      this.out.add(this.returnWith(this.expr(body)));
    }
  }

  // ─── pieces ─────────────────────────────────────────────────────────────

  private next(): number {
    return ++this.label;
  }

  private goto(l: number): string {
    return ` ${F}.$state = ${l}; continue;`;
  }

  private caseOf(l: number): string {
    return ` case ${l}:`;
  }

  private complete(): string {
    return ` ${F}.$state = ${DONE}; return true;`;
  }

  private innermostTry(): Entry | undefined {
    for (let i = this.stack.length - 1; i >= 0; i--) if (this.stack[i]!.kind === "try") return this.stack[i];
    return undefined;
  }

  private returnWith(value: string | null): string {
    const set = value !== null && this.plan.fn.value && !isVoid(this.plan.fn.value) ? ` ${F}.value = ${value};` : value ? ` ${value};` : "";
    const t = this.innermostTry();
    return t ? `${set} ${F}.${t.field} = ${J_RETURN};${this.goto(t.fin!)}` : set + this.complete();
  }

  /** The rewriting used everywhere: names, async calls, factories, awaits already sequenced, Promise types. */
  readonly visit: Visit = (n) => {
    const plan = this.plan;
    if (ts.isAwaitExpression(n)) return this.awaitValue.get(n) ?? "0";
    if (ts.isIdentifier(n)) {
      const b = plan.refOf.get(n);
      if (!b || !isReference(n)) return undefined;
      const name = b.field !== undefined ? `${F}.${b.field}` : b.rename;
      if (name === undefined) return undefined;
      return ts.isShorthandPropertyAssignment(n.parent) ? `${n.text}: ${name}` : name;
    }
    if (ts.isCallExpression(n)) {
      const call = plan.calls.get(n);
      if (!call) return undefined;
      const args = n.arguments.map((a) => rewrite(a, this.sf, this.visit)).join(", ");
      return call.kind === "frame" ? `${F}.${call.field}.start(${args})` : `${F}.${call.field}.${call.method}(${args})`;
    }
    if (ts.isReturnStatement(n)) {
      return `{${this.returnWith(n.expression ? rewrite(n.expression, this.sf, this.visit) : null)} }`;
    }
    if (ts.isTypeReferenceNode(n)) return plan.file.promiseType(n, this.visit);
    return undefined;
  };

  private expr(e: ts.Node): string {
    return rewrite(e, this.sf, this.visit);
  }

  /** Emits each await of `e` in evaluation order: arm the slot, then the state where it is polled. */
  private awaitSeq(e: ts.Node | undefined): void {
    if (!e) return;
    const order: ts.AwaitExpression[] = [];
    const walk = (n: ts.Node) => {
      if (ts.isFunctionLike(n)) return;
      ts.forEachChild(n, walk);
      if (ts.isAwaitExpression(n)) order.push(n);
    };
    walk(e);
    for (const a of order) {
      const site = this.plan.sites.get(a);
      if (!site) continue;
      const arm = site.callSlot ? `${this.expr(a.expression)};` : `${F}.${site.field} = ${this.expr(a.expression)};`;
      this.out.add(" " + arm);
      this.park(site);
      this.awaitValue.set(a, `${F}.${site.field}.value`);
    }
  }

  /** `$state = L; case L: if (!slot.poll()) return false;` with the site report. */
  private park(site: Site): void {
    const l = this.next();
    const t = this.innermostTry();
    this.states.push({ state: l, field: site.field, tryField: t?.field, fin: t?.fin });
    const report = site.generated ? "" : ` $site(${site.id});`;
    this.out.add(` ${F}.$state = ${l};${this.caseOf(l)}`);
    if (site.abstract && report) this.out.add(`${report} if (!${F}.${site.field}.poll()) return false;`);
    else this.out.add(` if (!${F}.${site.field}.poll()) {${report} return false; }`);
  }

  // ─── statements ─────────────────────────────────────────────────────────

  private stmt(s: ts.Statement): void {
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
      this.awaitSeq(s.expression);
      let e: ts.Expression = s.expression;
      while (ts.isParenthesizedExpression(e)) e = e.expression;
      if (!ts.isAwaitExpression(e)) this.out.add(` ${this.expr(s.expression)};`);
    } else if (ts.isReturnStatement(s)) {
      this.awaitSeq(s.expression);
      this.out.add(this.returnWith(s.expression ? this.expr(s.expression) : null));
    } else if (ts.isIfStatement(s)) {
      this.ifStatement(s);
    } else if (ts.isWhileStatement(s)) {
      const lc = this.next(), lend = this.next();
      this.out.add(this.caseOf(lc));
      this.awaitSeq(s.expression);
      this.out.add(` if (!(${this.expr(s.expression)})) {${this.goto(lend)} }`);
      this.loopBody(s, s.statement, lend, lc);
      this.out.add(this.goto(lc) + this.caseOf(lend));
    } else if (ts.isDoStatement(s)) {
      const lb = this.next(), lc = this.next(), lend = this.next();
      this.out.add(this.caseOf(lb));
      this.loopBody(s, s.statement, lend, lc);
      this.out.add(this.caseOf(lc));
      this.awaitSeq(s.expression);
      this.out.add(` if (${this.expr(s.expression)}) {${this.goto(lb)} }${this.caseOf(lend)}`);
    } else if (ts.isForStatement(s)) {
      this.forStatement(s);
    } else if (ts.isForOfStatement(s) && s.awaitModifier) {
      this.forAwait(s);
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
      this.awaitSeq(d.initializer);
      const b = ts.isIdentifier(d.name) ? this.plan.bindings.find((x) => x.decl === d) : undefined;
      if (!b) continue;
      if (b.field !== undefined) {
        const zero = this.plan.fields.find((f) => f.name === b.field)?.init;
        const value = d.initializer ? this.expr(d.initializer) : zero;
        if (value) this.out.add(` ${F}.${b.field} = ${value};`);
      } else {
        const type = d.type ? `: ${this.plan.file.typeText(d.type)}` : "";
        const init = d.initializer ? ` = ${this.expr(d.initializer)}` : "";
        this.out.add(` ${d.initializer ? keyword : "let"} ${b.rename ?? b.name}${type}${init};`);
      }
    }
  }

  private ifStatement(s: ts.IfStatement): void {
    const lelse = this.next(), lend = s.elseStatement ? this.next() : lelse;
    this.awaitSeq(s.expression);
    this.out.add(` if (!(${this.expr(s.expression)})) {${this.goto(lelse)} }`);
    this.stmt(s.thenStatement);
    if (s.elseStatement) {
      this.out.add(this.goto(lend) + this.caseOf(lelse));
      this.stmt(s.elseStatement);
    }
    this.out.add(this.caseOf(lend));
  }

  private loopBody(loop: ts.Node, body: ts.Statement, brk: number, cont: number): void {
    this.stack.push({ kind: "loop", node: loop, brk, cont });
    this.stmt(body);
    this.stack.pop();
  }

  private forStatement(s: ts.ForStatement): void {
    if (s.initializer) {
      if (ts.isVariableDeclarationList(s.initializer)) this.declarations(s.initializer);
      else {
        this.awaitSeq(s.initializer);
        this.out.add(` ${this.expr(s.initializer)};`);
      }
    }
    const lc = this.next(), lend = this.next();
    let cont = lc;
    if (s.incrementor) {
      cont = this.next();
      this.out.add(this.goto(lc) + this.caseOf(cont));
      this.awaitSeq(s.incrementor);
      this.out.add(` ${this.expr(s.incrementor)};`);
    }
    this.out.add(this.caseOf(lc));
    if (s.condition) {
      this.awaitSeq(s.condition);
      this.out.add(` if (!(${this.expr(s.condition)})) {${this.goto(lend)} }`);
    }
    this.loopBody(s, s.statement, lend, cont);
    this.out.add(this.goto(cont) + this.caseOf(lend));
  }

  /** `for await (const x of stream)`: next() until END; error statuses (< 0) are skipped. */
  private forAwait(s: ts.ForOfStatement): void {
    const site = this.plan.sites.get(s);
    if (!site) return;
    const ln = this.next(), lend = this.next();
    const slot = `${F}.${site.field}`;
    const status = this.plan.file.halName("stream", "StreamStatus");
    this.out.add(`${this.caseOf(ln)} ${slot} = ${this.expr(s.expression)}.next();`);
    this.park(site);
    this.out.add(` if (${slot}.status == ${status}.END) {${this.goto(lend)} } if (${slot}.status != ${status}.ITEM) {${this.goto(ln)} }`);
    const decl = ts.isVariableDeclarationList(s.initializer) ? s.initializer.declarations[0] : undefined;
    const b = decl ? this.plan.bindings.find((x) => x.decl === decl) : undefined;
    if (b?.field !== undefined) this.out.add(` ${F}.${b.field} = ${slot}.value;`);
    else if (b) this.out.add(` const ${b.rename ?? b.name} = ${slot}.value;`);
    else this.out.add(` ${this.expr(s.initializer)} = ${slot}.value;`);
    this.loopBody(s, s.statement, lend, ln);
    this.out.add(this.goto(ln) + this.caseOf(lend));
  }

  private switchStatement(s: ts.SwitchStatement): void {
    this.awaitSeq(s.expression);
    const lend = this.next();
    const d = `$sw${lend}`;
    this.out.add(` const ${d} = ${this.expr(s.expression)};`);
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
    const field = this.plan.tries.get(s);
    if (!field || !s.finallyBlock) {
      this.stmt(s.tryBlock);
      return;
    }
    const fin = this.next();
    const outer = this.innermostTry();
    const entry: Entry = { kind: "try", node: s, fin, field, targets: new Map() };
    this.stack.push(entry);
    this.stmt(s.tryBlock);
    this.stack.pop();
    this.out.add(` ${F}.${field} = ${J_NORMAL};${this.caseOf(fin)}`);
    this.out.add("", s.finallyBlock.getStart(this.sf));
    for (const st of s.finallyBlock.statements) this.stmt(st);
    // Dispatch on how the try block was left.
    const j = `${F}.${field}`;
    let dispatch = ` if (${j} != ${J_NORMAL}) {`;
    const passOn = (what: string) => (outer ? ` ${F}.${outer.field} = ${what};${this.goto(outer.fin!)}` : this.complete());
    dispatch += ` if (${j} == ${J_RETURN} || ${j} == ${J_CANCEL}) {${passOn(j)} }`;
    for (const [target, ownerDepth] of entry.targets!) {
      if (outer && ownerDepth < this.stack.indexOf(outer)) {
        outer.targets!.set(target, ownerDepth);
        dispatch += ` if (${j} == ${target}) {${passOn(String(target))} }`;
      }
    }
    dispatch += ` ${F}.$state = ${j}; continue; }`;
    this.out.add(dispatch);
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
    let crossed: Entry | undefined;
    for (let i = this.stack.length - 1; i > idx; i--) if (this.stack[i]!.kind === "try") { crossed = this.stack[i]; break; }
    if (!crossed) {
      this.out.add(this.goto(l));
      return;
    }
    crossed.targets!.set(l, idx);
    this.out.add(` ${F}.${crossed.field} = ${l};${this.goto(crossed.fin!)}`);
  }
}
