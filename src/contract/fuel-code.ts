/**
 * The function bodies of the watchdog's copy of a module (fuel.ts): each
 * defined function takes the fuel as one more, last, parameter and hands
 * what is left back as one more, last, result, so the counter lives in a
 * local (a register) instead of a global that every loop would load and
 * store. Called only by fuel.ts, which rewrites the types, exports and
 * wrappers to match.
 *
 * In a body (`fuel` is the new parameter; locals after it move up by one):
 *
 *   block (result …) <body> end  local.get fuel     every way out returns the fuel too
 *   local.get fuel  return                           at each `return`
 *   local.get fuel  call f  local.set fuel           a call to a function of the module
 *   local.set s  local.get fuel  local.get s
 *     call_indirect (twin type)  local.set fuel      s: a scratch local, the table index
 *   local.get fuel  return_call f                    tail calls pass the fuel on
 *
 * and before every jump back to a loop (as the global counter did before):
 *
 *   fuel = fuel - 1
 *   fuel < 0 ?  global.set $fired (-1)  unreachable  the cold path: the watchdog fires
 *
 * a `br` gets it before the jump, a `br_if` inside `if … br … end` (counted
 * only when it jumps), a `br_table` with a loop among its targets before
 * it, a loop with parameters (a branch carries them) at the top of its
 * body. Calls to imports (the host) pass no fuel: the host never calls back.
 *
 * Refused (the caller then runs the module without a watchdog): exception
 * handling (a throw would leave the fuel its callees used behind) and a
 * reference to an imported function (`ref.func`; a table holding it would
 * be called with the fuelled type).
 */
import { type WasmReader, concat, uLeb } from "./wasm-binary.ts";
import { blockType, instruction } from "./wasm-code.ts";

export interface FuelFrame {
  /** Functions below this index are imports: called as they are. */
  imported: number;
  /** A function type's index → its fuelled twin's. */
  twin(type: number): number;
  /** The global the cold path sets to -1 before it traps, so the host can tell the watchdog's trap from others. */
  fired: number;
}

/** What a branch to a label means for the fuel: no loop, a loop counted at its back-edges, a typed loop counted on entry. */
const OTHER = 0;
const EDGES = 1;
const ENTRY = 2;

/**
 * The body (reader at its size) of a function with `params` parameters, rewritten to take and return the fuel;
 * `block` is the block type of its results (a value type, 0x40, or a type index for several).
 */
export function fuelledBody(r: WasmReader, params: number, block: number[], frame: FuelFrame): Uint8Array {
  const size = r.u32();
  const bodyStart = r.pos;
  const bodyEnd = bodyStart + size;
  const groups = r.u32();
  const declarations = r.pos;
  let locals = 0;
  for (let n = groups; n > 0; n--) (locals += r.u32(), r.byte()); // local declarations
  const code = r.pos;
  const fuel = uLeb(params);
  const scratch = uLeb(params + 1 + locals);
  let scratchUsed = false;
  const check = [0x20, ...fuel, 0x41, 0x01, 0x6b, 0x22, ...fuel, 0x41, 0x00, 0x48, 0x04, 0x40, 0x41, 0x7f, 0x24, ...uLeb(frame.fired), 0x00, 0x0b];
  const body: ArrayLike<number>[] = [[0x02, ...block]];
  let copied = code;
  /** `bytes` in place of the code from `at` up to the reader (`keep`: after it, the instruction itself kept). */
  const splice = (at: number, bytes: number[], keep = false): void => {
    body.push(r.bytes.subarray(copied, keep ? r.pos : at), bytes);
    copied = r.pos;
  };
  const labels: number[] = [OTHER]; // the function body's own block
  const target = (depth: number): number => labels[labels.length - 1 - depth] ?? OTHER;
  while (r.pos < bodyEnd) {
    const at = r.pos;
    const op = r.bytes[at]!;
    if (op === 0x03) {
      // A loop whose type is a type index may take parameters, which a branch carries: it is counted on entry.
      r.pos++;
      const typed = blockType(r);
      labels.push(typed ? ENTRY : EDGES);
      if (typed) splice(at, check, true);
    } else if (op === 0x02 || op === 0x04) {
      r.pos++;
      blockType(r);
      labels.push(OTHER);
    } else if (op === 0x0b) {
      r.pos++;
      labels.pop();
      if (labels.length === 0) splice(at, [0x0b, 0x20, ...fuel, 0x0b]); // the wrapping block ends; the fuel joins the results
    } else if (op === 0x0c || op === 0x0d) {
      r.pos++;
      const depth = r.u32();
      if (target(depth) !== EDGES) continue;
      // br: count, then jump back. br_if: count only when it jumps (`if … br … end` adds a label).
      splice(at, op === 0x0c ? [...check, 0x0c, ...uLeb(depth)] : [0x04, 0x40, ...check, 0x0c, ...uLeb(depth + 1), 0x0b]);
    } else if (op === 0x0e) {
      r.pos++;
      let back = false;
      for (let n = r.u32(); n >= 0; n--) back ||= target(r.u32()) === EDGES; // the labels, then the default
      if (back) (body.push(r.bytes.subarray(copied, at), check), (copied = at));
    } else if (op === 0x0f) {
      r.pos++;
      splice(at, [0x20, ...fuel, 0x0f]);
    } else if (op === 0x10 || op === 0x12) {
      r.pos++;
      const f = r.u32();
      const callee = uLeb(f);
      if (f >= frame.imported) splice(at, op === 0x10 ? [0x20, ...fuel, 0x10, ...callee, 0x21, ...fuel] : [0x20, ...fuel, 0x12, ...callee]);
      else if (op === 0x12) splice(at, [0x10, ...callee, 0x20, ...fuel, 0x0f]); // a tail call to the host: call it, then return
    } else if (op === 0x11 || op === 0x13) {
      r.pos++;
      const type = frame.twin(r.u32());
      const table = r.u32();
      const call = [0x21, ...scratch, 0x20, ...fuel, 0x20, ...scratch, op, ...uLeb(type), ...uLeb(table)];
      splice(at, op === 0x11 ? [...call, 0x21, ...fuel] : call);
      scratchUsed = true;
    } else if (op >= 0x20 && op <= 0x22) {
      r.pos++;
      const local = r.u32();
      if (local >= params) splice(at, [op, ...uLeb(local + 1)]);
    } else if (op === 0xd2) {
      r.pos++;
      if (r.u32() < frame.imported) throw new Error("a reference to an imported function");
    } else if (op === 0x06 || (op >= 0x07 && op <= 0x0a) || op === 0x18 || op === 0x19 || op === 0x1f) {
      throw new Error("exception handling");
    } else instruction(r);
  }
  if (r.pos !== bodyEnd || labels.length !== 0) throw new Error("function body");
  const declared = scratchUsed ? [uLeb(groups + 1), r.bytes.subarray(declarations, code), [0x01, 0x7f]] : [r.bytes.subarray(bodyStart, code)];
  const rewritten = concat([...declared, ...body]);
  return concat([uLeb(rewritten.length), rewritten]);
}
