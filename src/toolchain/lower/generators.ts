/**
 * The classes of generators, after the file (file.ts writes their state
 * machines in place, like async functions'; emit.ts and values.ts lower
 * `yield` and `yield*`):
 *
 *   function* evens(limit: i32): Generator<i32>
 *     → class evens$Gen extends Iter<i32>          (src/runtime/iter.ts)
 *         start(limit): evens$Gen                   a call site's generator, ready
 *         next(): evens$Gen                         runs to the next yield: done, value
 *         close(): evens$Gen                        ends it early: its finally blocks run
 *
 *   async function* ticks(n: i32): AsyncGenerator<i32>
 *     → class ticks$Gen implements Stream<i32>     (hal/stream.ts)
 *         next(): StreamNext<i32>                   its one next-item future (ticks$Gen$Next), re-armed:
 *                                                   runs the generator to its next yield (ITEM),
 *                                                   its end (END) or a throw (failure())
 *         close(): StreamNext<i32>                  ends it early; the future completes once its
 *                                                   finally blocks (which may await) have run
 *
 * A generator's frame is its object: one per call site, made with the frame
 * that calls it (no allocation after init). `$ret` keeps what it returns
 * (the value of `yield*`). Cancelling a `next()` in flight cancels what the
 * generator awaits, then runs its finally blocks, as for any async call.
 */
import type { AwaitState } from "./emit.ts";
import type { FileCtx } from "./file.ts";
import { cancelMethod, chainMethods, fieldText, type Param } from "./frames.ts";
import type { Plan } from "./plan.ts";
import { isVoid, zeroOf } from "./types.ts";

export function generatorClasses(file: FileCtx, plan: Plan, states: AwaitState[], params: Param[], poll: string): string {
  const fn = plan.fn;
  const item = fn.value ? file.render(fn.value) ?? "i32" : "i32";
  const self = fn.frame;
  const lines: string[] = [];
  const async = fn.kind === "asyncGenerator";
  const base = async ? `implements ${file.halName("stream", "Stream")}<${item}>` : `extends ${file.runtimeName("Iter")}<${item}>`;
  lines.push(`@final ${fn.exported ? "export " : ""}class ${self} ${base} {`);
  lines.push(`  $state: i32 = -1;`);
  if (plan.mayFail) lines.push(`  $error: Error | null = null;`);
  const returns = fn.returns && !isVoid(fn.returns) ? fn.returns : null;
  if (returns) {
    const t = file.render(returns) ?? "i32";
    lines.push(`  $ret: ${t} = ${zeroOf(returns) ?? `${file.runtimeName("zeroOf")}<${t}>()`};`);
  }
  if (async) lines.push(`  $next: ${self}$Next = new ${self}$Next();`);
  for (const f of plan.fields) lines.push("  " + fieldText(file, f));
  const sig = params.map((p) => `${p.name}: ${p.type}${p.init !== undefined ? " = " + p.init : ""}`).join(", ");
  const sets = params.map((p) => `this.${p.field} = ${p.name}; `).join("");
  const busy = `if (this.$state > 0) ${file.runtimeName("panicWith")}(${file.runtimeName("PanicCode")}.BUSY, ${JSON.stringify(`generator ${fn.display} was called again at a call site whose previous generator is still running: finish (or close) it first`)}); `;
  const reset = async ? `${plan.mayFail ? "this.$error = null; " : ""}this.$next.$g = this; ` : "this.done = false; ";
  lines.push(`  start(${sig}): ${self} { ${busy}${sets}${reset}this.$state = 0; return this; }`);
  lines.push(`  poll(): bool { return ${poll}(this); }`);
  lines.push(...chainMethods(file, states));
  if (async) {
    const next = `${file.halName("stream", "StreamNext")}<${item}>`;
    lines.push(`  next(): ${next} { return this.$next.arm(); }`);
    lines.push(`  close(): ${next} { this.cancel(); return this.$next.arm(); }`);
    lines.push(cancelMethod(states));
    lines.push(`  pollCancel(): bool { return this.$state < 0 || this.poll(); }`);
  } else {
    // As JavaScript's: the result that says done holds what the generator returned (when that is an item's type),
    // else no value (the item type's zero), never the last item again.
    const zero = (fn.value && zeroOf(fn.value)) ?? `${file.runtimeName("zeroOf")}<${item}>()`;
    const ended = returns && file.render(returns) === item ? "this.$ret" : zero;
    lines.push(`  next(): ${self} { if (this.$state < 0) { this.done = true; this.value = ${zero}; return this; } if (this.poll()) { this.done = true; this.value = ${ended}; } return this; }`);
    lines.push(`  close(): ${self} { this.cancel(); this.done = true; return this; }`);
    lines.push(cancelMethod(states));
  }
  lines.push(`}`);
  if (async) lines.push(nextClass(file, self, item, plan.mayFail));
  return lines.join("\n");
}

/** An async generator's next-item future: polling it runs the generator. */
function nextClass(file: FileCtx, gen: string, item: string, mayFail: boolean): string {
  const status = file.halName("stream", "StreamStatus");
  const opIdle = file.halName("op", "OpState");
  return [
    `@final export class ${gen}$Next extends ${file.halName("stream", "StreamNext")}<${item}> {`,
    `  $g: ${gen} = ${file.runtimeName("zeroOf")}<${gen}>();`,
    `  arm(): ${gen}$Next { this.begin(); return this; }`,
    `  poll(): bool { return this.$g.poll(); }`,
    `  end(): bool { return this.stop(${status}.END); }`,
    ...(mayFail ? [`  failure(): Error | null { return this.$g.$error; }`] : []),
    `  cancel(): void { if (!this.busy) return; this.opState = ${opIdle}.IDLE; this.$g.cancel(); }`,
    `  pollCancel(): bool { return this.$g.pollCancel(); }`,
    `  awaitSite(): i32 { return this.$g.awaitSite(); }`,
    `  awaiting(): ${file.runtimeName("Future")} | null { return this.$g.awaiting(); }`,
    `}`,
  ].join("\n");
}
