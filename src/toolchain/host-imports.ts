/**
 * Standard-library calls no Outpost host can serve. asc compiles
 * `Date.now()` to an import of `env.Date.now`, `Math.random()` to one of
 * `env.seed`, `console.log(…)` to `env.console.log`, `trace(…)` to
 * `env.trace`; ABI v1 has none of them, so every host would refuse the
 * module when it loads it ("imports env.seed, which ABI v1 does not
 * define"), after a build that said nothing. The build refuses it instead,
 * at the first such call in the firmware's own files, saying what to use.
 * Called by compile.ts on asc's output.
 */
import { readShape } from "../contract/abi-contract.ts";
import { OutpostError } from "../contract/errors.ts";

interface HostApi {
  /** The import asc writes for it (`module.name`). */
  import: RegExp;
  /** The call in source that makes asc write it. */
  call: RegExp;
  what: string;
  instead: string;
}

const APIS: HostApi[] = [
  { import: /^env\.Date\.now$/, call: /\bDate\.now\s*\(|\bnew\s+Date\b/, what: "`Date.now()` reads a wall clock, which Outpost boards do not have", instead: "`Instant.now()` (µs since start, from the board's timer; virtual time in the simulator)" },
  { import: /^env\.seed$/, call: /\bMath\.random\s*\(/, what: "`Math.random()` asks the host for a seed, which Outpost hosts do not give", instead: "a small generator of your own (xorshift32) seeded at init from something that varies (`Instant.now()` at a button press, an unconnected pin)" },
  { import: /^env\.console\.\w+$/, call: /\bconsole\.\w+\s*\(/, what: "`console` is not part of Outpost's host interface", instead: "`log.info(…)` (or log.warn, log.error, log.debug)" },
  { import: /^env\.trace$/, call: /\btrace\s*\(/, what: "`trace()` is not part of Outpost's host interface", instead: "`log.debug(…)`" },
];

/**
 * Throws BUILD_FAILED when `wasm` imports what no host provides. `files` are the build's sources, the
 * firmware's own first; `read` gives their text; `display` names a path as messages do.
 */
export function checkHostImports(wasm: Uint8Array, where: string, files: string[], read: (path: string) => string | null, display: (path: string) => string): void {
  for (const i of readShape(wasm, where).imports) {
    const name = `${i.module}.${i.name}`;
    if (i.module === "outpost" || i.module === "outpost_trap") continue;
    const api = APIS.find((a) => a.import.test(name));
    const at = api ? firstCall(api.call, files, read, display) : null;
    const message = api
      ? `${api.what} (asc imports ${name} for it): use ${api.instead}`
      : `the firmware imports ${name}, which no Outpost host provides (boards/ABI.md lists what they do): remove the call that needs it`;
    throw new OutpostError("BUILD_FAILED", `${where} does not compile:\n${at ? `${at}: ` : ""}error HOST_API: ${message}`);
  }
}

/** `file:line:col` of the first match of `call` in `files`, or null. */
function firstCall(call: RegExp, files: string[], read: (path: string) => string | null, display: (path: string) => string): string | null {
  for (const file of files) {
    const text = read(file);
    const m = text === null ? null : call.exec(text);
    if (!m || text === null) continue;
    const before = text.slice(0, m.index).split("\n");
    return `${display(file)}:${before.length}:${before[before.length - 1]!.length + 1}`;
  }
  return null;
}
