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
// at the same relative paths, each stripped of its types as the hooks
// strip it (strip.mjs, through their cache), with three rewrites made at
// the positions of its syntax tree (never by searching the text, so a
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
// rebuilt when any differs, reusing each unchanged file's rewritten text
// from the hooks' cache folder. Copies are made in a temporary folder and
// renamed into place, so concurrent processes never see half of one.
// Anything that fails (a read-only install) makes `hostEntry` return null,
// and the caller loads the sources through the hooks as before.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { useShims } from "./use-shims.mjs";
import { writeWhole } from "./write-whole.mjs";

function sha1(...parts) {
  const h = createHash("sha1");
  for (const p of parts) h.update(p).update("\0");
  return h.digest("hex");
}

const defaultRoot = fileURLToPath(new URL("../", import.meta.url));
const typescriptShim = new URL("./typescript.mjs", import.meta.url).href;
/** What else makes a copy: this file's rewrites, how modules are stripped, and the versions of what strips them. */
const FORMAT = (() => {
  try {
    const tool = (name) => readFileSync(new URL(name, import.meta.url));
    const version = (name) => JSON.parse(readFileSync(createRequire(import.meta.url).resolve(`${name}/package.json`), "utf8")).version;
    const [typescript, tsBlankSpace] = [version("typescript"), version("ts-blank-space")];
    return sha1(tool("./host-tree.mjs"), tool("./strip.mjs"), tool("./ts-options.mjs"), typescript, tsBlankSpace);
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

/** Strips everything `entry` reaches into a new copy; returns its id. */
async function build(base, root, entry) {
  useShims(); // TypeScript (ts-blank-space's too) with its code cache, for what is imported from here on
  const ts = (await import("typescript")).default;
  const { parse, strip } = await import("./strip.mjs");
  const hooksCache = join(base, "..", "outpost-ts");
  const files = {};
  const outputs = new Map();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop();
    if (file in files) continue;
    const path = join(root, file);
    const source = readFileSync(path, "utf8");
    files[file] = sha1(file, source);
    const tree = parse(path, source);
    const key = sha1(FORMAT, root, file, source);
    const cached = join(hooksCache, `${key}.tree.js`);
    let code;
    try {
      code = readFileSync(cached, "utf8");
    } catch {
      code = rewrite(ts, path, tree, strip(path, source, tree));
      writeWhole(cached, code);
    }
    outputs.set(file, code);
    // Modules it imports, and those it names with import.meta.resolve (a worker's entry, say).
    for (const { spec } of specifiers(ts, tree)) {
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

/**
 * Each module specifier `tree` (a module's syntax tree) names and the string literal that holds it:
 * of imports and exports that are not only of types, of `import()` and of `import.meta.resolve()`.
 */
function specifiers(ts, tree) {
  const found = [];
  const literal = (node) => node && ts.isStringLiteral(node) && found.push({ spec: node.text, node });
  const visit = (node) => {
    if (ts.isImportDeclaration(node)) {
      if (!node.importClause?.isTypeOnly) literal(node.moduleSpecifier);
    } else if (ts.isExportDeclaration(node)) {
      if (!node.isTypeOnly) literal(node.moduleSpecifier);
    } else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || isImportMeta(ts, node.expression, "resolve"))) {
      literal(node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

/**
 * A module stripped of its types (`stripped`, strip.mjs) with the copy's rewrites, made at the positions
 * of its syntax tree: `tree` (the TypeScript's) when stripping kept every position, else the JavaScript's.
 */
function rewrite(ts, path, tree, { code, blanked }) {
  const js = blanked ? tree : ts.createSourceFile(path.replace(/\.ts$/, ".js"), code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const respecify = (spec) => {
    if (spec === "typescript") return typescriptShim;
    if (!spec.startsWith(".")) return spec;
    if (spec.endsWith(".ts")) return spec.replace(/\.ts$/, ".js");
    return pathToFileURL(resolve(dirname(path), spec)).href;
  };
  const edits = specifiers(ts, js).map(({ spec, node }) => ({ start: node.getStart(js), end: node.end, text: JSON.stringify(respecify(spec)) }));
  const urls = (node) => {
    if (isImportMeta(ts, node, "url")) edits.push({ start: node.getStart(js), end: node.end, text: JSON.stringify(pathToFileURL(path).href) });
    else ts.forEachChild(node, urls);
  };
  urls(js);
  let out = code;
  for (const e of edits.sort((a, b) => b.start - a.start)) {
    if (code.slice(e.start, e.end) !== js.text.slice(e.start, e.end)) throw new Error(`${path}: the stripped module moved what the copy rewrites`);
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  }
  return out;
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
