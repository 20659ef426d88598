/**
 * Stand-ins for the Math functions wasm2js uses and Espruino lacks
 * (`Math.imul`, `Math.clz32`, `Math.fround`, `Math.trunc`), as Espruino-
 * subset source. module.ts renames the uses; the bundler adds the helpers
 * that are used, before the firmware's functions.
 *
 * Each is exact for the int32/float arguments wasm2js passes:
 * - `$imul` splits into 16-bit halves so no product exceeds 2^53;
 * - `$clz32` shifts right until zero (32 steps at most);
 * - `$fround` rounds through a one-element Float32Array (a global, since
 *   Espruino stores a function's body per call site, not per closure);
 * - `$trunc` rounds toward zero.
 *
 * `$mem` checks one memory access of a checked build (checked.ts).
 *
 * And the traps (traps.ts): `$trap_<name>` throws an Error with V8's
 * message for that WebAssembly trap; `wasm2js_trap` (an `unreachable`)
 * says "unreachable", as V8 does. The glue reports them as traps.
 */
import type { Stmt } from "./ast.ts";
import { liftScript } from "./lift.ts";
import { TRAP_MESSAGES } from "../../contract/espruino-traps.ts";

const SOURCE: Record<string, string> = {
  $imul: "function $imul(a,b){var l=a&65535,h=a>>>16&65535;return (l*(b&65535)+((h*(b&65535)+l*(b>>>16&65535))<<16))|0}",
  $clz32: "function $clz32(x){var n=32;while(x){x=x>>>1;n--}return n}",
  $fround: "var $f32=new Float32Array(1);function $fround(x){$f32[0]=x;return $f32[0]}",
  $trunc: "function $trunc(x){return x<0?Math.ceil(x):Math.floor(x)}",
  // checked.ts: an access of 2^k bytes at a, checked.
  $mem:
    "function $mem(a,k){if(a&(1<<k)-1)throw new Error(\"misaligned \"+(1<<k)+\"-byte memory access at \"+a);" +
    "if(a<0||a+(1<<k)>HEAPU8.length)throw new Error(\"memory access out of bounds\");return a>>k}",
  ...Object.fromEntries(
    Object.entries(TRAP_MESSAGES).map(([name, message]) => [`$trap_${name}`, `function $trap_${name}(){throw new Error(${JSON.stringify(message)})}`]),
  ),
};

/** The helper standing for the trap import `outpost_trap.<name>`. */
export const trapHelper = (name: string): string => `$trap_${name}`;

/** The declarations of the named helpers, in a fixed order. */
export function helperDecls(names: Iterable<string>): Stmt[] {
  const wanted = new Set(names);
  return Object.keys(SOURCE)
    .filter((n) => wanted.has(n))
    .flatMap((n) => liftScript(SOURCE[n]!, { file: `helper ${n}` }));
}
