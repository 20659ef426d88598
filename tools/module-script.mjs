// Loads a bundled ES module as a script compiled with V8's code cache
// (code-cache.mjs), for AssemblyScript's two modules (assemblyscript.mjs).
//
// Why: Node compiles an ES module from its text in every process (V8 keeps
// a code cache only for scripts), and compiling AssemblyScript's 1.6 MB is
// much of what a process that builds firmware spends before it compiles
// anything. So the module's text becomes the body of an async function,
// once per version (the result is kept beside the code cache):
//   - each top-level `import … from "x"` becomes constants read from the
//     modules the caller hands in (`imports["x"]`), declared before the
//     body, as an import's bindings are;
//   - its `export { a as b, … }` becomes the namespace the function
//     returns, one getter per name (bindings stay live);
//   - `import.meta` and dynamic `import(…)` are handed in too.
// Each is found in the module's syntax tree (TypeScript's parser), never by
// searching the text: AssemblyScript's standard library sits in its
// strings, import lines and all. Replacements keep every position, so a
// stack trace's line and column are the module's. A module of any other
// shape (another kind of export, an import nobody hands in) gives null,
// and the caller imports it as the plain module it is.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { codeCacheFile, compileCached } from "./code-cache.mjs";
import { writeWhole } from "./write-whole.mjs";

/** What else makes a script: this file's rewrites. */
const FORMAT = createHash("sha1").update(readFileSync(fileURLToPath(import.meta.url))).digest("hex").slice(0, 12);

/**
 * The namespace of the ES module at `file` (package `name` at `version`), run as a cached script with
 * `imports` (specifier → namespace) for its static imports; null when it is not of a shape this reads.
 */
export async function loadModuleScript(file, name, version, imports) {
  // `<name>@`: no other package's name starts so (`assemblyscript@` is not `assemblyscript-asc@`).
  const scriptFile = join(dirname(codeCacheFile(name, version)), `${name}@${version}-${FORMAT}.script.js`);
  let cached = null;
  try {
    cached = readFileSync(scriptFile, "utf8");
  } catch {
    // not made yet
  }
  // A kept script that no longer compiles (a damaged cache) is made again from the module.
  let script = cached === null ? null : compiled(cached, file, name, version);
  if (script === null) {
    const body = await asScript(readFileSync(file, "utf8"), file, Object.keys(imports));
    if (body === null) return null;
    try {
      writeWhole(scriptFile, body);
      // Scripts an earlier version of this file or of the package made are never read again.
      for (const f of readdirSync(dirname(scriptFile))) {
        if (f.startsWith(`${name}@`) && f.endsWith(".script.js") && f !== basename(scriptFile)) rmSync(join(dirname(scriptFile), f), { force: true });
      }
    } catch {
      // a read-only install: made again next time
    }
    script = compiled(body, file, name, version);
    if (script === null) return null;
  }
  const url = pathToFileURL(file).href;
  return script.runInThisContext()(imports, { url }, (specifier) => import(specifier));
}

function compiled(body, file, name, version) {
  try {
    return compileCached(body, file, name, version);
  } catch {
    return null;
  }
}

/** The module's text as an async function's (its imports, `import.meta` and `import` handed in), or null when its shape is not the one expected. */
export async function asScript(text, file, specifiers) {
  const ts = (await import("./typescript.mjs")).default;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ESNext, false, ts.ScriptKind.JS);
  const edits = [];
  const head = [];
  let exported = null;
  const blank = (node) => edits.push({ pos: node.getStart(sf), end: node.end, text: null });
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st)) {
      const from = st.moduleSpecifier.text;
      if (!specifiers.includes(from)) return null;
      const source = `__outpost_imports[${JSON.stringify(from)}]`;
      const clause = st.importClause;
      if (clause?.name) head.push(`const ${clause.name.text} = ${source}.default;`);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) head.push(`const ${bindings.name.text} = ${source};`);
      else if (bindings) for (const e of bindings.elements) head.push(`const ${e.name.text} = ${source}[${JSON.stringify((e.propertyName ?? e.name).text)}];`);
      blank(st);
    } else if (ts.isExportDeclaration(st)) {
      if (st.moduleSpecifier || !st.exportClause || !ts.isNamedExports(st.exportClause) || exported) return null;
      exported = st.exportClause.elements.map((e) => ({ local: (e.propertyName ?? e.name).text, name: e.name.text }));
      blank(st);
    } else if (ts.isExportAssignment(st) || (ts.canHaveModifiers(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))) {
      return null;
    }
  }
  if (!exported) return null;
  // `import.meta` and `import(…)` anywhere: replaced by names of the same length.
  const visit = (node) => {
    if (ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword) edits.push({ pos: node.getStart(sf), end: node.end, text: "__outpost_m" });
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) edits.push({ pos: node.expression.getStart(sf), end: node.expression.end, text: "__oimp" });
    ts.forEachChild(node, visit);
  };
  visit(sf);
  edits.sort((a, b) => a.pos - b.pos);
  let out = "";
  let at = 0;
  for (const e of edits) {
    const old = text.slice(e.pos, e.end);
    out += text.slice(at, e.pos) + (e.text ?? old.replace(/[^\n]/g, " "));
    at = e.end;
  }
  out += text.slice(at);
  const namespace = exported.map((e) => `get ${JSON.stringify(e.name)}() { return ${e.local}; }`).join(", ");
  return `(async function (__outpost_imports, __outpost_m, __oimp) {"use strict";${head.join("")}${out}\nreturn { __proto__: null, ${namespace} };\n})`;
}
