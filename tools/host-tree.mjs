// A plain-JavaScript copy of the host code an `outpost` process runs, so
// bin/outpost.mjs can import it without the module hooks (ts-hooks.mjs).
//
// Why: Node runs module hooks on a separate thread, and every module the
// command loads is a round trip to it; with some 80 modules that is most of
// a short command's start-up (`outpost --version` 0.31 s against 0.15 s
// from this copy; `outpost check` of an example about 0.2 s less).
//
// The copy lives in node_modules/.cache/outpost-js/<id>/, one file per
// TypeScript module the entry reaches (static and literal dynamic imports,
// and modules named by import.meta.resolve, such as a worker's entry),
// at the same relative paths, each transpiled as the hooks would transpile
// it, with three rewrites made on the syntax tree (never on text, so a
// template that contains import lines is left alone):
//   - a relative `.ts` specifier (of an import, or of import.meta.resolve)
//     names the copy's `.js`;
//   - any other relative specifier (a .mjs, .js or .json beside the sources)
//     and `typescript` (tools/typescript.mjs) name the original file;
//   - `import.meta.url` is the original file's URL, so paths computed from
//     it (boards/, hal/, package.json) find what they found before.
// Bare package specifiers stay: resolved from inside node_modules/.cache,
// they find the same packages the sources find.
//
// It is checked on every start against the sources it was made from (a
// manifest of every file's content hash, about 12 ms for 200 files) and
// rebuilt when any differs, reusing each unchanged file's transpiled text
// from the hooks' cache folder. Copies are made in a temporary folder and
// renamed into place, so concurrent processes never see half of one.
// Anything that fails (a read-only install) makes `hostEntry` return null,
// and the caller loads the sources through the hooks as before.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { transpileOptions } from "./ts-options.mjs";
import { writeWhole } from "./write-whole.mjs";

function sha1(...parts) {
  const h = createHash("sha1");
  for (const p of parts) h.update(p).update("\0");
  return h.digest("hex");
}

const defaultRoot = fileURLToPath(new URL("../", import.meta.url));
const typescriptShim = new URL("./typescript.mjs", import.meta.url).href;
/** What else makes a copy: this file's rewrites, the transpile options and TypeScript's version. */
const FORMAT = (() => {
  try {
    const tool = (name) => readFileSync(new URL(name, import.meta.url));
    const typescript = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("typescript/package.json"), "utf8")).version;
    return sha1(tool("./host-tree.mjs"), tool("./ts-options.mjs"), typescript);
  } catch {
    return null; // hostEntry gives no copy
  }
})();
/** Copies older than this, beyond the newest few, are removed. */
const KEEP = 4;
const STALE_MS = 24 * 3600 * 1000;

/**
 * The URL to import for `entry` (a .ts path relative to `root`), from an
 * up-to-date copy, or null when no copy can be made. `cacheDir` defaults to
 * the repository's node_modules/.cache.
 */
export async function hostEntry(entry, { root = defaultRoot, cacheDir = join(root, "node_modules/.cache") } = {}) {
  if (FORMAT === null) return null;
  try {
    const base = join(cacheDir, "outpost-js");
    const current = readCurrent(base, root, entry);
    const id = current ?? (await build(base, root, entry));
    return pathToFileURL(join(base, id, entry.replace(/\.ts$/, ".js"))).href;
  } catch {
    return null;
  }
}

/** The copy named by `current.json` if every source it was made from is unchanged. */
function readCurrent(base, root, entry) {
  let manifest;
  try {
    const { id } = JSON.parse(readFileSync(join(base, "current.json"), "utf8"));
    manifest = JSON.parse(readFileSync(join(base, id, "manifest.json"), "utf8"));
    if (manifest.format !== FORMAT || manifest.root !== root || manifest.entry !== entry) return null;
    for (const [file, hash] of Object.entries(manifest.files)) {
      if (sha1(file, readFileSync(join(root, file))) !== hash) return null;
    }
    const now = new Date();
    utimesSync(join(base, id), now, now); // in use: prune() keeps it
    return id;
  } catch {
    return null;
  }
}

/** Transpiles everything `entry` reaches into a new copy; returns its id. */
async function build(base, root, entry) {
  const ts = (await import(typescriptShim)).default;
  const hooksCache = join(base, "..", "outpost-ts");
  const files = {};
  const outputs = new Map();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop();
    if (file in files) continue;
    const source = readFileSync(join(root, file), "utf8");
    files[file] = sha1(file, source);
    const key = sha1(FORMAT, root, file, source);
    const cached = join(hooksCache, `${key}.tree.js`);
    let code;
    try {
      code = readFileSync(cached, "utf8");
    } catch {
      code = transpile(ts, root, file, source);
      writeWhole(cached, code);
    }
    outputs.set(file, code);
    // Modules it imports, and those it names with import.meta.resolve (a worker's entry, say).
    const specs = ts.preProcessFile(source, true, true).importedFiles.map((i) => i.fileName);
    for (const m of source.matchAll(/import\.meta\.resolve\(\s*"([^"]+)"\s*\)/g)) specs.push(m[1]);
    for (const spec of specs) {
      if (spec.startsWith(".") && spec.endsWith(".ts")) queue.push(relative(root, resolve(root, dirname(file), spec)));
    }
  }
  const id = sha1(FORMAT, root, entry, JSON.stringify(Object.entries(files).sort())).slice(0, 16);
  const final = join(base, id);
  try {
    statSync(join(final, "manifest.json"));
  } catch {
    const tmp = `${final}.${process.pid}.tmp`;
    for (const [file, code] of outputs) {
      const out = join(tmp, file.replace(/\.ts$/, ".js"));
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, code);
    }
    writeFileSync(join(tmp, "manifest.json"), JSON.stringify({ format: FORMAT, root, entry, files }));
    try {
      renameSync(tmp, final);
    } catch {
      rmSync(tmp, { recursive: true, force: true }); // another process made the same copy first
    }
  }
  const pointer = join(base, `current.json.${process.pid}`);
  writeFileSync(pointer, JSON.stringify({ id }));
  renameSync(pointer, join(base, "current.json"));
  prune(base, id);
  return id;
}

/** One module, transpiled as ts-hooks.mjs does, with the copy's rewrites. */
function transpile(ts, root, file, source) {
  const path = join(root, file);
  const f = ts.factory;
  const respecify = (spec) => {
    if (spec === "typescript") return typescriptShim;
    if (!spec.startsWith(".")) return spec;
    if (spec.endsWith(".ts")) return spec.replace(/\.ts$/, ".js");
    return pathToFileURL(resolve(dirname(path), spec)).href;
  };
  const literal = (node) => (node && ts.isStringLiteral(node) ? f.createStringLiteral(respecify(node.text)) : node);
  const rewrite = (context) => (sourceFile) => {
    const visit = (node) => {
      if (ts.isImportDeclaration(node)) {
        return f.updateImportDeclaration(node, node.modifiers, node.importClause, literal(node.moduleSpecifier), node.attributes);
      }
      if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
        return f.updateExportDeclaration(node, node.modifiers, node.isTypeOnly, node.exportClause, literal(node.moduleSpecifier), node.attributes);
      }
      if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || isImportMeta(ts, node.expression, "resolve")) && node.arguments.length) {
        const [first, ...rest] = node.arguments;
        return f.updateCallExpression(node, node.expression, node.typeArguments, [literal(ts.visitNode(first, visit)), ...rest]);
      }
      if (isImportMeta(ts, node, "url")) {
        return f.createStringLiteral(pathToFileURL(path).href);
      }
      return ts.visitEachChild(node, visit, context);
    };
    return ts.visitNode(sourceFile, visit);
  };
  return ts.transpileModule(source, {
    fileName: path,
    compilerOptions: transpileOptions(ts, { sourceMap: false, inlineSourceMap: true, inlineSources: false }),
    transformers: { after: [rewrite] },
  }).outputText;
}

/** `import.meta.<name>`. */
function isImportMeta(ts, node, name) {
  return ts.isPropertyAccessExpression(node) && ts.isMetaProperty(node.expression) && node.expression.keywordToken === ts.SyntaxKind.ImportKeyword && node.name.text === name;
}

/** Removes copies beyond the newest few that no process has started from for a day (a long-running one may still load from it). */
function prune(base, keep) {
  try {
    const copies = readdirSync(base, { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== keep && !e.name.endsWith(".tmp"))
      .map((e) => ({ path: join(base, e.name), time: statSync(join(base, e.name)).mtimeMs }))
      .sort((a, b) => b.time - a.time);
    for (const c of copies.slice(KEEP - 1)) if (Date.now() - c.time > STALE_MS) rmSync(c.path, { recursive: true, force: true });
  } catch {}
}
