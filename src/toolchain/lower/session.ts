/**
 * A lowering session spans one build: it lowers each firmware file asc
 * asks for, numbers await sites across all of them, sizes every task, and
 * collects errors. compile.ts creates one per build, formats `diagnostics`
 * and reads `report()`.
 *
 * Site ids are assigned in the order files are lowered and, within a file,
 * in source order, so the same sources always give the same table.
 */
import ts from "typescript";
import { messages, type LowerDiagnostic } from "./errors.ts";
import { FileCtx } from "./file.ts";
import type { FrameSize } from "./frames.ts";
import { isRuntimeFile, Modules, type Module, type ModuleHost } from "./modules.ts";
import { relative } from "node:path";
import { mentions, type AsyncFn } from "./scan.ts";
import { Program } from "./program.ts";
import { checkEntryMain, checkSyncSyntax } from "./sync-syntax.ts";

export interface SiteInfo {
  id: number;
  file: string;
  line: number;
  column: number;
  /** The async function, method or task the await is in. */
  fn: string;
}

export interface TaskRam {
  name: string;
  file: string;
  /** Pool size: how many copies of the task exist. */
  pool: number;
  /** Field bytes of one task: its frame and every frame and future it preallocates, no object headers. */
  bytes: number;
  /** Heap bytes of one task: the same objects with asc's 20-byte header and 16-byte rounding. */
  heap: number;
}

/** An async function value (a closure, or a named async function used as a value): the RAM one value takes. */
export interface ValueRam {
  /** How it is named: `async arrow "add" (main.ts:5:15)`, `async function double`. */
  name: string;
  /** Field bytes of one value: its environment and poll pointers and its frame (with what the frame preallocates). */
  bytes: number;
  /** The same objects as the heap holds them. */
  heap: number;
}

export interface LowerReport {
  sites: SiteInfo[];
  tasks: TaskRam[];
  /** Async closures and async functions used as values: RAM per value (and per call site that calls one it knows). */
  values: ValueRam[];
  /** Sum over tasks of pool × bytes (fields only). */
  totalBytes: number;
  /** Sum over tasks of pool × heap. */
  totalHeap: number;
}

export class LowerSession {
  readonly mods: Modules;
  readonly diagnostics: LowerDiagnostic[] = [];
  /** Warnings: the build goes on and prints them. */
  readonly warnings: LowerDiagnostic[] = [];
  readonly sites: SiteInfo[] = [];
  readonly tasks: TaskRam[] = [];
  readonly values: ValueRam[] = [];
  private siteCount = new Map<FileCtx, number>();
  private analysis = new Map<Module, FileCtx>();
  private lowered = new Map<string, string>();
  /** Per file: lowered lines that were moved after the file (closures' poll functions). */
  private moved = new Map<string, FileCtx["movedLines"]>();
  private entries: string[] = [];
  private whole: Program | null = null;

  /**
   * Builds not for size (the simulator's quick builds, or -O3): each async function's state machine
   * is inlined where it is awaited (asc's @inline), saving a call per poll
   * of a nested future at the cost of a copy per await site. Size builds
   * (interpreter, Espruino and native boards) keep one copy.
   */
  readonly inlinePolls: boolean;

  /** A build's session: its entry must export a sync `main()` (checkEntryMain); `outpost check` and editors check any module. */
  readonly entryMain: boolean;

  constructor(host: ModuleHost, options: { inlinePolls?: boolean; entryMain?: boolean } = {}) {
    this.mods = new Modules(host);
    this.inlinePolls = options.inlinePolls ?? false;
    this.entryMain = options.entryMain ?? false;
  }

  /** The firmware's entry file: the program is every module reachable from it. */
  setEntry(path: string): void {
    this.entries = [path];
    this.whole = null;
  }

  /** The whole program (program.ts), from the entry (or the first file lowered). */
  get program(): Program {
    if (!this.whole) this.whole = new Program(this.mods, this.entries);
    return this.whole;
  }

  /** Lowers one file; returns its text unchanged when it has nothing async. Errors go to `diagnostics`. */
  lowerFile(path: string, text: string): string {
    const key = path + "\0" + text;
    const done = this.lowered.get(key);
    if (done !== undefined) return done;
    const m = this.mods.put(path, text);
    if (!this.entries.length) this.setEntry(path);
    const ctx = new FileCtx(this, this.mods, m);
    checkSyncSyntax(ctx);
    if (this.entryMain && path === this.entries[0]) checkEntryMain(ctx);
    const result = ctx.scan.relevant || this.importsAsync(m) || importsTask(m) ? ctx.lower() : text;
    if (ctx.movedLines.length) this.moved.set(path, ctx.movedLines);
    if (ctx.scan.relevant) this.sizeTasks(ctx);
    this.lowered.set(key, result);
    return result;
  }

  /**
   * For asc's readFile hook: `path` is the module path of the file asc asks
   * for, `text` what is served for it. Runtime files pass through; user and
   * hal/ files are lowered; an internal failure becomes a diagnostic.
   */
  readFile(path: string, text: string | null): string | null {
    if (text === null) return null;
    if (isRuntimeFile(path)) return text;
    try {
      return this.lowerFile(path, text);
    } catch (e) {
      this.diagnostics.push({
        code: "ASYNC_SYNTAX", file: relative(process.cwd(), path) || path, line: 1, column: 1,
        message: `internal error in the async lowering: ${(e as Error).stack ?? e}`,
      });
      return text;
    }
  }

  /** The line of `path`'s source that lowered line `line` (1-based) was written on, when the lowering moved it; else null. */
  originalLine(path: string, line: number): number | null {
    for (const m of this.moved.get(path) ?? []) {
      if (line >= m.lowered && line < m.lowered + m.count) return m.original + (line - m.lowered);
    }
    return null;
  }

  report(): LowerReport {
    let totalBytes = 0, totalHeap = 0;
    for (const t of this.tasks) {
      totalBytes += t.pool * t.bytes;
      totalHeap += t.pool * t.heap;
    }
    return { sites: this.sites, tasks: this.tasks, values: this.values, totalBytes, totalHeap };
  }

  /**
   * Whether any module `m` reaches through its imports declares something
   * async: a value of such a type can reach `m` through a module that
   * declares nothing async itself (`makeLed().blink(3)`, with Led's class
   * two imports away), so `m` must be walked for dropped futures.
   */
  private importsAsync(m: Module): boolean {
    const seen = new Set<string>([m.path]);
    const todo = [...m.deps];
    while (todo.length) {
      const from = todo.pop()!;
      if (seen.has(from) || isRuntimeFile(from)) continue;
      seen.add(from);
      const target = this.mods.get(from);
      if (!target) continue;
      if (mentions(target).async) return true;
      todo.push(...target.deps);
    }
    return false;
  }

  addSite(file: FileCtx, node: ts.Node, fn: string): number {
    if (file.analysisOnly) return -1;
    const sf = file.module.sf;
    const pos = ts.isForOfStatement(node) ? node.awaitModifier!.getStart(sf) : node.getStart(sf);
    const { line, character } = sf.getLineAndCharacterOfPosition(pos);
    const id = this.sites.length;
    this.sites.push({ id, file: file.displayPath, line: line + 1, column: character + 1, fn });
    this.siteCount.set(file, (this.siteCount.get(file) ?? 0) + 1);
    return id;
  }

  sitesIn(file: FileCtx): number {
    return this.siteCount.get(file) ?? 0;
  }

  /** A context that plans another module's functions without recording anything. */
  analysisCtx(m: Module): FileCtx {
    let c = this.analysis.get(m);
    if (!c) {
      c = new FileCtx(this, this.mods, m, true);
      this.analysis.set(m, c);
    }
    return c;
  }

  /** The context that plans `fn`: `file` itself for its own functions, else the analysis context of `fn`'s module. */
  ctxFor(file: FileCtx, fn: AsyncFn): FileCtx {
    return fn.module === file.module ? file : this.analysisCtx(fn.module);
  }

  private sizeTasks(file: FileCtx): void {
    for (const fn of file.scan.fns) {
      if (fn.kind === "closure" || (fn.kind === "function" && file.usedAsValue(fn))) {
        try {
          const size = file.frameSize(fn);
          // A value: its pointers (environment, poll function, frame) and its frame.
          this.values.push({ name: fn.kind === "closure" ? fn.display : `async function ${fn.display}`, bytes: 12 + size.totalFields, heap: 32 + size.heap });
        } catch {
          // an error already reported
        }
      }
      if (fn.kind !== "task") continue;
      let size: FrameSize;
      try {
        size = file.frameSize(fn);
      } catch {
        continue;
      }
      this.tasks.push({ name: fn.name, file: file.displayPath, pool: fn.pool!, bytes: size.totalFields, heap: size.heap });
    }
  }

  /** Recursion between async functions (through preallocated call frames) is a build error naming the cycle. */
  checkRecursion(file: FileCtx): void {
    const reported = new Set<string>();
    for (const start of file.scan.fns) {
      const path: AsyncFn[] = [];
      const calls: ts.Node[] = [];
      const onPath = new Set<AsyncFn>();
      const done = new Set<AsyncFn>();
      const dfs = (fn: AsyncFn): boolean => {
        if (onPath.has(fn)) {
          if (fn !== start) return false;
          const names = [...path, fn].map((f) => f.display);
          const key = [...path].map((f) => f.display).sort().join(",");
          if (!reported.has(key)) {
            reported.add(key);
            file.error(calls[0]!, "ASYNC_RECURSION", messages.recursion(names.join(" → ")));
          }
          return true;
        }
        if (done.has(fn)) return false;
        done.add(fn);
        onPath.add(fn);
        path.push(fn);
        const ctx = this.ctxFor(file, fn);
        const plan = ctx.planOf(fn);
        const edges: Array<[AsyncFn, ts.Node]> = [];
        for (const [node, c] of plan.calls) {
          if (c.kind === "frame" || c.kind === "method") edges.push([c.fn, node]);
          if (c.kind === "dynamic") for (const f of c.impls) edges.push([f, node]);
        }
        if (fn.delegate) edges.push([fn.delegate, fn.delegateRef!]);
        for (const [callee, node] of edges) {
          calls.push(node);
          if (dfs(callee)) return true;
          calls.pop();
        }
        path.pop();
        onPath.delete(fn);
        return false;
      };
      dfs(start);
    }
  }
}

/** `m` imports `task` from Outpost, which only the lowering knows (it rewrites task() declarations): the import must go, used or not. */
function importsTask(m: Module): boolean {
  return m.sf.statements.some((st) => ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && /^outpost(\/|$)/.test(st.moduleSpecifier.text)
    && !!st.importClause?.namedBindings && ts.isNamedImports(st.importClause.namedBindings) && st.importClause.namedBindings.elements.some((e) => e.name.text === "task"));
}
