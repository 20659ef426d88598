/**
 * Await-site tables: where in the firmware's source each await site is.
 *
 * The async lowering numbers every `await` of a build (0, 1, 2, ...) and
 * lowered code stores the id of the site a task parks at in `Task.site`,
 * which the host reads with `outpost_task_site`. The build writes the table
 * beside the firmware (`build/blinky.wasm` → `build/blinky.sites.json`):
 *
 *   [{ "id": 0, "file": "examples/blinky/main.ts", "line": 14, "column": 7, "fn": "blink" }, ...]
 *
 * Hosts that cannot read the table print a chain's steps as `await site N`;
 * `decodeChainSites` (`outpost decode`) names them.
 *
 * `parseSiteTable` also takes `{ "sites": [...] }` and an object keyed by id
 * (`{ "0": { "file": ..., "line": ..., "column": ... } }`), and refuses
 * anything else with BAD_SITES naming the file and the entry.
 */
import { OutpostError } from "../src/contract/errors.ts";

export interface SiteInfo {
  id: number;
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** The async function, method or task the await is in, when known. */
  fn?: string;
}

/** `examples/blinky/main.ts:14:7 in blink`. */
export function formatSite(site: SiteInfo): string {
  return `${site.file}:${site.line}:${site.column}${site.fn ? ` in ${site.fn}` : ""}`;
}

/**
 * A printed await chain with its site ids named: each `→ await site N`
 * (how the C host and the Espruino glue print a step) becomes
 * `→ file:line:col in fn`; `unknown(id)` gives the text for an id the table
 * lacks. The rest of `text` is copied unchanged.
 */
export function decodeChainSites(text: string, sites: readonly SiteInfo[], unknown = (id: number): string => `await site ${id}`): string {
  const index = siteIndex(sites);
  return text.replace(/→ await site (\d+)/g, (_, id: string) => {
    const site = index.get(Number(id));
    return `→ ${site ? formatSite(site) : unknown(Number(id))}`;
  });
}

/** Sites by id. */
export function siteIndex(sites: readonly SiteInfo[]): Map<number, SiteInfo> {
  return new Map(sites.map((s) => [s.id, s]));
}

/** Validates a parsed site table; `name` (the file) goes into error messages. */
export function parseSiteTable(json: unknown, name: string): SiteInfo[] {
  const bad = (problem: string): OutpostError =>
    new OutpostError("BAD_SITES", `${name}: ${problem}: a site table is a list of { id, file, line, column } written by outpost build`);
  let entries: [unknown, unknown][];
  if (Array.isArray(json)) entries = json.map((e, i) => [isObject(e) && "id" in e ? e.id : i, e]);
  else if (isObject(json) && Array.isArray(json.sites)) entries = json.sites.map((e: unknown, i: number) => [isObject(e) && "id" in e ? e.id : i, e]);
  else if (isObject(json)) entries = Object.entries(json);
  else throw bad("not a list of sites");
  return entries.map(([key, e], i) => {
    const id = typeof key === "string" ? Number(key) : key;
    if (!isObject(e)) throw bad(`entry ${i} is not an object`);
    const { file, line, column, fn } = e;
    if (typeof id !== "number" || !Number.isInteger(id) || id < 0) throw bad(`entry ${i} has no whole-number id`);
    if (typeof file !== "string" || !isPositive(line) || !isPositive(column)) throw bad(`site ${id} needs file, line and column`);
    return { id, file, line, column, ...(typeof fn === "string" ? { fn } : {}) };
  });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isPositive(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v) && v > 0;
}
