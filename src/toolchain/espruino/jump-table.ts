/**
 * Plans the rewrite of wasm2js's `br_table` shape into one switch (labels.ts,
 * jumpTable), or says it does not apply (null: the labels are then removed
 * the general way, with a `do … while (0)` and a dispatch per block).
 *
 * The shape: labelled blocks nested as a chain, the innermost holding a
 * switch whose every clause only jumps (`break` to a block of the chain),
 * optionally inside an `if` with code after it:
 *
 *   a: {                       segment numbers: a break to
 *     b: {                       a  leaves the chain (null)
 *       c: {                     b  lands on segment 2 (Z)
 *         P;                     c  lands on segment 1 (Y)
 *         if (G) {               and the code after the `if`, R, is segment 0,
 *           switch (x) { … }     run when G is false
 *         }
 *         R;
 *       } Y;
 *     } Z;
 *   }
 *
 * The switch becomes `switch (G ? x : 0.5)` (no int32 equals 0.5) whose
 * cases are the segments in order, each under the values that jumped to
 * it. It applies when Espruino can run that switch and the jumps inside
 * the segments can be kept: nothing before the switch jumps into the
 * chain; `default` lands on the last segment, or on one that neither
 * falls into the next nor is fallen into (it moves last); a jump from a
 * segment lands on the chain's end, on the segment that follows it in the
 * switch, or on the last segment, when that is a few statements that jump
 * nowhere in the chain (they are repeated at the jump).
 *
 * Called by labels.ts only; pure (reads the statements, builds nothing they share).
 */
import { type Expr, type Stmt, childStatements } from "./ast.ts";

export interface TablePlan {
  /** The outermost block's labels: a `break` to one leaves the switch. */
  labels: string[];
  /** What runs before the switch, in order (no jump into the chain). */
  before: Stmt[];
  disc: Expr;
  /** Code by segment number (0: the code after a guarding `if`, empty without one). */
  segments: Stmt[][];
  /** Segment numbers in the order their cases are written. */
  order: number[];
  /** Case values by segment number. */
  values: Expr[][];
  /** The segment `default` lands on, or null when it leaves the chain. */
  defaultSegment: number | null;
  /** The inner blocks: where a `break` to each lands (a segment number). */
  links: { labels: string[]; segment: number }[];
  /** By segment number: whether a jump in it lands on the next case, so it needs a `do … while (0)` to leave. */
  wrap: boolean[];
}

/** Most statements the last segment may have to be repeated at a jump. */
const REPEAT = 3;
/** A value no int32 equals: the case of the code after a guarding `if`. */
const GUARDED: Expr = { k: "num", value: 0.5 };

type Switch = Extract<Stmt, { k: "switch" }>;

export function jumpTablePlan(outer: string[], body: Stmt[]): TablePlan | null {
  // The chain, outermost first: each block's statements before and after the next.
  const chain: { labels: string[]; prefix: Stmt[]; rest: Stmt[] }[] = [];
  let current = { labels: outer, body };
  for (;;) {
    const at = current.body.findIndex((s) => innerBlock(s) !== null);
    if (at < 0) break;
    const next = innerBlock(current.body[at]!)!;
    chain.push({ labels: current.labels, prefix: current.body.slice(0, at), rest: current.body.slice(at + 1) });
    current = next;
  }
  const n = chain.length + 1;
  if (n < 2) return null;
  const innermost = current;
  // Segment of a break to chain block k (0 the outermost): null leaves.
  const landing = new Map<string, number | null>();
  chain.forEach((c, k) => c.labels.forEach((l) => landing.set(l, k === 0 ? null : n - k)));
  innermost.labels.forEach((l) => landing.set(l, 1));

  // The switch of jumps, last in the innermost block or alone in an `if` there.
  const at = innermost.body.findIndex((s) => jumpsInto(s, landing));
  if (at < 0) return null;
  const pre = innermost.body.slice(0, at);
  const head = innermost.body[at]!;
  let sw: Switch;
  let guard: Expr | null = null;
  const rest = innermost.body.slice(at + 1);
  if (head.k === "switch" && rest.length === 0) sw = head;
  else if (head.k === "if" && head.else === null && onlySwitch(head.then)) {
    sw = onlySwitch(head.then)!;
    guard = head.test;
  } else return null;

  const segments: Stmt[][] = [guard ? rest : []];
  for (let s = 1; s < n; s++) segments.push(chain[n - 1 - s]!.rest);
  const before = [...chain.flatMap((c) => c.prefix), ...pre];
  if (before.some((s) => jumpsInto(s, landing))) return null;

  // Where each clause of the switch lands (an empty clause falls into the next; past the last, after the switch).
  const after = guard ? 0 : 1;
  const values: Expr[][] = segments.map(() => []);
  let defaultSegment: number | null = after;
  let next: number | null = after;
  const targets: (number | null)[] = [];
  for (let i = sw.cases.length - 1; i >= 0; i--) {
    const c = sw.cases[i]!;
    if (c.body.length > 0) {
      const only = c.body[0]!;
      if (c.body.length !== 1 || only.k !== "break" || only.label === null || !landing.has(only.label)) return null;
      next = landing.get(only.label)!;
    }
    targets[i] = next;
  }
  sw.cases.forEach((c, i) => {
    if (c.test === null) defaultSegment = targets[i]!;
  });
  for (let i = 0; i < sw.cases.length; i++) {
    const c = sw.cases[i]!;
    if (c.test === null || targets[i] === defaultSegment) continue; // `default` takes it
    if (targets[i] === null) return null; // a value that leaves while `default` does not
    values[targets[i]!]!.push(c.test);
  }

  // The order of the cases: the segments as the blocks end, `default`'s last.
  const order = guard ? [0] : [];
  for (let s = 1; s < n; s++) order.push(s);
  if (guard) values[0]!.push(GUARDED);
  if (defaultSegment !== null && order[order.length - 1] !== defaultSegment) {
    const d: number = defaultSegment;
    const at = order.indexOf(d);
    const fallenInto = at > 0 ? !endsInJump(segments[order[at - 1]!]!) : false;
    if (fallenInto || !endsInJump(segments[d]!)) return null;
    // What was last ends the chain there rather than fall into `default`'s code.
    const end = order[order.length - 1]!;
    if (!endsInJump(segments[end]!)) segments[end] = [...segments[end]!, { k: "break", label: outer[0]! }];
    order.splice(at, 1);
    order.push(d);
  }

  // Each jump inside a segment: to the end, to the next case, or to the last segment repeated.
  const last = n - 1;
  const repeatable =
    segments[last]!.length <= REPEAT && !segments[last]!.some((s) => hasLabel(s) || chainBreaks(s, landing).some((l) => landing.get(l) !== null));
  const wrap = segments.map(() => false);
  /** Segments a jump enters by falling into them from the case before. */
  const fallenInto = new Set<number>();
  for (const [i, seg] of order.entries()) {
    const code = segments[seg]!;
    // A jump to the next case as the segment's last statement is where the segment ends anyway.
    const tail = code[code.length - 1];
    if (tail?.k === "break" && tail.label !== null && landing.has(tail.label) && landing.get(tail.label) === order[i + 1]) {
      segments[seg] = code.slice(0, -1);
      fallenInto.add(order[i + 1]!);
    }
    for (const s of segments[seg]!) {
      for (const label of chainBreaks(s, landing)) {
        const to = landing.get(label)!;
        if (to === null) continue;
        if (order[i + 1] === to) {
          wrap[seg] = true;
          fallenInto.add(to);
        } else if (!(to === last && repeatable && seg !== last)) return null;
      }
    }
  }
  // The last segment when only repeated copies of it run: no value, not `default`, nothing falls into it.
  const lastAt = order.indexOf(last);
  if (lastAt > 0 && values[last]!.length === 0 && defaultSegment !== last && !fallenInto.has(last) && endsInJump(segments[order[lastAt - 1]!]!)) {
    order.splice(lastAt, 1);
  }
  return {
    labels: outer,
    before,
    disc: guard ? { k: "cond", test: guard, then: sw.disc, else: GUARDED } : sw.disc,
    segments,
    order,
    values,
    defaultSegment,
    links: chain.slice(1).map((c, i) => ({ labels: c.labels, segment: n - (i + 1) })).concat([{ labels: innermost.labels, segment: 1 }]),
    wrap,
  };
}

/** A deep copy (a repeated segment must not share nodes with the original). */
export function clone<T>(x: T): T {
  return structuredClone(x);
}

/** `L: { … }` (one or more labels on a block) as its labels and statements. */
function innerBlock(s: Stmt): { labels: string[]; body: Stmt[] } | null {
  const labels: string[] = [];
  let body = s;
  while (body.k === "label") {
    labels.push(body.label);
    body = body.body;
  }
  return labels.length > 0 && body.k === "block" ? { labels, body: body.body } : null;
}

/** The switch a statement is, alone (possibly in a block). */
function onlySwitch(s: Stmt): Switch | null {
  if (s.k === "switch") return s;
  if (s.k === "block" && s.body.length === 1) return onlySwitch(s.body[0]!);
  return null;
}

/** Whether `s` can only end by jumping (so it never falls into what follows). */
function endsInJump(body: Stmt[]): boolean {
  const s = body[body.length - 1];
  if (!s) return false;
  if (s.k === "return" || s.k === "throw" || s.k === "break" || s.k === "continue") return true;
  if (s.k === "block") return endsInJump(s.body);
  // wasm2js's `unreachable`: module.ts makes it throw.
  return s.k === "expr" && s.expr.k === "call" && s.expr.callee.k === "id" && s.expr.callee.name === "wasm2js_trap";
}

function jumpsInto(s: Stmt, landing: Map<string, number | null>): boolean {
  return chainBreaks(s, landing).length > 0;
}

/** Labels of the chain that `break` statements in `s` name. */
function chainBreaks(s: Stmt, landing: Map<string, number | null>): string[] {
  if (s.k === "break") return s.label !== null && landing.has(s.label) ? [s.label] : [];
  return childStatements(s).flatMap((x) => chainBreaks(x, landing));
}

function hasLabel(s: Stmt): boolean {
  return s.k === "label" || childStatements(s).some(hasLabel);
}
