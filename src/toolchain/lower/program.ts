/**
 * The whole firmware as the lowering sees it: every module reachable from
 * the entry (the runtime excepted, which is never lowered), and the class
 * hierarchy across them. A build knows its whole program, which is what
 * lets a call site reserve a frame for every implementation an async method
 * call can reach (calls.ts), and lets a class drop the per-object frame its
 * async method would otherwise need for hand-written callers.
 *
 *   program.implementations(Sensor, "sample")  → [FastSensor.sample, SlowSensor.sample]
 *   program.calledByHand("read")               → true if hand-written code calls `.read(…)`
 *
 * Built lazily, once per build (session.ts), from the entry compile.ts gives.
 */
import ts from "typescript";
import { hasModifier, isRuntimeFile, type Decl, type Module, type Modules } from "./modules.ts";
import { scanOf, type AsyncFn } from "./scan.ts";
import { isReference } from "./syntax.ts";

export interface ClassInfo {
  decl: Decl;
  node: ts.ClassDeclaration;
  /** Classes and interfaces it extends or implements, resolved. */
  bases: Decl[];
}

export class Program {
  private readonly entries: string[];
  private mods: Modules;
  private modules: Module[] | null = null;
  private classes: ClassInfo[] | null = null;
  private byHand: Set<string> | null = null;

  constructor(mods: Modules, entries: string[]) {
    this.entries = entries;
    this.mods = mods;
  }

  /** Every non-runtime module reachable from the entries, in discovery order. */
  all(): Module[] {
    if (this.modules) return this.modules;
    const seen = new Set<string>();
    const out: Module[] = [];
    const visit = (path: string) => {
      if (seen.has(path) || isRuntimeFile(path)) return;
      seen.add(path);
      const m = this.mods.get(path);
      if (!m) return;
      out.push(m);
      for (const dep of m.deps) visit(dep);
    };
    for (const e of this.entries) visit(e);
    this.modules = out;
    return out;
  }

  private classInfos(): ClassInfo[] {
    if (this.classes) return this.classes;
    const out: ClassInfo[] = [];
    for (const m of this.all()) {
      for (const st of m.sf.statements) {
        if (!ts.isClassDeclaration(st) || !st.name) continue;
        const decl = m.locals.get(st.name.text);
        if (!decl || decl.node !== st) continue;
        const bases: Decl[] = [];
        for (const h of st.heritageClauses ?? []) {
          for (const t of h.types) {
            const b = this.mods.entity(m, t.expression); // `Device`, or `b.Device` through a namespace import
            if (b) bases.push(b);
          }
        }
        out.push({ decl, node: st, bases });
      }
    }
    this.classes = out;
    return out;
  }

  /** Interfaces extended by an interface declaration, resolved. */
  private interfaceBases(d: Decl): Decl[] {
    const node = d.node as ts.InterfaceDeclaration;
    const out: Decl[] = [];
    for (const h of node.heritageClauses ?? []) {
      for (const t of h.types) {
        const b = this.mods.entity(d.module, t.expression);
        if (b) out.push(b);
      }
    }
    return out;
  }

  /** How many class ancestors `c` has (for ordering: most derived first). */
  private depth(c: ClassInfo, guard = 0): number {
    const base = c.bases.find((b) => b.kind === "class");
    const info = base ? this.classInfos().find((x) => x.decl.node === base.node) : undefined;
    return info && guard < 32 ? 1 + this.depth(info, guard + 1) : 0;
  }

  /** True when class `c` is `target` or extends/implements it, directly or not. */
  isSubtype(c: ClassInfo, target: ts.Node): boolean {
    const seen = new Set<ts.Node>();
    const walk = (d: Decl): boolean => {
      if (d.node === target) return true;
      if (seen.has(d.node)) return false;
      seen.add(d.node);
      if (d.kind === "class") {
        const info = this.classInfos().find((x) => x.decl.node === d.node);
        return !!info && info.bases.some(walk);
      }
      if (d.kind === "interface") return this.interfaceBases(d).some(walk);
      return false;
    };
    return walk(c.decl);
  }

  /**
   * The classes a call of `method` on a value of static type `target` may
   * reach that declare the method themselves, most derived first: for each,
   * its lowered async method (`fn`), or null for a hand-written one.
   */
  implementations(target: Decl, method: string): Array<{ cls: ClassInfo; fn: AsyncFn | null }> {
    const out: Array<{ cls: ClassInfo; fn: AsyncFn | null; depth: number }> = [];
    for (const c of this.classInfos()) {
      if (!this.isSubtype(c, target.node)) continue;
      const own = c.node.members.find((mem) => ts.isMethodDeclaration(mem) && mem.name && ts.isIdentifier(mem.name)
        && mem.name.text === method && !hasModifier(mem, ts.SyntaxKind.StaticKeyword) && !hasModifier(mem, ts.SyntaxKind.AbstractKeyword));
      if (!own) continue;
      const fn = scanOf(this.mods, c.decl.module).fns.find((f) => f.node === own) ?? null;
      out.push({ cls: c, fn, depth: this.depth(c) });
    }
    return out.sort((a, b) => b.depth - a.depth).map(({ cls, fn }) => ({ cls, fn }));
  }

  /** An ancestor class of `c` declares `method` as a lowered async method (so `c`'s own `method` overrides it). */
  overridesLowered(c: ClassInfo, method: string): boolean {
    for (let base = this.baseClass(c), guard = 0; base && guard < 32; base = this.baseClass(base), guard++) {
      const own = scanOf(this.mods, base.decl.module).fns.find((f) => f.kind === "method" && f.name === method && f.owner === base!.node);
      if (own) return true;
    }
    return false;
  }

  private baseClass(c: ClassInfo): ClassInfo | undefined {
    const b = c.bases.find((d) => d.kind === "class");
    return b ? this.classOf(b.node) : undefined;
  }

  private values: Set<string> | null = null;

  /** A name is used as a value (not only called) somewhere: what `f$Fn` values are reported for. */
  usedAsValue(name: string): boolean {
    if (!this.values) {
      const names = new Set<string>();
      for (const m of this.all()) {
        const visit = (n: ts.Node) => {
          if (ts.isIdentifier(n) && isReference(n) && !(ts.isCallExpression(n.parent) && n.parent.expression === n)
            && !ts.isImportSpecifier(n.parent) && !ts.isExportSpecifier(n.parent) && !ts.isTypeReferenceNode(n.parent)) names.add(n.text);
          ts.forEachChild(n, visit);
        };
        visit(m.sf);
      }
      this.values = names;
    }
    return this.values.has(name);
  }

  /** Some class of the program has an async method of this name. */
  hasAsyncMethod(name: string): boolean {
    return this.all().some((m) => scanOf(this.mods, m).fns.some((f) => f.kind === "method" && f.name === name));
  }

  /** The class info of a class declaration. */
  classOf(node: ts.Node): ClassInfo | undefined {
    return this.classInfos().find((c) => c.decl.node === node);
  }

  /**
   * Hand-written code (outside async function bodies) calls a method of this
   * name somewhere: an async method of that name keeps a frame per object
   * for such callers (calls from async code bring their own).
   */
  calledByHand(method: string): boolean {
    if (!this.byHand) {
      const names = new Set<string>();
      for (const m of this.all()) {
        const lowered = scanOf(this.mods, m).accepted;
        const visit = (n: ts.Node) => {
          if (lowered.has(n)) return;
          if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) names.add(n.expression.name.text);
          ts.forEachChild(n, visit);
        };
        visit(m.sf);
      }
      this.byHand = names;
    }
    return this.byHand.has(method);
  }
}
