/**
 * ABI v1's load-time check (boards/ABI.md, "Checked at load") for a build
 * for an Espruino board, before any of its script runs: the manifest
 * (src/contract/espruino-manifest.ts) names every export a host needs, and
 * the script declares each as a function of the ABI's arity. JavaScript has
 * no value types, so the arity is what can be checked: the translation
 * passes an i64 as two numbers (low and high halves), so outpost_event
 * (i32, i32, i64) takes 4. Exports with identical bodies share one
 * function (`var bg=ap;`), which is followed to its declaration; one
 * folded into a dispatcher (`f:3`) is called with its case first, so the
 * dispatcher takes at least one more.
 *
 * Who calls: EspruinoFirmware (runtime.ts) when it loads a script.
 */
import { ABI_VERSION, EXPORT_SIGNATURES, HOST_EXPORTS } from "../../src/contract/abi-codes.ts";
import { type EspruinoManifest, exportPlace } from "../../src/contract/espruino-manifest.ts";

/** How many JavaScript arguments the translation gives a function of this ABI signature ("v(iiI)"). */
function arity(signature: string): number {
  return [...signature.slice(2, -1)].reduce((n, letter) => n + (letter === "I" ? 2 : 1), 0);
}

/**
 * The parameter list of the function `name` is, following `var name=other;` aliases; null if there is
 * none. A build prints each top-level statement on a line of its own, and a function's local may reuse a
 * global's short name (`var ax=0;` in the glue beside the top-level `var ax=t;`), so a declaration that
 * starts a line is taken first; a script written by hand is searched anywhere.
 */
function declaration(script: string, name: string, hops = 0): RegExpExecArray | null {
  const id = name.replace(/\$/g, "\\$");
  const find = (pattern: string) => new RegExp(`^${pattern}`, "m").exec(script) ?? new RegExp(`(?:^|[^\\w$])${pattern}`).exec(script);
  const fn = find(`function ${id}\\(([^)]*)\\)`);
  if (fn || hops > 4) return fn;
  const alias = find(`var ${id}=([\\w$]+);`);
  return alias ? declaration(script, alias[1]!, hops + 1) : null;
}

/** The first way `script` breaks the contract, as a phrase (worded as abi-contract.ts words it), or null. */
export function espruinoContractProblem(script: string, manifest: EspruinoManifest): string | null {
  const missing = HOST_EXPORTS.filter((name) => name !== "memory" && manifest.exports[name] === undefined);
  if (missing.length > 0) return `it lacks the ABI v${ABI_VERSION} export${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`;
  for (const [name, place] of Object.entries(manifest.exports)) {
    const signature = EXPORT_SIGNATURES[name];
    if (signature === undefined) continue; // not an ABI name: ignored, as on every host
    const { name: short, k } = exportPlace(place);
    const declared = declaration(script, short);
    if (!declared) return `its export ${name} (${short}) is not a function of the script`;
    const declaredParams = declared[1]!.trim() === "" ? 0 : declared[1]!.split(",").length;
    // A dispatcher takes the case first and as many arguments as its widest case.
    const params = k === null ? declaredParams : declaredParams - 1;
    if (k !== null ? params < arity(signature) : params !== arity(signature)) {
      const where = k === null ? "" : ` (case ${k} of ${short}, after the case)`;
      return `its export ${name} takes ${params} argument${params === 1 ? "" : "s"}${where} where ABI v${ABI_VERSION} says ${arity(signature)}`;
    }
  }
  return null;
}
