/**
 * How many JsVars a translated firmware needs on an Espruino board: what
 * stays resident once it runs, the peak while it is uploaded to RAM over
 * the console, and what it needs when its code runs from Storage (flash);
 * and the refusal when even that is more than the board has.
 *
 * Espruino keeps everything in fixed-size blocks ("JsVars": 13 bytes up to
 * 8,191 of them, 14 up to 16,383, 16 on ESP32; board.json
 * `espruino.jsVarBytes`). Calibrated on Espruino 2v29's Linux build made
 * 32-bit with Puck.js's 2,630 13-byte JsVars, against process.memory()
 * after each example started (boards/espruino/README.md has the figures;
 * test/espruino/interpreter.test.ts holds the estimate to them when such a
 * build is given). Rules, per part:
 *
 *   code      function text, pretokenised (E.setFlags({pretokenise:1}), set
 *             by the output): 1.4 × (bytes − 3) printed characters per
 *             JsVar (measured 14.6–15.0 at 13 bytes). Zero from flash.
 *   functions 3 per function (its name, the function, its code link) + 1
 *             per parameter; 2 more for a closure's scope. Function
 *             expressions inside functions (the glue's callbacks) count
 *             once each, as if all were alive at once.
 *   globals   2 per top-level variable (name + value); arrays and objects 2
 *             per element; strings one JsVar per (bytes − 3) characters + 1.
 *   memory    the firmware's linear memory, an ArrayBuffer stored as a flat
 *             string (one JsVar per `bytes` bytes) + 2; each view 2.
 *   runtime   what running needs: 90 (timers, glue state) + per UART 40 +
 *             its RX FIFO in string JsVars + per button 15 (a watch and
 *             its callback).
 *   upload    each top-level statement is held as text while it is parsed,
 *             from the console or from Storage alike: the longest, at
 *             (bytes − 3) characters per JsVar.
 *   system    150 for Espruino itself on a board (the Linux build holds 54).
 *
 *   resident    everything but upload: what a RAM upload keeps
 *   total       resident + upload: the peak of a console upload
 *   fromFlash   resident − code + upload: the peak when the code runs
 *               from Storage (what stays is upload less)
 *
 * Top-level statements that only run (data initialisation, the start
 * call) keep nothing after they ran; they count in `upload` only.
 */
import { grouped } from "../../contract/grouped.ts";
import { type Expr, type Stmt, walkStmt } from "./ast.ts";
import { printFunc, printStmt } from "./print.ts";
import { OutpostError } from "../../contract/errors.ts";

const SYSTEM = 150;
/** Characters of pretokenised code per JsVar, per character a string JsVar holds (measured 1.46–1.50). */
const PRETOKENISED = 1.4;

export interface JsVarEstimate {
  code: number;
  functions: number;
  globals: number;
  memory: number;
  runtime: number;
  upload: number;
  system: number;
  /** What stays once the firmware runs, code in RAM. */
  resident: number;
  /** The peak of a console upload: resident + upload. */
  total: number;
  /** The peak with the code in flash (a Storage upload): resident without code, plus upload. */
  fromFlash: number;
}

export interface EstimateInput {
  /** The final program (names shortened), top-level statements. */
  program: Stmt[];
  /** Linear memory bytes. */
  memoryBytes: number;
  /** RX FIFO depth of each UART. */
  rxFifos: number[];
  buttons: number;
  /** Bytes per JsVar on the board (13 when not given). */
  jsVarBytes?: number;
}

export function estimateJsVars(input: EstimateInput): JsVarEstimate {
  const size = input.jsVarBytes ?? 13;
  const blocks = (chars: number): number => Math.ceil(chars / (size - 3));
  const e: JsVarEstimate = { code: 0, functions: 0, globals: 0, memory: 0, runtime: 0, upload: 0, system: SYSTEM, resident: 0, total: 0, fromFlash: 0 };
  const func = (params: number, text: string, closure: boolean): void => {
    e.functions += 3 + params + (closure ? 2 : 0);
    e.code += Math.ceil((text.length - text.indexOf("(")) / (PRETOKENISED * (size - 3)));
  };
  const nested = (s: Stmt): void =>
    walkStmt(s, (x) => {
      if (x.k === "fn") func(x.fn.params.length, printFunc(x.fn), true);
    });
  let longest = 0;
  for (const s of input.program) {
    const text = printStmt(s); // a function statement prints as printFunc prints it
    longest = Math.max(longest, text.length);
    if (s.k === "func") {
      func(s.fn.params.length, text, false);
      s.fn.body.forEach(nested);
    } else if (s.k === "var") {
      for (const d of s.decls) {
        e.globals += 2;
        if (d.init) value(d.init, e, func, size);
      }
    } else {
      nested(s);
    }
  }
  e.memory += Math.ceil(input.memoryBytes / size) + 2;
  e.runtime = 90 + input.rxFifos.reduce((sum, fifo) => sum + 40 + blocks(fifo), 0) + 15 * input.buttons;
  e.upload = blocks(longest);
  e.resident = e.code + e.functions + e.globals + e.memory + e.runtime + e.system;
  e.total = e.resident + e.upload;
  e.fromFlash = e.resident - e.code + e.upload;
  return e;
}

/** The blocks a global's initial value holds (the views and buffers of memory count as memory). */
function value(init: Expr, e: JsVarEstimate, func: (params: number, text: string, closure: boolean) => void, size: number): void {
  switch (init.k) {
    case "arr":
      e.globals += 1 + 2 * init.items.length;
      init.items.forEach((x) => value(x, e, func, size));
      break;
    case "obj":
      e.globals += 1 + 2 * init.props.length;
      init.props.forEach((p) => value(p.value, e, func, size));
      break;
    case "str":
      e.globals += 1 + Math.ceil(init.value.length / (size - 3));
      break;
    case "fn":
      func(init.fn.params.length, printFunc(init.fn), false);
      break;
    case "new": {
      const n = init.args[0];
      if (init.callee.k === "id" && init.callee.name === "ArrayBuffer") break; // counted as memory
      if (n?.k === "num") e.globals += 2 + Math.ceil((n.value * elementBytes(init.callee)) / size);
      else if (n?.k === "id") e.memory += 2; // a view over the firmware's memory (new Int32Array(buffer))
      else e.globals += 2 + 8; // a small table sized at run time (the glue's pin claims)
      break;
    }
  }
}

function elementBytes(callee: Expr): number {
  const name = callee.k === "id" ? callee.name : "";
  return /64/.test(name) ? 8 : /32/.test(name) ? 4 : /16/.test(name) ? 2 : 1;
}

export function formatEstimate(e: JsVarEstimate): string {
  const parts: [string, number][] = [
    ["code", e.code], ["functions", e.functions], ["globals", e.globals], ["memory", e.memory],
    ["runtime", e.runtime], ["upload", e.upload], ["system", e.system],
  ];
  return parts.map(([n, v]) => `${n} ${grouped(v)}`).join(", ");
}

/**
 * OVER_BUDGET unless the firmware fits the board's JsVars at least with its
 * code in flash (a Storage upload); one that fits only that way is built,
 * and the build report says how to upload it.
 */
export function checkJsVars(e: JsVarEstimate, budget: number, board: string, file: string): void {
  if (e.fromFlash <= budget) return;
  throw new OutpostError(
    "OVER_BUDGET",
    `${file} needs about ${grouped(e.fromFlash)} JsVars even with its code in flash but board "${board}" has ${grouped(budget)} ` +
      `(${formatEstimate(e)}): shrink the firmware (fewer tasks, smaller buffers, shorter messages) or choose a board with more JsVars (outpost boards lists them)`,
  );
}
