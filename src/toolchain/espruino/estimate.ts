/**
 * How many JsVars a translated firmware needs on an Espruino board, and
 * the refusal when that is more than the board has.
 *
 * Espruino keeps everything in fixed-size blocks ("JsVars", 12–16 bytes
 * each: 13 on a Pico or Puck.js, 14 on ESP32, 16 above 16,383). The
 * estimate is deliberately pessimistic; its rules, per part:
 *
 *   code      a function's source is stored as a string: printed (minified)
 *             length / 10 chars per block. Pretokenised storage
 *             (E.setFlags({pretokenise:1}), set by the output) is never
 *             longer, so this is an upper bound.
 *   functions 3 blocks per function (its name, the function, its code
 *             link) + 1 per parameter; 2 more for a closure's scope.
 *             Function expressions inside functions (the glue's callbacks)
 *             count once each, as if all were alive at once.
 *   globals   2 blocks per top-level variable (name + value); arrays and
 *             objects 2 per element; strings length / 10 + 1.
 *   memory    the firmware's linear memory, an ArrayBuffer stored as a flat
 *             string: bytes / 12 + 2; each typed-array view 2.
 *   runtime   what runs needs: 60 (timers, glue state) + per UART 40 + its
 *             RX FIFO / 10 + per button 15 (a watch and its callback).
 *   upload    while a statement is uploaded it is held as text before it is
 *             parsed: the longest top-level statement / 10.
 *   system    150 for Espruino itself (root scope, console, input line).
 *
 * Top-level statements that only run (data initialisation, the start
 * call) keep nothing after they ran; they count in `upload` only.
 */
import { grouped } from "../../contract/grouped.ts";
import { type Expr, type Stmt, walkStmt } from "./ast.ts";
import { printFunc, printStmt } from "./print.ts";
import { OutpostError } from "../../contract/errors.ts";

const CHARS_PER_JSVAR = 10;
const BYTES_PER_JSVAR = 12;
const SYSTEM = 150;

export interface JsVarEstimate {
  code: number;
  functions: number;
  globals: number;
  memory: number;
  runtime: number;
  upload: number;
  system: number;
  total: number;
}

export interface EstimateInput {
  /** The final program (names shortened), top-level statements. */
  program: Stmt[];
  /** Linear memory bytes. */
  memoryBytes: number;
  /** RX FIFO depth of each UART. */
  rxFifos: number[];
  buttons: number;
}

const blocks = (chars: number): number => Math.ceil(chars / CHARS_PER_JSVAR);

export function estimateJsVars(input: EstimateInput): JsVarEstimate {
  const e: JsVarEstimate = { code: 0, functions: 0, globals: 0, memory: 0, runtime: 0, upload: 0, system: SYSTEM, total: 0 };
  const func = (params: number, text: string, closure: boolean): void => {
    e.functions += 3 + params + (closure ? 2 : 0);
    e.code += blocks(text.length - text.indexOf("("));
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
        if (d.init) value(d.init, e, func);
      }
    } else {
      nested(s);
    }
  }
  e.memory += Math.ceil(input.memoryBytes / BYTES_PER_JSVAR) + 2;
  e.runtime = 60 + input.rxFifos.reduce((sum, fifo) => sum + 40 + blocks(fifo), 0) + 15 * input.buttons;
  e.upload = blocks(longest);
  e.total = e.code + e.functions + e.globals + e.memory + e.runtime + e.upload + e.system;
  return e;
}

/** The blocks a global's initial value holds (the views and buffers of memory count as memory). */
function value(init: Expr, e: JsVarEstimate, func: (params: number, text: string, closure: boolean) => void): void {
  switch (init.k) {
    case "arr":
      e.globals += 1 + 2 * init.items.length;
      init.items.forEach((x) => value(x, e, func));
      break;
    case "obj":
      e.globals += 1 + 2 * init.props.length;
      init.props.forEach((p) => value(p.value, e, func));
      break;
    case "str":
      e.globals += 1 + blocks(init.value.length);
      break;
    case "fn":
      func(init.fn.params.length, printFunc(init.fn), false);
      break;
    case "new": {
      const n = init.args[0];
      if (init.callee.k === "id" && init.callee.name === "ArrayBuffer") break; // counted as memory
      if (n?.k === "num") e.globals += 2 + Math.ceil((n.value * elementBytes(init.callee)) / BYTES_PER_JSVAR);
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

/** OVER_BUDGET unless the estimate fits the board's JsVars. */
export function checkJsVars(e: JsVarEstimate, budget: number, board: string, file: string): void {
  if (e.total <= budget) return;
  throw new OutpostError(
    "OVER_BUDGET",
    `${file} needs about ${grouped(e.total)} JsVars but board "${board}" has ${grouped(budget)} ` +
      `(${formatEstimate(e)}): shrink the firmware (fewer tasks, smaller buffers, shorter messages) or choose a board with more JsVars (outpost boards lists them)`,
  );
}
