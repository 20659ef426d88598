/**
 * The generated classes, appended at the end of the lowered file:
 *
 *   f$Future      extends Future / ValueFuture<T>   an async function's frame
 *   C$m           extends Future / ValueFuture<T>   an async method's frame (one per object)
 *   blink$Task    extends Task                      a task's frame
 *   blink$Spawner                                   the task's pool and typed spawn()
 *
 * A frame holds the parameters, the locals that live across awaits, one
 * slot per await and async call site, and `$state` (emit.ts). Every slot
 * that owns an object is created by a field initializer, so constructing
 * the frame (at init) allocates everything the function will ever use.
 *
 *   start(args)  stores the arguments, state 0; BUSY panic if a previous
 *                call on this frame is still parked at an await
 *   poll()       runs the poll function (in place of the source function)
 *   cancel()     cancels the child future it is parked on, then runs the
 *                finally blocks around that await (async drop)
 *   pollCancel() drives a cleanup that awaits (a finally block with await)
 *   failure()    the error the call completed with (functions that can throw)
 */
import { type AwaitState, J_CANCEL } from "./emit.ts";
import type { FileCtx } from "./file.ts";
import type { Field, Plan } from "./plan.ts";
import type { AsyncFn } from "./scan.ts";
import { classFieldBytes, isVoid, layout, sizeOf, type Ty } from "./types.ts";
import { typeArgsText, typeParamsText } from "./generics.ts";

export interface Param {
  name: string;
  field: string;
  type: string;
  init?: string;
}

/** Text of `extends …` for a frame resolving to `value`. */
function frameBase(file: FileCtx, fn: AsyncFn, value: Ty | null = fn.value): string {
  if (fn.kind === "task") return file.runtimeName("Task");
  return futureText(file, value);
}

/** `$Future` or `$ValueFuture<T>` for what a call resolves to. */
function futureText(file: FileCtx, v: Ty | null): string {
  return !v || isVoid(v) ? file.runtimeName("Future") : `${file.runtimeName("ValueFuture")}<${file.render(v) ?? "i32"}>`;
}

/**
 * A frame field. One without a zero of its own (a non-nullable reference: a
 * parameter, an await slot) starts as `zeroOf<T>()`, not as `name!: T`: the
 * state machine assigns it before any read, and asc would test every read
 * of a `!` field against null (and keep an abort message for it).
 */
export function fieldText(file: FileCtx, f: Field): string {
  const init = f.init ?? `${file.runtimeName("zeroOf")}<${f.type}>()`;
  return `${f.name}: ${f.type} = ${init};`;
}

/**
 * The poll function's name and where it lives: a method beside an async
 * method (`m$poll`), a static method beside a static one, else a function
 * at module level named after the frame (`f$Future` → `f$poll`).
 */
export function pollFunction(fn: AsyncFn): { name: string; place: "method" | "static" | "module" } {
  // Named after the class too: an override's poll method must not override its base's.
  if (fn.kind === "method") return { name: `${fn.frame}$poll`, place: "method" };
  if (fn.owner && fn.isStatic) return { name: `${fn.frame}$poll`, place: "static" };
  return { name: `${fn.frame.replace(/\$(Future|Task|Gen)$/, "")}$poll`, place: "module" };
}

/** Where the poll function lives, as called from the frame (with the function's own type arguments). */
function pollCall(fn: AsyncFn): string {
  const { name, place } = pollFunction(fn);
  const own = typeArgsText(fn.node.typeParameters);
  if (place === "method") return `this.$owner.${name}${own}(this)`;
  if (place === "static") return `${fn.owner!.name!.text}.${name}${own}(this)`;
  return `${name}${own}(this)`;
}

/**
 * The type parameters of a frame class: a method's class's, then the
 * function's own (`C$m<T, U>`); `decl` as declared, `use` by name.
 */
export function frameTypeParams(fn: AsyncFn): { decl: string; use: string; classUse: string } {
  const cls = fn.kind === "method" ? fn.owner?.typeParameters ?? [] : [];
  const all = [...cls, ...(fn.node.typeParameters ?? [])];
  return { decl: typeParamsText(all), use: typeArgsText(all), classUse: typeArgsText(cls) };
}

export function frameClass(file: FileCtx, plan: Plan, states: AwaitState[], params: Param[], extraPoll?: string, env: string | null = null): string {
  const fn = plan.fn;
  const tp = frameTypeParams(fn);
  const typeParams = tp.classUse;
  const self = fn.frame + tp.use;
  const lines: string[] = [];
  const closure = fn.kind === "closure";
  const exported = fn.exported || fn.kind === "method" || closure ? "export " : "";
  // @final: nothing extends a frame, so asc calls its methods directly (and may inline them).
  lines.push(`@final ${exported}class ${fn.frame}${tp.decl} extends ${frameBase(file, fn, closure ? plan.signature?.value ?? null : fn.value)} {`);
  lines.push(`  $state: i32 = -1;`);
  if (plan.mayFail) lines.push(`  $error: Error | null = null;`);
  const owner = fn.kind === "method" ? fn.owner!.name!.text + typeParams : null;
  if (owner) lines.push(`  $owner: ${owner} = ${file.runtimeName("zeroOf")}<${owner}>();`);
  if (closure) lines.push(`  $k: ${fn.name} = ${file.runtimeName("zeroOf")}<${fn.name}>();`, `  $at: usize = 0;`);
  // The creator's frame or environment, read once per call: the body's captured variables are `$f.$env.x`.
  if (closure && env) lines.push(`  $env: ${env} = ${file.runtimeName("zeroOf")}<${env}>();`);
  for (const f of plan.fields) lines.push("  " + fieldText(file, f));
  // `$`-named: the user's parameters follow, under their own names.
  const lead = owner ? [`$owner: ${owner}`] : closure ? [`$k: ${fn.name}`, `$at: usize`] : [];
  const sig = [...lead, ...params.map((p) => `${p.name}: ${p.type}${p.init !== undefined ? " = " + p.init : ""}`)].join(", ");
  const sets = (owner ? "this.$owner = $owner; " : closure ? `this.$k = $k; this.$at = $at; ${env ? "this.$env = $k.$env; " : ""}` : "") + params.map((p) => `this.${p.field} = ${p.name}; `).join("");
  const busy = fn.kind === "task" ? ""
    : closure ? `if (this.$state >= 0) ${file.runtimeName("panicBusyCall")}(textOf(${JSON.stringify(fn.display)}), this.$at, $at); `
    : `if (this.$state >= 0) ${file.runtimeName("panicWith")}(${file.runtimeName("PanicCode")}.BUSY, ${JSON.stringify(busyMessage(fn))}); `;
  const reset = plan.mayFail ? "this.$error = null; " : "";
  lines.push(`  start(${sig}): ${self} { ${busy}${sets}${reset}this.$state = 0; return this; }`);
  // Inlined state machines (LowerSession.inlinePolls): poll() is inlined at each await site; cancel
  // paths poll through the virtual call, whose one copy is poll() itself.
  const inline = !extraPoll && file.inlines(fn);
  const pollSelf = inline ? `changetype<${file.runtimeName("Future")}>(this).poll()` : "this.poll()";
  lines.push(`  ${inline ? "@inline " : ""}poll(): bool { ${extraPoll ?? (closure ? `return ${fn.name}$poll(this);` : `return ${pollCall(fn)};`)} }`);
  if (owner && !typeParams) {
    // For dispatchers (calls.ts): which receivers this frame serves, and a start for a receiver typed as their base.
    const cls = fn.owner!.name!.text;
    lines.push(`  static $owns<O>(o: O): bool { return o instanceof ${cls}; }`);
    const psig = params.map((p) => `, ${p.name}: ${p.type}`).join("");
    lines.push(`  $startOn<O>($o: O${psig}): ${self} { return this.start(changetype<${cls}>($o)${params.map((p) => `, ${p.name}`).join("")}); }`);
  }
  if (plan.mayFail) lines.push(`  failure(): Error | null { return this.$error; }`);
  lines.push(...chainMethods(file, states));
  if (fn.kind !== "task") {
    lines.push(cancelMethod(states, pollSelf));
    if (states.length) lines.push(`  pollCancel(): bool { return this.$state < 0 || ${pollSelf}; }`);
  }
  lines.push("}");
  return lines.join("\n");
}

/**
 * Introspection for await chains (src/runtime/chain.ts): the site a frame
 * is parked at and the future it waits on, by state (an await's state, or
 * its cancel state while the slot cleans up). Only the introspection
 * exports call them: release builds drop them.
 */
export function chainMethods(file: FileCtx, states: AwaitState[]): string[] {
  const bySite = new Map<string, { site: number; field: string; states: number[] }>();
  for (const s of states) {
    if (s.site === undefined) continue;
    const key = `${s.site}:${s.field}`;
    const entry = bySite.get(key) ?? { site: s.site, field: s.field, states: [] };
    entry.states.push(s.state, ...(s.cancelAt !== undefined ? [s.cancelAt] : []));
    bySite.set(key, entry);
  }
  if (!bySite.size) return [];
  const test = (list: number[]) => list.map((n) => `s == ${n}`).join(" || ");
  const sites = [...bySite.values()].map((e) => `if (${test(e.states)}) return ${e.site};`).join(" ");
  const slots = [...bySite.values()].map((e) => `if (${test(e.states)}) return this.${e.field};`).join(" ");
  const future = file.runtimeName("Future");
  return [
    `  awaitSite(): i32 { const s = this.$state; ${sites} return -1; }`,
    `  awaiting(): ${future} | null { const s = this.$state; ${slots} return null; }`,
  ];
}

/**
 * `cancel()`: a frame parked at an await cancels the slot it waits on and
 * moves to that await's cancel state (emit.ts), then runs as far as it can:
 * the slot's cleanup, then the finally blocks around the await. One parked
 * inside a finally block lets that block finish (cancellation does not
 * interrupt cleanup). A frame started but never polled has nothing to undo;
 * one that is idle, done or already cleaning up ignores the call.
 */
export function cancelMethod(states: AwaitState[], poll = "this.poll()"): string {
  const cases = states.map((s) => {
    if (s.inFinally) return `if (s == ${s.state}) { this.${s.inFinally} = ${J_CANCEL}; return; }`;
    if (s.noChild) return `if (s == ${s.state}) { this.$state = ${s.cancelAt}; }`;
    if (s.closeSync) return `if (s == ${s.state}) { this.${s.field}.close(); this.$state = ${s.cancelAt}; }`;
    return `if (s == ${s.state}) { this.${s.field}.cancel(); this.$state = ${s.cancelAt}; }`;
  });
  const parked = cases.length ? ` ${cases.join(" else ")} else return; ${poll};` : "";
  return `  cancel(): void { const s = this.$state; if (s <= 0) { this.$state = -1; return; }${parked} }`;
}

function busyMessage(fn: AsyncFn): string {
  const what = fn.kind === "method" ? `async method ${fn.display}` : `async function ${fn.display}`;
  return `${what} was called again at a call site whose previous call is in flight or was never awaited (a sync wrapper returning its future is one site): await each call before making the next`;
}

/**
 * A closure's class: its environment and its one frame; `call` starts it.
 * The frame polls the closure's state machine directly (`<name>$poll`,
 * written after the file by closureText).
 */
export function closureClasses(file: FileCtx, plan: Plan, states: AwaitState[], params: Param[], env: string | null): string {
  const fn = plan.fn;
  const sig = plan.signature;
  const base = sig ? asyncFnText(file, sig.params, sig.value) : null;
  const frame = frameClass(file, plan, states, params, undefined, env);
  if (!sig || base === null) return frame;
  const lines = [
    `@final class ${fn.name} extends ${base} {`,
    ...(env ? [`  $env: ${env} = ${file.runtimeName("zeroOf")}<${env}>();`] : []),
    `  $frame: ${fn.frame} = new ${fn.frame}();`,
    `  bind(${env ? `env: ${env}` : ""}): ${fn.name} { ${env ? "this.$env = env; " : ""}return this; }`,
    `  call(${[...params.map((p) => `${p.name}: ${p.type}`), "$at: usize"].join(", ")}): ${futureText(file, sig.value)} {`,
    `    if (this.$frame.$state >= 0) ${file.runtimeName("panicBusyCall")}(textOf(${JSON.stringify(fn.display)}), this.$frame.$at, $at);`,
    `    return this.$frame.start(${["this", "$at", ...params.map((p) => p.name)].join(", ")});`,
    `  }`,
    `}`,
  ];
  return lines.join("\n") + "\n" + frame;
}

/** `f$Fn`: the class of a named async function's values, with one frame (one call at a time). */
export function fnValueClassText(file: FileCtx, fn: AsyncFn, params: Param[]): string {
  const base = asyncFnText(file, params.map((p) => ({ name: p.type, args: [], decl: null, nullable: false, raw: p.type })), fn.value!);
  if (base === null) return "";
  const list = params.map((p) => p.name).join(", ");
  return [
    `@final ${fn.exported ? "export " : ""}class ${fn.name}$Fn extends ${base} {`,
    `  $frame: ${fn.frame} = new ${fn.frame}();`,
    `  $at: usize = 0;`,
    `  call(${[...params.map((p) => `${p.name}: ${p.type}`), "$at: usize"].join(", ")}): ${futureText(file, fn.value)} {`,
    `    if (this.$frame.$state >= 0) ${file.runtimeName("panicBusyCall")}(textOf(${JSON.stringify(`async function ${fn.display}`)}), this.$at, $at);`,
    `    this.$at = $at;`,
    `    return this.$frame.start(${list});`,
    `  }`,
    `}`,
  ].join("\n");
}

function asyncFnText(file: FileCtx, params: Ty[], value: Ty): string | null {
  return file.render({ name: "function", args: [], decl: null, nullable: false, raw: "", fn: { params, promise: value } });
}

/** The task's spawner: the pool and `spawn(args)`, `trySpawn(args)`, `running()`. */
export function spawnerClass(file: FileCtx, fn: AsyncFn, params: Param[]): string {
  const task = fn.frame;
  const spawner = fn.name + "$Spawner";
  const pool = file.runtimeName("TaskPool");
  const sig = params.map((p) => `${p.name}: ${p.type}`).join(", ");
  const args = params.map((p) => p.name).join(", ");
  return [
    `${fn.exported ? "export " : ""}class ${spawner} {`,
    `  readonly pool: ${pool}<${task}> = new ${pool}<${task}>(${JSON.stringify(fn.name)}, ${fn.pool});`,
    `  /** Starts the task in a free slot; POOL_FULL panic when all ${fn.pool} are running. */`,
    `  spawn(${sig}): ${task} { return this.pool.spawn().start(${args}); }`,
    `  /** Starts the task in a free slot, or returns null when all are running. */`,
    `  trySpawn(${sig}): ${task} | null { const t = this.pool.trySpawn(); if (t === null) return null; return t.start(${args}); }`,
    `  running(): i32 { return this.pool.running(); }`,
    `}`,
  ].join("\n");
}

// ─── static RAM ───────────────────────────────────────────────────────────

/** asc's per-object header (block mmInfo + object header), and the sealed allocator's payload alignment. */
const OBJECT_HEADER = 20;
const HEAP_ALIGN = 16;

export interface FrameSize {
  /** Bytes of the frame's own fields (inherited included), no header. */
  fields: number;
  /** Field bytes of every object created when the frame is constructed (the frame included). */
  totalFields: number;
  /** Heap bytes of those objects: header and allocator rounding included. */
  heap: number;
}

function heapBytes(fieldBytes: number): number {
  return Math.ceil((fieldBytes + OBJECT_HEADER) / HEAP_ALIGN) * HEAP_ALIGN;
}

/** Sizes a frame from its plan; `sizeOfFrame` sizes frames this one owns (call slots). */
export function frameSize(file: FileCtx, plan: Plan, sizeOfFrame: (fn: AsyncFn) => FrameSize): FrameSize {
  const fn = plan.fn;
  let base = 0;
  if (fn.kind === "task") base = file.runtimeClassBytes("Task");
  else if (fn.value && !isVoid(fn.value)) base = sizeOf(fn.value);
  const sizes = [4, ...(plan.mayFail ? [4] : []), ...(fn.kind === "method" ? [4] : []), ...plan.fields.map((f) => f.bytes)];
  const own = layout(base, sizes);
  let totalFields = own;
  let heap = heapBytes(own);
  for (const f of plan.fields) {
    if (!f.owns) continue;
    if ("frame" in f.owns) {
      const s = sizeOfFrame(f.owns.frame);
      totalFields += s.totalFields;
      heap += s.heap;
    } else if ("closure" in f.owns) {
      // The value: its environment and poll function (closures) or call site (named functions), and its frame.
      const own = 12;
      totalFields += own;
      heap += heapBytes(own);
      const s = sizeOfFrame(f.owns.closure);
      totalFields += s.totalFields;
      heap += s.heap;
    } else if ("dispatch" in f.owns) {
      // The dispatcher: a field per implementation, and each implementation's frame.
      const own = f.owns.dispatch.length * 4;
      totalFields += own;
      heap += heapBytes(own);
      for (const impl of f.owns.dispatch) {
        const s = sizeOfFrame(impl);
        totalFields += s.totalFields;
        heap += s.heap;
      }
    } else {
      const b = classFieldBytes(file.mods, f.owns.cls as Ty);
      totalFields += b;
      heap += heapBytes(b);
    }
  }
  return { fields: own, totalFields, heap };
}

