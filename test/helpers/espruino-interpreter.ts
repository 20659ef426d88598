/**
 * Runs scripts on a real Espruino interpreter: a Linux build of Espruino
 * (boards/espruino/README.md, "Measuring on a real interpreter", says how
 * to build one) named by the environment variable OUTPOST_ESPRUINO, one
 * path or several separated by the platform's path delimiter (`:`).
 * Tests and benchmarks that need it skip, saying so, when it is unset.
 *
 * How a script gets in, as a user's upload would:
 *   console   every line typed at the interpreter's console (its REPL on
 *             stdin), each statement run as it arrives, as the Espruino
 *             uploader sends code to RAM;
 *   storage   the text written to Storage as `.bootcde` in 512-byte pieces
 *             by one interpreter process, then a second process started
 *             in the same folder, which runs it from flash at boot, as
 *             `outpost flash --storage` does. `console` text follows then.
 *
 * A script reports with lines `@@<name> <json>`; each report is kept with
 * the process's CPU time when it was read (utime + stime from
 * /proc/<pid>/stat, 10 ms ticks). A run ends at the report named by
 * `until` (or, when `until` is a RegExp, at the first output line it
 * matches: for scripts that print without reporting, as the glue's panic
 * lines), or fails after `timeoutMs`; the process is killed either way
 * (the Linux build's exit path prints noise). Other output is kept as text.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

export interface Interpreter {
  path: string;
  /** Built with ESPR_UNICODE_SUPPORT: indexing a string at a byte ≥ 0x80 gives a UTF-8 character. */
  unicode: boolean;
  /** Bytes per JsVar (13 for a Puck.js-sized build, 27 for a 64-bit Linux build). */
  blockSize: number;
  /** JsVars the build has (resizable builds report their current total). */
  total: number;
  /** JsVars in use right after start, before any script. */
  baseline: number;
}

export interface Report {
  name: string;
  value: unknown;
  /** CPU ms the process had used when the report was read. */
  cpuMs: number;
  /** Wall ms since the process started. */
  wallMs: number;
}

export interface RunOptions {
  /** Text for the console. */
  console: string;
  /** Text run from Storage at boot (written by a first process). */
  storage?: string;
  /** The report that ends the run, or a pattern for the output line that does (matched without its line end). */
  until: string | RegExp;
  timeoutMs?: number;
  /** A command the interpreter runs under (e.g. valgrind and its options); the run then waits for the process to exit (the script calls quit()). */
  under?: string[];
}

export interface RunResult {
  reports: Report[];
  /** Everything the interpreter printed (console echo is off). */
  output: string;
  /** What the process (or the command it ran under) printed on stderr. */
  errors: string;
  /** Whether `until` arrived in time. */
  finished: boolean;
}

const PIECE = 512;
const TICK_MS = 1000 / (Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100);

/** The interpreters OUTPOST_ESPRUINO names, probed once each; [] when unset. */
export function interpretersFromEnv(): Interpreter[] {
  const paths = (process.env.OUTPOST_ESPRUINO ?? "").split(delimiter).filter((p) => p.trim() !== "");
  return paths.map(probe);
}

/** A sentence for a skipped test's name. */
export const NO_INTERPRETER = "skipped: OUTPOST_ESPRUINO does not name an Espruino Linux build (boards/espruino/README.md)";

const probes = new Map<string, Interpreter>();

function probe(path: string): Interpreter {
  const known = probes.get(path);
  if (known) return known;
  // "é" as its two UTF-8 bytes (the input is written as latin1): one character on a Unicode build, two on others.
  const script = 'var m=process.memory();console.log("@@probe "+JSON.stringify({u:"\u00c3\u00a9".length==1,b:m.blocksize,t:m.total,n:m.usage}));\n';
  const r = runSync(path, script);
  const m = /@@probe (\{.*\})/.exec(r);
  if (!m) throw new Error(`OUTPOST_ESPRUINO: ${path} did not run as an Espruino Linux build (it printed ${JSON.stringify(r.slice(0, 200))})`);
  const p = JSON.parse(m[1]!) as { u: boolean; b: number; t: number; n: number };
  const found = { path, unicode: p.u, blockSize: p.b, total: p.t, baseline: p.n };
  probes.set(path, found);
  return found;
}

function runSync(path: string, script: string): string {
  const dir = mkdtempSync(join(tmpdir(), "outpost-espruino-"));
  try {
    const r = spawnSync(path, [], { cwd: dir, input: "echo(0);\n" + script, encoding: "latin1", timeout: 10_000, killSignal: "SIGKILL" });
    return r.stdout ?? "";
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `options` on `interp` in a fresh folder (its own flash file). */
export async function runOnInterpreter(interp: Interpreter, options: RunOptions): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), "outpost-espruino-"));
  try {
    if (options.storage !== undefined) {
      const stored = await session([interp.path], dir, storageUpload(options.storage) + 'console.log("@@stored 1");\n', "stored", options.timeoutMs ?? 30_000, false);
      if (!stored.finished) return stored;
    }
    const command = [...(options.under ?? []), interp.path];
    return await session(command, dir, options.console, options.until, options.timeoutMs ?? 30_000, options.under !== undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Console lines that write `text` to Storage as .bootcde, PIECE bytes a line (the uploader's way). */
export function storageUpload(text: string): string {
  const lines: string[] = [];
  for (let at = 0; at < text.length; at += PIECE) {
    const piece = jsString(text.slice(at, at + PIECE));
    lines.push(at === 0 ? `require("Storage").write(".bootcde",${piece},0,${text.length});` : `require("Storage").write(".bootcde",${piece},${at});`);
  }
  return lines.join("\n") + "\n";
}

/** A JavaScript string literal of `s` that is plain ASCII (bytes above 0x7E escaped). */
function jsString(s: string): string {
  return '"' + s.replace(/[\\"\x00-\x1f\x7f-\uffff]/g, (c) => {
    const code = c.charCodeAt(0);
    if (c === "\\" || c === '"') return "\\" + c;
    if (code > 0xff) throw new Error("storageUpload takes bytes (char codes 0-255)");
    return "\\x" + code.toString(16).padStart(2, "0");
  }) + '"';
}

/** One interpreter process; with `waitForExit` the `until` report only marks success and the run ends when the process does. */
function session(command: string[], cwd: string, input: string, until: string | RegExp, timeoutMs: number, waitForExit: boolean): Promise<RunResult> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child: ChildProcess = spawn(command[0]!, command.slice(1), { cwd, stdio: ["pipe", "pipe", "pipe"] });
    const reports: Report[] = [];
    let output = "";
    let errors = "";
    let pending = "";
    let done = false;
    let arrived = false;
    const finish = (finished: boolean): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.kill("SIGKILL");
      resolve({ reports, output, errors, finished });
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    child.stdout!.setEncoding("latin1");
    child.stdout!.on("data", (chunk: string) => {
      output += chunk;
      pending += chunk;
      let nl: number;
      while ((nl = pending.indexOf("\n")) >= 0) {
        const line = pending.slice(0, nl).replace(/\r$/, "");
        pending = pending.slice(nl + 1);
        if (typeof until !== "string" && until.test(line)) {
          arrived = true;
          if (!waitForExit) finish(true);
        }
        const m = /@@(\w+) (.*)$/.exec(line);
        if (!m) continue;
        let value: unknown = m[2];
        try {
          value = JSON.parse(m[2]!);
        } catch {
          // a report that is not JSON stays text
        }
        reports.push({ name: m[1]!, value, cpuMs: cpuMs(child.pid), wallMs: Date.now() - started });
        if (m[1] === until) {
          arrived = true;
          if (!waitForExit) finish(true);
        }
      }
    });
    child.stderr!.setEncoding("latin1");
    child.stderr!.on("data", (chunk: string) => (errors += chunk));
    child.on("close", () => finish(arrived));
    child.stdin!.on("error", () => {}); // the interpreter may be gone before it read everything
    // Echo off, then the text; stdin stays open (the Linux build quits at its end).
    child.stdin!.write("echo(0);\n" + input);
  });
}

/** CPU time (user + system) the process has used, in ms; NaN once it is gone. */
function cpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime, stime: fields 14 and 15 of stat
  } catch {
    return NaN;
  }
}
