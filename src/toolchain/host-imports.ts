/**
 * The build's backstop for imports no Outpost host provides. The lowering
 * refuses the calls that make asc import from `env` where they are written
 * (`Date.now()`, `Math.random()`, `console.log`, `trace()`:
 * lower/sync-syntax.ts, so `outpost check` says it too); one that gets
 * through (reached some other way) would make every host refuse the module
 * when it loads it, after a build that said nothing, so the build refuses
 * it here, naming the import. Called by compile.ts on asc's output.
 */
import { readShape } from "../contract/abi-contract.ts";
import { OutpostError } from "../contract/errors.ts";
import { HOST_APIS } from "./lower/errors.ts";

/** Throws BUILD_FAILED when `wasm` (the build of `where`) imports what no host provides. */
export function checkHostImports(wasm: Uint8Array, where: string): void {
  for (const i of readShape(wasm, where).imports) {
    if (i.module === "outpost" || i.module === "outpost_trap") continue;
    const name = `${i.module}.${i.name}`;
    const api = HOST_APIS.find((a) => a.import.test(name));
    const message = api
      ? `${api.what} (asc imports ${name} for it): use ${api.instead}`
      : `the firmware imports ${name}, which no Outpost host provides (boards/ABI.md lists what they do): remove the call that needs it`;
    throw new OutpostError("BUILD_FAILED", `${where} does not compile:\nerror HOST_API: ${message}`);
  }
}
