/**
 * Removes labelled statements (Espruino has no `label:`, no `break label`,
 * no `continue label`), keeping the control flow exactly.
 *
 * Called by the bundler on every function of the translated firmware.
 *
 * How: every construct a jump can leave is a "context": loops, switches,
 * and labelled blocks, which become `do { … } while (0)` so that a plain
 * `break` leaves them. A jump whose target is the innermost context (for
 * `continue`: the innermost loop-like one) stays a plain `break`/`continue`.
 * Any other jump stores a code in the function's flag variable and breaks
 * out of the innermost context; right after each context that such a jump
 * can leave, a dispatch looks at the flag and either finishes the jump
 * (clears the flag, then `break`/`continue` here) or passes it on with
 * another `break`:
 *
 *   a: while (1) {                  while (1) {
 *     switch (x) {                    switch (x) {
 *       case 0: break a;        →       case 0: j = 1; break;
 *     }                               }
 *     f();                            if (j) { j = 0; break; }
 *   }                                 f();
 *                                   }
 *
 * Switches whose `default` is not last become blocks too (Espruino takes
 * `default` only as the last clause; see switchAsBlock).
 *
 * A chain of labelled blocks that a switch of jumps enters (wasm2js's shape
 * for `br_table`) becomes one switch whose cases are the code each jump
 * lands on, falling through as the blocks end (see jumpTable): Espruino
 * walks every token of a function it runs, skipped or not, and the nested
 * blocks with a dispatch after each cost twice what the one switch costs.
 *
 * Invariant: the flag is 0 whenever no jump is in flight, so it needs no
 * reset between calls; a labelled block that no `break` names is unwrapped.
 */
import { type Case, type Expr, type Stmt, childStatements } from "./ast.ts";
import { type TablePlan, clone, jumpTablePlan } from "./jump-table.ts";

/**
 * "swblock": a switch rewritten as a block (switchAsBlock): plain `break` leaves it, `continue` does not pass it.
 * "table": the switch a jump table becomes (jumpTable), which no unlabelled jump of the source targets;
 * "link": an inner block of its chain, never on the stack: a `break` to it goes where `lands` says.
 */
type Kind = "loop" | "switch" | "block" | "swblock" | "table" | "link";

interface Context {
  labels: string[];
  kind: Kind;
  /** Flag codes of jumps that leave this context on their way out. */
  pending: Set<number>;
  /** A table's inner blocks. */
  links?: Context[];
  /** A link's landing: the statements a `break` to it is replaced by (they end by leaving the table or a segment). */
  lands?: (ctx: Context[]) => Stmt[];
  /** Whether some jump targets this context (a segment of a table is wrapped in `do … while (0)` only then). */
  used?: boolean;
}

interface Jump {
  target: Context;
  kind: "break" | "continue";
}

const FLAG = "$lj";

/** The function body without labels; declares the flag variable if a jump needs it. */
export function removeLabels(body: Stmt[]): Stmt[] {
  const state = new State();
  const out = state.list(body, []);
  const decls = [...(state.jumps.length > 0 ? [FLAG] : []), ...state.temps].map((name) => ({ name, init: { k: "num" as const, value: 0 } }));
  return decls.length > 0 ? [{ k: "var", decls }, ...out] : out;
}

class State {
  /** Jump by flag code - 1. */
  readonly jumps: Jump[] = [];
  /** Variables holding where a rewritten switch starts (switchAsBlock). */
  readonly temps: string[] = [];

  list(body: Stmt[], ctx: Context[]): Stmt[] {
    return body.flatMap((s) => {
      const out = this.stmt(s, ctx);
      // A block directly in a list adds nothing (the subset has no let/const).
      return out.length === 1 && out[0]!.k === "block" ? out[0]!.body : out;
    });
  }

  /** One statement (as a single statement, wrapped in a block if needed). */
  one(s: Stmt, ctx: Context[]): Stmt {
    const out = this.stmt(s, ctx);
    return out.length === 1 ? out[0]! : { k: "block", body: out };
  }

  stmt(s: Stmt, ctx: Context[], labels: string[] = []): Stmt[] {
    switch (s.k) {
      case "label":
        return this.labelled(s.body, ctx, [...labels, s.label]);
      case "while":
      case "do":
      case "for":
        return this.context(ctx, labels, "loop", (inner) => ({ ...s, body: this.one(s.body, inner) }));
      case "switch": {
        const d = s.cases.findIndex((c) => c.test === null);
        if (d >= 0 && d < s.cases.length - 1) return this.switchAsBlock(s, d, ctx, labels);
        return this.context(ctx, labels, "switch", (inner) => ({
          ...s,
          cases: s.cases.map((c) => ({ test: c.test, body: this.list(c.body, inner) })),
        }));
      }
      case "block":
        return [{ k: "block", body: this.list(s.body, ctx) }];
      case "if":
        return [{ ...s, then: this.one(s.then, ctx), else: s.else && this.one(s.else, ctx) }];
      case "try":
        return [{
          ...s,
          block: this.list(s.block, ctx),
          handler: s.handler && this.list(s.handler, ctx),
          finalizer: s.finalizer && this.list(s.finalizer, ctx),
        }];
      case "break":
      case "continue":
        return this.jump(s.k, this.target(s.k, s.label, ctx), ctx);
      default:
        return [s];
    }
  }

  private labelled(body: Stmt, ctx: Context[], labels: string[]): Stmt[] {
    if (body.k === "label") return this.labelled(body.body, ctx, [...labels, body.label]);
    if (body.k === "while" || body.k === "do" || body.k === "for" || body.k === "switch") return this.stmt(body, ctx, labels);
    if (!labels.some((l) => breaks(body, l))) return this.stmt(body, ctx);
    const inner = body.k === "block" ? body.body : [body];
    const table = jumpTablePlan(labels, inner);
    if (table) return this.jumpTable(table, ctx);
    return this.context(ctx, labels, "block", (c) => ({
      k: "do",
      body: { k: "block", body: this.list(inner, c) },
      test: { k: "num", value: 0 },
    }));
  }

  /**
   * A switch whose `default` is not its last clause (wasm2js puts it first),
   * which Espruino cannot run: it only takes `default` as the last clause.
   * Clause i runs when the clause execution starts at is i or earlier:
   *
   *   switch (x) {            s = x; s = s === 1 ? 1 : s === 2 ? 2 : 0;
   *     default: A;      →    do { if (s <= 0) { A }
   *     case 1: B;                 if (s <= 1) { B }
   *     case 2: C;                 if (s <= 2) { C } } while (0)
   *   }
   *
   * A `break` in a clause leaves the do-while; fall-through is kept.
   */
  private switchAsBlock(s: Extract<Stmt, { k: "switch" }>, d: number, ctx: Context[], labels: string[]): Stmt[] {
    const start = `$ls${this.temps.length}`;
    this.temps.push(start);
    const v: Expr = { k: "id", name: start };
    let pick: Expr = { k: "num", value: d };
    for (let i = s.cases.length - 1; i >= 0; i--) {
      const test = s.cases[i]!.test;
      if (test) pick = { k: "cond", test: { k: "bin", op: "===", left: v, right: test }, then: { k: "num", value: i }, else: pick };
    }
    const assign = (value: Expr): Stmt => ({ k: "expr", expr: { k: "assign", op: "=", target: v, value } });
    const built = this.context(ctx, labels, "swblock", (inner) => ({
      k: "do",
      body: {
        k: "block",
        body: s.cases.map((c, i): Stmt => ({
          k: "if",
          test: { k: "bin", op: "<=", left: v, right: { k: "num", value: i } },
          then: { k: "block", body: this.list(c.body, inner) },
          else: null,
        })),
      },
      test: { k: "num", value: 0 },
    }));
    return [assign(s.disc), assign(pick), ...built];
  }

  /**
   * A chain of labelled blocks entered through a switch of jumps (planned
   * by jumpTablePlan) as one switch on the same value, each case the code a
   * jump lands on, in the order the blocks end:
   *
   *   a: { b: { c: {                 switch (x) {
   *     switch (x) {                   case 1: { Y }          (falls through, as block b ends)
   *       case 1: break c;       →     case 2: { Z; break }
   *       case 2: break b;             default: { W }
   *       default: break d;          }
   *     }
   *   } Y; } Z; break a; } W…      (d: a block whose code, W, ends by leaving the chain)
   *
   * A `break` to the outermost block leaves the switch; one to a block
   * whose code comes next leaves its segment's `do … while (0)`; one to
   * the last block's code repeats that code (a few statements) and leaves.
   */
  private jumpTable(plan: TablePlan, ctx: Context[]): Stmt[] {
    const out = this.list(plan.before, ctx);
    const built = this.context(ctx, plan.labels, "table", (inner) => {
      const table = inner[inner.length - 1]!;
      // A segment's own context, when a jump in it lands on the next case: `break` leaves its `do … while (0)`.
      const segCtx = plan.segments.map((_, seg): Context | null => (plan.wrap[seg] ? { labels: [], kind: "block", pending: new Set() } : null));
      table.links = plan.links.map((l): Context => ({
        labels: l.labels,
        kind: "link",
        pending: new Set(),
        lands: (c) => {
          const here = segCtx.find((s) => s !== null && c.includes(s));
          if (here && plan.order[plan.order.indexOf(segCtx.indexOf(here)) + 1] === l.segment) return this.jump("break", here, c);
          // The last segment, repeated, then out (jumpTablePlan checked that it is short and jumps nowhere in the chain).
          const repeated = this.list(plan.segments[l.segment]!.map(clone), c);
          const end = repeated[repeated.length - 1]?.k;
          return end === "break" || end === "continue" || end === "return" || end === "throw" ? repeated : [...repeated, ...this.jump("break", table, c)];
        },
      }));
      const cases: Case[] = [];
      for (const seg of plan.order) {
        const own = segCtx[seg];
        let body = this.list(plan.segments[seg]!, own ? [...inner, own] : inner);
        if (own) body = [{ k: "do", body: { k: "block", body }, test: { k: "num", value: 0 } }, ...(own.pending.size > 0 ? [this.dispatch([...own.pending], inner)] : [])];
        const isDefault = plan.defaultSegment === seg;
        if (plan.values[seg]!.length === 0 && !isDefault && cases.length > 0) {
          cases[cases.length - 1]!.body.push(...body); // reached only by falling into it
          continue;
        }
        // Reached by nothing (no value lands on it): a value no int32 equals keeps it in place.
        const values = plan.values[seg]!.length > 0 || isDefault ? plan.values[seg]! : [{ k: "num" as const, value: 0.25 }];
        values.forEach((v) => cases.push({ test: v, body: [] }));
        if (isDefault) cases.push({ test: null, body: [] });
        cases[cases.length - 1]!.body.push(...body);
      }
      for (const c of cases) if (c.body.length > 0) c.body = [{ k: "block", body: c.body }];
      return { k: "switch", disc: plan.disc, cases };
    });
    return [...out, ...built];
  }

  /** Builds a context's construct, then the dispatch for jumps passing through it. */
  private context(ctx: Context[], labels: string[], kind: Kind, build: (inner: Context[]) => Stmt): Stmt[] {
    const me: Context = { labels, kind, pending: new Set() };
    const construct = build([...ctx, me]);
    if (me.pending.size === 0) return [construct];
    return [construct, this.dispatch([...me.pending], ctx)];
  }

  /** After a context: finish the jumps that end here, pass the others on. */
  private dispatch(codes: number[], ctx: Context[]): Stmt {
    const flag: Expr = { k: "id", name: FLAG };
    const finish: Stmt[] = [];
    let passOn = false;
    for (const code of codes.sort((a, b) => a - b)) {
      const jump = this.jumps[code - 1]!;
      if (this.direct(jump, ctx)) {
        const act: Stmt = { k: jump.kind, label: null };
        finish.push({
          k: "if",
          test: { k: "bin", op: "==", left: flag, right: { k: "num", value: code } },
          then: { k: "block", body: [{ k: "expr", expr: { k: "assign", op: "=", target: flag, value: { k: "num", value: 0 } } }, act] },
          else: null,
        });
      } else {
        ctx[ctx.length - 1]!.pending.add(code);
        passOn = true;
      }
    }
    const body: Stmt[] = [...finish];
    if (passOn) body.push({ k: "break", label: null });
    if (!passOn && finish.length === 1) {
      // The only jump that can arrive here: no need to compare the code.
      const only = finish[0] as Extract<Stmt, { k: "if" }>;
      return { k: "if", test: flag, then: only.then, else: null };
    }
    return { k: "if", test: flag, then: { k: "block", body }, else: null };
  }

  /** Whether a plain break/continue at this position reaches the jump's target. */
  private direct(jump: Jump, ctx: Context[]): boolean {
    if (jump.kind === "break") return ctx[ctx.length - 1] === jump.target;
    for (let i = ctx.length - 1; i >= 0; i--) {
      if (ctx[i]!.kind !== "switch" && ctx[i]!.kind !== "table") return ctx[i] === jump.target;
    }
    return false;
  }

  private jump(kind: "break" | "continue", target: Context, ctx: Context[]): Stmt[] {
    if (target.lands) return target.lands(ctx);
    target.used = true;
    const jump: Jump = { target, kind };
    if (this.direct(jump, ctx)) return [{ k: kind, label: null }];
    let code = this.jumps.findIndex((j) => j.target === target && j.kind === kind) + 1;
    if (code === 0) code = this.jumps.push(jump);
    ctx[ctx.length - 1]!.pending.add(code);
    const set: Stmt = { k: "expr", expr: { k: "assign", op: "=", target: { k: "id", name: FLAG }, value: { k: "num", value: code } } };
    return [set, { k: "break", label: null }];
  }

  /** The context a source-level break/continue names (JavaScript's own rules). */
  private target(kind: "break" | "continue", label: string | null, ctx: Context[]): Context {
    for (let i = ctx.length - 1; i >= 0; i--) {
      for (const c of [ctx[i]!, ...(ctx[i]!.links ?? [])]) {
        const unlabelled = kind === "break" ? c.kind === "loop" || c.kind === "switch" || c.kind === "swblock" : c.kind === "loop";
        if (label !== null ? c.labels.includes(label) : unlabelled) {
          if (kind === "continue" && c.kind !== "loop") throw new Error(`continue ${label} names a statement that is not a loop`);
          return c;
        }
      }
    }
    throw new Error(`${kind}${label ? " " + label : ""} outside any statement it could leave`);
  }
}

/** Whether `break label` occurs in `s` (not counting nested functions, which cannot jump out). */
function breaks(s: Stmt, label: string): boolean {
  return s.k === "break" ? s.label === label : childStatements(s).some((x) => breaks(x, label));
}
