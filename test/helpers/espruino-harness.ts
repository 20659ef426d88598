/**
 * What the real-interpreter tests and the Espruino benchmark run on an
 * Espruino Linux build (espruino-interpreter.ts): a firmware, or the
 * hand-written echo it is compared with, on a fake `Serial1` whose `data`
 * handler is fed by a driver and whose `write` counts what comes back.
 *
 *   echo       feeds `bytes` bytes in chunks of `chunk` (one chunk per turn
 *              of Espruino's event loop, as received data arrives) and
 *              reports CPU and wall time per byte once all came back;
 *   resident   JsVars in use once the firmware has started and is idle
 *              (`process.memory()`, which collects garbage first);
 *   peak       the fewest JsVars the upload and start need: the largest
 *              ballast (a buffer of known size taken first) with which
 *              the firmware still starts, found by bisection.
 *
 * The fake Serial1 is defined before the firmware, so the firmware's
 * `Serial1.setup`, `on` and `write` reach it; everything else (timers,
 * getTime, pins) is the interpreter's own.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Interpreter, runOnInterpreter } from "./espruino-interpreter.ts";

export type Upload = "console" | "storage";

/** The fake serial port; `H.o` keeps the bytes written when `keep` is set. */
const fakeSerial = (keep: boolean): string =>
  "var H={n:0,o:\"\",f:0};" +
  "Serial1.setup=function(){};" +
  "Serial1.on=function(e,f){if(e==\"data\")H.f=f};" +
  `Serial1.write=function(d){H.n+=d.length${keep ? ';H.o+=typeof d=="string"?d:E.toString(d)' : ""}};\n`;

/** The script the issue compares Outpost's uart-echo with. */
export const HAND_WRITTEN_ECHO = 'Serial1.on("data", d => Serial1.write(d));\n';

/** Reports `@@started` with process.memory(): the console runs it once the upload and the firmware's start are done. */
const STARTED = 'console.log("@@started "+JSON.stringify(process.memory()));\n';

/** `program` on `interp` as `upload` says, with the fake serial port in front unless `fake` is false. */
function upload(program: string, how: Upload, keep: boolean, ballast = 0, fake = true): { storage?: string; console: string } {
  const front = (ballast > 0 ? `var H_B=new Uint8Array(${ballast});\n` : "") + (fake ? fakeSerial(keep) : "");
  return how === "storage" ? { storage: front + program, console: "" } : { console: front + program };
}

export interface EchoResult {
  /** CPU µs per byte between the first chunk and the last byte echoed. */
  cpuUs: number;
  /** Wall µs per byte, as getTime() saw it. */
  wallUs: number;
  echoed: number;
  /** JsVars in use after start, before the driver was defined. */
  resident: number;
}

/**
 * The driver: `H_go()` feeds `bytes` bytes through the fake Serial1 in
 * chunks of `chunk`, no faster than a line at `baud` (8N1) would deliver
 * them (one chunk per turn of the event loop, or later when the line would
 * not have brought it yet), then reports `@@done` once all came back and
 * runs `end`.
 */
function driver(bytes: number, chunk: number, baud: number, end = ""): string {
  return (
    `function H_go(){var p="";for(var i=0;i<${chunk};i++)p+=String.fromCharCode(i*31+7&255);var fed=0,t0;` +
    `function s(){if(fed<${bytes}){var w=(t0+fed*10/${baud}-getTime())*1000;if(w>0.05)return setTimeout(s,w);H.f(p);fed+=${chunk};setTimeout(s,0)}` +
    `else if(H.n>=${bytes}||getTime()-t0>600){console.log("@@done "+JSON.stringify({n:H.n,us:(getTime()-t0)*1e6}));${end}}else setTimeout(s,1)}` +
    `console.log("@@go 1");setTimeout(function(){t0=getTime();s()},200)}\n`
  );
}

/** Feeds `bytes` bytes to `program` in chunks of `chunk` (see `driver`) and times it. */
export async function echo(interp: Interpreter, program: string, bytes: number, chunk: number, how: Upload = "console", baud = 115200): Promise<EchoResult> {
  const u = upload(program, how, false);
  // The driver comes after the memory report, so it does not count as resident.
  const r = await runOnInterpreter(interp, { ...u, console: u.console + STARTED + driver(bytes, chunk, baud) + "H_go();\n", until: "done", timeoutMs: 120_000 });
  const started = r.reports.find((x) => x.name === "started");
  const go = r.reports.find((x) => x.name === "go");
  const done = r.reports.find((x) => x.name === "done");
  if (!r.finished || !started || !go || !done) throw new Error(`the echo did not finish on ${interp.path}:\n${tail(r.output)}`);
  const d = done.value as { n: number; us: number };
  return {
    cpuUs: ((done.cpuMs - go.cpuMs) * 1000) / bytes,
    wallUs: d.us / bytes,
    echoed: d.n,
    resident: (started.value as { usage: number }).usage,
  };
}

/**
 * Machine instructions the interpreter spends running JavaScript per byte
 * echoed, counted by valgrind (callgrind): what the callbacks cost
 * (`jspExecuteFunction`, inclusive: the driver, the handler, the glue, the
 * firmware, the native functions they call), between echoing 2n and n
 * bytes, divided by n, so start-up and upload cancel out. Deterministic
 * where CPU time on a shared machine is not, and blind to the Linux
 * build's idle loop, which spins rather than sleeps before a timer less
 * than 1 ms away (a board sleeps). Null when valgrind is not installed.
 */
export async function echoInstructions(interp: Interpreter, program: string, n: number, chunk: number, baud = 115200): Promise<number | null> {
  if (spawnSync("valgrind", ["--version"]).status !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), "outpost-callgrind-"));
  try {
    const count = async (bytes: number): Promise<number> => {
      const out = join(dir, `out.${bytes}`);
      const u = upload(program, "console", false);
      const r = await runOnInterpreter(interp, {
        ...u,
        console: u.console + driver(bytes, chunk, baud, "quit();") + "H_go();\n",
        until: "done",
        timeoutMs: 600_000,
        under: ["valgrind", "--tool=callgrind", `--callgrind-out-file=${out}`],
      });
      if (!r.finished) throw new Error(`the echo did not finish under valgrind on ${interp.path}:\n${tail(r.output)}\n${r.errors.slice(-500)}`);
      const annotated = spawnSync("callgrind_annotate", ["--inclusive=yes", out], { encoding: "utf8", maxBuffer: 1 << 26 }).stdout;
      const m = /^\s*([\d,]+) .*:jspExecuteFunction \[/m.exec(annotated);
      if (!m) throw new Error("callgrind_annotate shows no jspExecuteFunction: is the interpreter an Espruino build with symbols?");
      return Number(m[1]!.replace(/,/g, ""));
    };
    const one = await count(n);
    const two = await count(2 * n);
    return (two - one) / n;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** JsVars in use once `program` has started and gone idle; also what it printed meanwhile. Without `fake`, Serial1 is the interpreter's own. */
export async function resident(interp: Interpreter, program: string, how: Upload, fake = true): Promise<{ vars: number; output: string }> {
  const u = upload(program, how, false, 0, fake);
  const r = await runOnInterpreter(interp, { ...u, console: u.console + STARTED, until: "started" });
  const started = r.reports.find((x) => x.name === "started");
  if (!started) throw new Error(`the firmware did not start on ${interp.path}:\n${tail(r.output)}`);
  return { vars: (started.value as { usage: number }).usage, output: r.output };
}

/** Bytes written back for `input`, fed after start in chunks of up to 32 bytes (a UART's hardware buffer) 20 ms apart. */
export async function echoBytes(interp: Interpreter, program: string, input: Uint8Array, how: Upload = "console"): Promise<{ bytes: Uint8Array; output: string }> {
  const chunks: string[] = [];
  for (let at = 0; at < input.length; at += 32) chunks.push(`[${Array.from(input.subarray(at, at + 32)).join(",")}]`);
  const driver =
    `var H_in=[${chunks.join(",")}];function H_feed(){if(H_in.length){H.f(E.toString(H_in.shift()));setTimeout(H_feed,20)}` +
    `else setTimeout(function(){console.log("@@out "+JSON.stringify(btoa(H.o)))},300)}setTimeout(H_feed,100);\n`;
  const u = upload(program, how, true);
  const r = await runOnInterpreter(interp, { ...u, console: u.console + driver, until: "out" });
  const out = r.reports.find((x) => x.name === "out");
  if (!out) throw new Error(`no echo on ${interp.path}:\n${tail(r.output)}`);
  return { bytes: new Uint8Array(Buffer.from(out.value as string, "base64")), output: r.output };
}

/**
 * The fewest JsVars with which `program` uploads and starts (`started`
 * says whether a run's output shows a started firmware): the total minus
 * the largest ballast that still lets it, to within `step` JsVars; null
 * when it does not start even without ballast.
 */
export async function peak(interp: Interpreter, program: string, how: Upload, started: (output: string) => boolean, step = 8, fake = true): Promise<number | null> {
  const ok = async (vars: number): Promise<boolean> => {
    const u = upload(program, how, false, vars * interp.blockSize, fake);
    const r = await runOnInterpreter(interp, { ...u, console: u.console + STARTED, until: "started", timeoutMs: 15_000 });
    return r.finished && !/OUT OF MEMORY|LOW_MEMORY|MEMORY/.test(r.output) && started(r.output);
  };
  let lo = 0; // a ballast of lo JsVars is known to work
  let hi = interp.total; // … and hi not
  if (!(await ok(0))) return null; // it does not fit this interpreter's JsVars at all
  while (hi - lo > step) {
    const mid = Math.floor((lo + hi) / 2);
    if (await ok(mid)) lo = mid;
    else hi = mid;
  }
  return interp.total - lo;
}

function tail(output: string): string {
  return output.replace(/V{20,}/g, "").slice(-1500);
}
