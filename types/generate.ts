/**
 * Generates Outpost's editor typings (types/outpost/**) from the firmware
 * sources, as AssemblyScript ships declaration files for its std lib:
 *
 *   src/runtime/<x>.ts   → types/outpost/<x>.d.ts          ("outpost", "outpost/<x>")
 *   hal/<x>.ts           → types/outpost/hal/<x>.d.ts      ("outpost/hal", "outpost/hal/<x>")
 *   hal/drivers/<x>.ts   → types/outpost/drivers/<x>.d.ts  ("outpost/drivers/<x>")
 *   boards/sim           → types/outpost/board.d.ts        ("outpost/board")
 *
 * Declarations come from TypeScript's per-file declaration emit (which
 * reads AssemblyScript and drops decorators and bodies), then two additions
 * make async code type-check: futures are thenable (`await uart.read(buf)`
 * is an i32), and "outpost" declares `task()`, which the lowering consumes.
 * types/outpost/globals.d.ts (hand-written) declares Promise and async
 * iteration over Outpost's futures and streams.
 *
 *   node --import ./tools/register.mjs types/generate.ts          write
 *   node --import ./tools/register.mjs types/generate.ts --check  exit 1 if stale
 */
import ts from "typescript";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { boardModuleSource, loadBoard } from "../src/contract/boards.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const outDir = join(root, "types/outpost");

/** `then` makes a future awaitable in the editor; the lowering maps `await` to polling. */
const FUTURE_THEN = `    /** Editor typing only: lets \`await\` see through the future (the lowering polls it instead). */\n    then<R>(f: (v: unknown) => R): R;\n`;
const VALUE_FUTURE_THEN = `    /** Editor typing only: \`await\` of this future has type T. */\n    then<R>(f: (v: T) => R): R;\n`;

const TASK_DECL = `
/** The spawner of a task declared with \`task()\`: its pool and typed spawn. */
export interface TaskSpawner<A extends unknown[]> {
    /** The pool, one slot per concurrent run. */
    readonly pool: TaskPool<Task>;
    /** Starts the task in a free slot; POOL_FULL panic when every slot is running. */
    spawn(...args: A): Task;
    /** Starts the task in a free slot, or returns null when every slot is running. */
    trySpawn(...args: A): Task | null;
    /** How many slots are running. */
    running(): i32;
}
/**
 * Declares a task: a pool of \`size\` statically allocated runs of an async
 * function, spawned with its arguments. Use as a module-level const:
 *
 *   export const blink = task(1, async (led: OutputPin, period: Duration): Promise<void> => {
 *     while (true) { led.toggle(); await Timer.after(period); }
 *   });
 *   // main(): blink.spawn(led, Duration.millis(500));
 *
 * The async lowering turns it into a TaskPool and a state machine (no allocation after init).
 */
export declare function task<A extends unknown[]>(size: i32, body: (...args: A) => Promise<void>): TaskSpawner<A>;
`;

/** The member that makes a Stream<T> iterable with \`for await\` in the editor. */
const STREAM_ITER = (item: string) =>
  `    /** Editor typing only: \`for await (const x of stream)\` gives x: ${item} (the lowering calls next()). */\n    [Symbol.asyncIterator](): AsyncIterator<${item}>;\n`;

interface Job {
  source: string;
  out: string;
  text?: string;
}

function sources(dir: string, skip: (rel: string) => boolean): string[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const rel = relative(dir, p);
      if (skip(rel)) continue;
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".ts") && !name.endsWith(".d.ts")) files.push(p);
    }
  };
  walk(dir);
  return files;
}

function jobs(): Job[] {
  const list: Job[] = [];
  const runtime = join(root, "src/runtime");
  for (const f of sources(runtime, (r) => r === "rt")) list.push({ source: f, out: join(outDir, relative(runtime, f)) });
  const hal = join(root, "hal");
  for (const f of sources(hal, (r) => r === "drivers")) list.push({ source: f, out: join(outDir, "hal", relative(hal, f)) });
  const drivers = join(hal, "drivers");
  for (const f of sources(drivers, () => false)) list.push({ source: f, out: join(outDir, "drivers", relative(drivers, f)) });
  list.push({ source: "boards/sim/board.json", out: join(outDir, "board.ts"), text: boardModuleSource(loadBoard("sim")) });
  return list;
}

function declarations(job: Job): string {
  const text = job.text ?? readFileSync(job.source, "utf8");
  const r = ts.transpileDeclaration(text, { fileName: job.out, compilerOptions: { experimentalDecorators: true } });
  let d = r.outputText;
  const rel = job.text ? job.source : relative(root, job.source);
  if (rel === "src/runtime/future.ts") {
    d = d.replace(/(export declare abstract class Future \{\n)/, `$1${FUTURE_THEN}`);
    d = d.replace(/(export declare abstract class ValueFuture<T> extends Future \{\n)/, `$1${VALUE_FUTURE_THEN}`);
  }
  if (rel === "src/runtime/index.ts") {
    d = d.replace(/^export \{ Task, TaskPool/m, "import { Task, TaskPool } from \"./task\";\nexport { Task, TaskPool") + TASK_DECL;
  }
  if (rel === "hal/stream.ts") {
    d = d.replace(/(export interface Stream<T> \{\n)/, `$1${STREAM_ITER("T")}`);
  }
  // Streams are async-iterable over their items: \`for await (const b of bytes)\` types b.
  d = d.replace(/(export declare class \w+(?:<[^>]*>)? implements [^{]*\bStream<([^>]+)>[^{]*\{\n)/g, (_m, head: string, item: string) => head + STREAM_ITER(item));
  return `// Generated by types/generate.ts from ${rel}. Do not edit.\n${d}`;
}

/** Writes (or, with check, compares) every generated file; returns the stale ones. */
export function generate(check: boolean): string[] {
  const stale: string[] = [];
  for (const job of jobs()) {
    const path = job.out.replace(/\.ts$/, ".d.ts");
    const text = declarations(job);
    let old: string | null = null;
    try {
      old = readFileSync(path, "utf8");
    } catch {
      // new file
    }
    if (old === text) continue;
    stale.push(relative(root, path));
    if (!check) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    }
  }
  return stale;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes("--check");
  const stale = generate(check);
  if (check && stale.length) {
    process.stderr.write(`typings are stale: ${stale.join(", ")}\nrun: node --import ./tools/register.mjs types/generate.ts\n`);
    process.exit(1);
  }
  process.stdout.write(stale.length ? `wrote ${stale.length} file(s)\n` : "typings are up to date\n");
}
