/**
 * Modules as the lowering sees them: parsed source (TypeScript 5's parser
 * reads AssemblyScript), top-level declarations, imports and exports, and
 * how one file names another in an import.
 *
 * Module names follow the firmware packages compile.ts serves to asc
 * (../packages.ts maps "outpost", "outpost/<x>", "outpost/hal[/x]",
 * "outpost/drivers/x" and "outpost/board" to files); "./x" and "../x" are
 * relative to the importing file.
 *
 * Parsed modules are cached by path and text, so a build parses each file
 * once however many files import it.
 */
import ts from "typescript";
import { readFileSync } from "node:fs";
import { dirname, relative, sep } from "node:path";
import { BOARD_PATH, halDir, resolveSpecifier, runtimeDir } from "../packages.ts";

export type DeclKind = "class" | "interface" | "function" | "var" | "namespace" | "type" | "enum";

export interface Decl {
  kind: DeclKind;
  name: string;
  node: ts.Node;
  module: Module;
  /** For `var`: the declaration (type annotation, initializer). */
  variable?: ts.VariableDeclaration;
}

export interface ImportBinding {
  /** Resolved path of the module imported from. */
  from: string;
  /** Exported name, or "*" for `import * as ns`. */
  name: string;
  node: ts.ImportSpecifier | ts.NamespaceImport | ts.ImportClause;
}

export interface Module {
  path: string;
  text: string;
  sf: ts.SourceFile;
  locals: Map<string, Decl>;
  /** Namespaces by name (a namespace may share its name with a type alias, as `Duration` does). */
  namespaces: Map<string, Decl>;
  imports: Map<string, ImportBinding>;
  /** exported name → local name (`export { a as b }`, `export class b`). */
  exportsLocal: Map<string, string>;
  /** exported name → re-export from another module. */
  reexports: Map<string, { from: string; name: string }>;
  /** `export * from "…"` targets. */
  starExports: string[];
  /** Every module this one imports or re-exports from (resolved paths), side-effect imports included. */
  deps: string[];
}

export interface ModuleHost {
  /** Text of a module path, or null if it does not exist. */
  read(path: string): string | null;
}

/** Reads modules from disk (the board module from `boardText`), each path once per host. */
export function fsHost(boardText: () => string): ModuleHost {
  const texts = new Map<string, string | null>();
  return {
    read(path) {
      let text = texts.get(path);
      if (text === undefined) {
        text = path === BOARD_PATH ? boardText() : readOrNull(path);
        texts.set(path, text);
      }
      return text;
    },
  };
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

/** The specifier `fromPath` uses to import `path`. */
export function specifierFor(path: string, fromPath: string): string {
  const inside = (dir: string) => path.startsWith(dir) && !fromPath.startsWith(dir);
  if (inside(halDir + "drivers/")) return "outpost/drivers/" + path.slice(halDir.length + 8, -3);
  if (inside(halDir)) return path === halDir + "index.ts" ? "outpost/hal" : "outpost/hal/" + path.slice(halDir.length, -3);
  if (inside(runtimeDir)) return path === runtimeDir + "index.ts" ? "outpost" : "outpost/" + path.slice(runtimeDir.length, -3);
  let rel = relative(dirname(fromPath), path).split(sep).join("/").replace(/\.ts$/, "");
  if (!rel.startsWith(".")) rel = "./" + rel;
  return rel;
}

/** A file of Outpost's HAL (hal/, its drivers included). */
export function isHalFile(path: string): boolean {
  return path.startsWith(halDir);
}

/** True for files of the runtime itself (never lowered). */
export function isRuntimeFile(path: string): boolean {
  return path.startsWith(runtimeDir);
}

/**
 * The last parse of each path. Builds in one process (tests, --watch, a build's several boards) read the
 * same runtime and HAL files again and again; nothing writes to a parsed tree, so a file whose text is
 * unchanged is not parsed twice.
 */
const parsed = new Map<string, ts.SourceFile>();

/** Parses a module; its JSDoc is left as comment text (the lowering reads none, and parsing it costs about a third of a parse). */
export function parse(path: string, text: string): ts.SourceFile {
  const last = parsed.get(path);
  if (last !== undefined && last.text === text) return last;
  const sf = ts.createSourceFile(path, text, { languageVersion: ts.ScriptTarget.ESNext, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, true, ts.ScriptKind.TS);
  parsed.set(path, sf);
  return sf;
}

export function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
}

/** Builds a module's tables from its source. */
function buildModule(path: string, text: string): Module {
  const sf = parse(path, text);
  const m: Module = {
    path, text, sf,
    locals: new Map(), namespaces: new Map(), imports: new Map(), exportsLocal: new Map(), reexports: new Map(), starExports: [], deps: [],
  };
  const declare = (kind: DeclKind, name: ts.Identifier | undefined, node: ts.Node, exported: boolean) => {
    if (!name) return;
    const decl: Decl = { kind, name: name.text, node, module: m };
    if (kind === "namespace") m.namespaces.set(name.text, decl);
    // A namespace merged with a type alias or class keeps the other meaning in `locals`.
    if (!m.locals.has(name.text) || kind !== "namespace") m.locals.set(name.text, decl);
    // `export default class C`: exported as "default" only (imported as `import C from …`).
    if (exported) m.exportsLocal.set(hasModifier(node, ts.SyntaxKind.DefaultKeyword) ? "default" : name.text, name.text);
  };
  for (const st of sf.statements) {
    const exported = hasModifier(st, ts.SyntaxKind.ExportKeyword);
    if (ts.isClassDeclaration(st)) declare("class", st.name, st, exported);
    else if (ts.isInterfaceDeclaration(st)) declare("interface", st.name, st, exported);
    else if (ts.isFunctionDeclaration(st)) declare("function", st.name, st, exported);
    else if (ts.isModuleDeclaration(st) && ts.isIdentifier(st.name)) declare("namespace", st.name, st, exported);
    else if (ts.isTypeAliasDeclaration(st)) declare("type", st.name, st, exported);
    else if (ts.isEnumDeclaration(st)) declare("enum", st.name, st, exported);
    else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (!ts.isIdentifier(d.name)) continue;
        m.locals.set(d.name.text, { kind: "var", name: d.name.text, node: d, module: m, variable: d });
        if (exported) m.exportsLocal.set(d.name.text, d.name.text);
      }
    } else if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const from = resolveSpecifier(st.moduleSpecifier.text, path);
      m.deps.push(from);
      if (st.importClause?.name) m.imports.set(st.importClause.name.text, { from, name: "default", node: st.importClause });
      const nb = st.importClause?.namedBindings;
      if (nb && ts.isNamedImports(nb)) {
        for (const s of nb.elements) m.imports.set(s.name.text, { from, name: (s.propertyName ?? s.name).text, node: s });
      } else if (nb && ts.isNamespaceImport(nb)) {
        m.imports.set(nb.name.text, { from, name: "*", node: nb });
      }
    } else if (ts.isExportAssignment(st) && !st.isExportEquals && ts.isIdentifier(st.expression)) {
      m.exportsLocal.set("default", st.expression.text); // `export default C;`
    } else if (ts.isExportDeclaration(st)) {
      const from = st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)
        ? resolveSpecifier(st.moduleSpecifier.text, path) : null;
      if (from) m.deps.push(from);
      if (!st.exportClause) {
        if (from) m.starExports.push(from);
      } else if (ts.isNamedExports(st.exportClause)) {
        for (const s of st.exportClause.elements) {
          const local = (s.propertyName ?? s.name).text;
          if (from) m.reexports.set(s.name.text, { from, name: local });
          else m.exportsLocal.set(s.name.text, local);
        }
      }
    }
  }
  return m;
}

/** Loads modules on demand, each once. */
export class Modules {
  readonly host: ModuleHost;
  private cache = new Map<string, Module | null>();
  constructor(host: ModuleHost) {
    this.host = host;
  }

  get(path: string): Module | null {
    let m = this.cache.get(path);
    if (m === undefined) {
      const text = this.host.read(path);
      m = text === null ? null : buildModule(path, text);
      this.cache.set(path, m);
    }
    return m;
  }

  /** Registers a module's text directly (the file being lowered). */
  put(path: string, text: string): Module {
    const cached = this.cache.get(path);
    if (cached && cached.text === text) return cached;
    const m = buildModule(path, text);
    this.cache.set(path, m);
    return m;
  }

  /** The declaration a module exports under `name`, following re-exports. */
  exported(m: Module, name: string, seen = new Set<string>(), ns = false): Decl | null {
    if (seen.has(m.path)) return null;
    seen.add(m.path);
    const local = m.exportsLocal.get(name);
    if (local !== undefined) return this.named(m, local, seen, ns);
    const re = m.reexports.get(name);
    if (re) {
      const target = this.get(re.from);
      return target ? this.exported(target, re.name, seen, ns) : null;
    }
    for (const from of m.starExports) {
      const target = this.get(from);
      const d = target ? this.exported(target, name, new Set(seen), ns) : null;
      if (d) return d;
    }
    return null;
  }

  /** What a name means at a module's top level: a local declaration or an import; `ns` prefers a namespace. */
  named(m: Module, name: string, seen = new Set<string>(), ns = false): Decl | null {
    const local = (ns ? m.namespaces.get(name) : undefined) ?? m.locals.get(name);
    if (local) return local;
    const imp = m.imports.get(name);
    if (imp && imp.name !== "*") {
      const target = this.get(imp.from);
      return target ? this.exported(target, imp.name, seen, ns) : null;
    }
    return null;
  }

  /** The declaration an entity name in module `m` names: `Sensor`, or `dev.Sensor` through `import * as dev`. */
  entity(m: Module, e: ts.Expression): Decl | null {
    if (ts.isIdentifier(e)) return this.named(m, e.text);
    if (!ts.isPropertyAccessExpression(e) || !ts.isIdentifier(e.expression)) return null;
    const ns = this.namespaceImport(m, e.expression.text);
    return ns ? this.exported(ns, e.name.text) : null;
  }

  /** The module a namespace import (`import * as ns`) names, if `name` is one. */
  namespaceImport(m: Module, name: string): Module | null {
    const imp = m.imports.get(name);
    return imp && imp.name === "*" ? this.get(imp.from) : null;
  }

  /** The name under which `decl` is exported from its own module, if it is. */
  exportName(decl: Decl): string | null {
    for (const [ext, local] of decl.module.exportsLocal) if (local === decl.name) return ext;
    return null;
  }
}
