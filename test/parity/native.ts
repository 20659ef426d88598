/**
 * Runs a parity program as native TypeScript: `runNative(path, options)`
 * rewrites a copy of the program so it imports the shim (shim/index.ts)
 * instead of "outpost", imports it into a fresh shim world, calls its
 * `main()`, runs the virtual clock and returns the trace ("<µs> <text>").
 *
 * The rewrite (`prepare`) splices text into the source and moves no line:
 * - each async function, method and arrow keeps its body but runs it as a
 *   frame, `f(x) { return $async(async () => { … }); }`, so the shim knows
 *   which call awaits which future (the body is the same native async code;
 *   the frame starts it when called, or when first polled in lazy mode);
 * - each catch block starts with `$rethrowCancel(e)`: when Outpost cancels
 *   a future, its finally blocks run and its catch blocks do not;
 * - each finally block of an async body runs between `$enterFinally()` and
 *   `$leaveFinally()`: a frame cancelled inside one finishes it first;
 * - generators (`function*`, `async function*`) stay as they are.
 * The copy goes to node_modules/.cache/outpost-parity/.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import * as shim from "./shim/index.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const shimPath = fileURLToPath(new URL("./shim/index.ts", import.meta.url));
const tmp = join(root, "node_modules/.cache/outpost-parity");

export interface NativeOptions {
  /** Virtual time to run (µs). */
  us: number;
  /** Start async calls when first polled (Outpost's rule) rather than when called. */
  lazy?: boolean;
}

/** The program at `path` (relative to the repository root) run natively over the shim: its trace lines. */
export async function runNative(path: string, options: NativeOptions): Promise<string[]> {
  const file = join(tmp, path.replace(/[\\/]/g, "_"));
  // Each program runs twice (eager and lazy): it is prepared and written once per process, and only if changed.
  if (!written.has(path)) {
    const text = prepare(readFileSync(join(root, path), "utf8"), path);
    mkdirSync(tmp, { recursive: true });
    if (!existsSync(file) || readFileSync(file, "utf8") !== text) writeFileSync(file, text);
    written.add(path);
  }
  // A module is evaluated once per URL: a second run of the same program in this process is another instance of
  // the same file (the loader transpiles it once).
  const run = (runs.get(path) ?? 0) + 1;
  runs.set(path, run);
  shim.reset({ lazy: options.lazy });
  const program = (await import(`${pathToFileURL(file).href}?run=${run}`)) as { main(): void };
  program.main();
  await shim.runUntil(options.us);
  return shim.traceLines();
}

const runs = new Map<string, number>();
const written = new Set<string>();

/** An edit: insert `text` at `at`, replacing `end - at` characters. */
interface Splice {
  at: number;
  end: number;
  text: string;
}

/** The program's source rewritten for the shim (see the file comment). */
export function prepare(source: string, name: string): string {
  const file = ts.createSourceFile(name, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const edits: Splice[] = [];
  const insert = (at: number, text: string) => edits.push({ at, end: at, text });
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) asFrame(node as ts.FunctionLikeDeclaration, edits);
    if (ts.isTryStatement(node) && node.finallyBlock && inAsyncBody(node)) {
      const block = node.finallyBlock;
      insert(block.getStart() + 1, " const $fin = $enterFinally(); try {");
      insert(block.end - 1, "} finally { $leaveFinally($fin); } ");
    }
    if (ts.isCatchClause(node)) {
      const name = node.variableDeclaration?.name.getText() ?? "$e";
      if (!node.variableDeclaration) insert(node.getStart() + "catch".length, " ($e)");
      insert(node.block.getStart() + 1, ` $rethrowCancel(${name});`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let text = source;
  // From the end; of two insertions at one place, the one pushed later goes after the earlier (an empty body's `{}`).
  const order = edits.map((e, i) => ({ ...e, i })).sort((a, b) => b.at - a.at || b.end - a.end || b.i - a.i);
  for (const e of order) text = text.slice(0, e.at) + e.text + text.slice(e.end);
  if (/from "outpost\//.test(text)) throw new Error(`${name}: the shim models "outpost" only, not its subpackages`);
  text = text.replace(/from "outpost"/g, `from ${JSON.stringify(shimPath)}`);
  return `import { $async, $enterFinally, $leaveFinally, $rethrowCancel } from ${JSON.stringify(shimPath)}; ${text}`;
}

/** The node is in the body of an async, non-generator function (not of a function nested in it). */
function inAsyncBody(node: ts.Node): boolean {
  let fn = node.parent;
  while (fn && !ts.isFunctionLike(fn)) fn = fn.parent;
  return fn !== undefined && !(fn as ts.FunctionLikeDeclaration).asteriskToken && (ts.getCombinedModifierFlags(fn as ts.Declaration) & ts.ModifierFlags.Async) !== 0;
}

/** Rewrites one async, non-generator function so that calling it makes a frame running its body. */
function asFrame(fn: ts.FunctionLikeDeclaration, edits: Splice[]): void {
  const asyncWord = fn.modifiers?.find((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
  if (!asyncWord || fn.asteriskToken || !fn.body) return;
  edits.push({ at: asyncWord.getStart(), end: asyncWord.end, text: "" });
  const body = fn.body;
  if (ts.isBlock(body)) {
    edits.push({ at: body.getStart() + 1, end: body.getStart() + 1, text: " return $async(async () => {" });
    edits.push({ at: body.end - 1, end: body.end - 1, text: "}); " });
  } else {
    edits.push({ at: body.getStart(), end: body.getStart(), text: "$async(async () => (" });
    edits.push({ at: body.end, end: body.end, text: "))" });
  }
}
