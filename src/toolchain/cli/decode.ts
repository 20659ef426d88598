/**
 * `outpost decode <firmware.wasm|.js|.elf|name.text.json|name.sites.json> [FILE]`:
 * turns what a board printed back into words, from FILE or stdin to stdout,
 * copying the rest unchanged:
 *
 *   {#index}               a deferred message literal (boards with
 *                          `build.deferText`, native images among them),
 *                          from <name>.text.json
 *   → await site N         a step of an await chain (the C host and the
 *                          Espruino glue print site ids), as
 *                          `→ file:line:col in fn` from <name>.sites.json
 *
 * Given a firmware, it reads whichever of the two tables lie beside it. A
 * reference its table does not hold is marked (`{#N?}`, `await site N?`)
 * and named on stderr (exit 1): the log came from another build.
 */
import { readFileSync } from "node:fs";
import { decodeReferences } from "../../contract/deferred-text.ts";
import { OutpostError } from "../../contract/errors.ts";
import { type SiteInfo, decodeChainSites, parseSiteTable } from "../../../sim/sites.ts";
import { printHelp } from "./help.ts";
import { parseArgs, usageError, wantsHelp } from "./args.ts";
import { readInput } from "./files.ts";
import { plural } from "./report.ts";
import { readSidecarJson, readTextTable, sidecarOf, sitesFile, textFile } from "./sidecars.ts";

export async function decodeCommand(argv: string[]): Promise<number> {
  const args = parseArgs("decode", argv, { "--help": "switch", "-h": "switch" });
  if (wantsHelp(args)) return printHelp("decode");
  const [firmware, log, ...extra] = args.positionals;
  if (firmware === undefined || extra.length > 0) {
    throw usageError("decode", "give the firmware (.wasm, .js or .elf, or its .text.json or .sites.json) and at most one log file");
  }
  const tables = tablesFor(firmware);
  const input = log === undefined ? readStdin() : new TextDecoder().decode(readInput(log, "log", "check the path"));
  const unknownTexts = new Set<number>();
  const unknownSites = new Set<number>();
  let output = input;
  // An id past a table's end means the log and the table come from different builds: marked, never dropped.
  if (tables.text) output = decodeReferences(output, tables.text.table, (id) => (unknownTexts.add(id), `{#${id}?}`));
  if (tables.sites) output = decodeChainSites(output, tables.sites.table, (id) => (unknownSites.add(id), `await site ${id}?`));
  process.stdout.write(output);
  const problems: string[] = [];
  if (unknownTexts.size > 0) {
    const table = tables.text!.table;
    const holds = table.length === 0 ? "no texts" : table.length === 1 ? "1 text ({#0})" : `${table.length} texts ({#0} to {#${table.length - 1}})`;
    problems.push(`${[...unknownTexts].map((id) => `{#${id}}`).join(", ")} ${unknownTexts.size === 1 ? "is" : "are"} not in ${tables.text!.file}, which holds ${holds}; marked {#N?} in the output`);
  }
  if (unknownSites.size > 0) {
    const ids = [...unknownSites].map((id) => `await site ${id}`).join(", ");
    problems.push(`${ids} ${unknownSites.size === 1 ? "is" : "are"} not in ${tables.sites!.file}, which holds ${plural(tables.sites!.table.length, "site")}; marked await site N? in the output`);
  }
  if (problems.length === 0) return 0;
  throw new OutpostError(unknownTexts.size > 0 ? "BAD_TEXT_TABLE" : "BAD_SITES", `${problems.join("; ")}: decode the log with the tables of the build that printed it`);
}

interface Tables {
  text?: { file: string; table: string[] };
  sites?: { file: string; table: SiteInfo[] };
}

/** The tables `firmware` names: a table itself, or those beside a .wasm, .js or .elf (at least one). */
function tablesFor(firmware: string): Tables {
  const texts = (file: string): Tables["text"] => ({ file, table: readTextTable(file) });
  const sites = (file: string): Tables["sites"] => ({
    file,
    table: parseSiteTable(readSidecarJson(file, "site table", "check the path, or rebuild the firmware with outpost build", "BAD_SITES"), file),
  });
  if (firmware.endsWith(".text.json")) return { text: texts(firmware) };
  if (firmware.endsWith(".sites.json")) return { sites: sites(firmware) };
  if (!/\.(wasm|js|elf)$/.test(firmware)) {
    throw usageError("decode", `${firmware} is neither a firmware (.wasm, .js, .elf) nor a table (.text.json, .sites.json)`);
  }
  // An Espruino build's .js carries its literals (the glue prints them): only its site table lies beside it.
  // A native image prints no await chains: only its text table lies beside it.
  const js = firmware.endsWith(".js");
  const elf = firmware.endsWith(".elf");
  const textTable = js ? undefined : sidecarOf(firmware, textFile);
  const siteTable = elf ? undefined : sidecarOf(firmware, sitesFile);
  if (textTable === undefined && siteTable === undefined) {
    const none = js ? `no ${sitesFile(firmware)}` : elf ? `no ${textFile(firmware)}` : `neither ${textFile(firmware)} nor ${sitesFile(firmware)}`;
    throw new OutpostError(
      "FILE_NOT_FOUND",
      `${firmware} has ${none} beside it, so there is nothing to decode with: keep the files outpost build writes beside the firmware, or name a table`,
    );
  }
  return { ...(textTable !== undefined ? { text: texts(textTable) } : {}), ...(siteTable !== undefined ? { sites: sites(siteTable) } : {}) };
}

function readStdin(): string {
  try {
    return readFileSync(0, "utf8");
  } catch (e) {
    throw new OutpostError("FILE_NOT_FOUND", `cannot read the log from stdin (${(e as Error).message}): pass the log file after the firmware`);
  }
}
