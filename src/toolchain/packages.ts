/**
 * Where Outpost's firmware packages live, for everything that names one:
 * the lowering and asc's file hook (import specifiers), and reports that
 * show asc's `~lib/outpost/…` names as repository paths.
 *
 *   "outpost"            src/runtime/index.ts
 *   "outpost/<x>"        src/runtime/<x>.ts   (sync/signal, timer, …)
 *   "outpost/hal[/x]"    hal/index.ts, hal/<x>.ts
 *   "outpost/drivers/x"  hal/drivers/<x>.ts
 *   "outpost/board"      generated per board (BOARD_PATH stands for it)
 *
 * asc sees these packages as node_modules/outpost/…, and names their files
 * `~lib/outpost/<x>.ts` in diagnostics and panics.
 */
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
export const runtimeDir = repoRoot + "src/runtime/";
export const halDir = repoRoot + "hal/";
/** This Outpost's version (package.json), which every build records (src/contract/build-info.ts). */
export const outpostVersion = (JSON.parse(readFileSync(repoRoot + "package.json", "utf8")) as { version: string }).version;
/** Path used for the generated board module. */
export const BOARD_PATH = runtimeDir + "board.ts";

/**
 * The module path of a file asc asks for under `node_modules/outpost/`
 * (how the firmware packages are served to it), or null for any other file.
 */
export function outpostPackagePath(request: string): string | null {
  const m = /(?:^|\/)node_modules\/outpost\/(.+)\.ts$/.exec(request.replace(/\\/g, "/"));
  return m ? resolveSpecifier("outpost/" + m[1], "") : null;
}

/** True for a file of Outpost itself (its firmware packages or host code), not of a user's project. */
export function isOutpostSource(path: string): boolean {
  return path.startsWith(runtimeDir) || path.startsWith(halDir) || path.startsWith(repoRoot + "src/");
}

/** Resolves an import specifier to a module path (whether or not it exists). */
export function resolveSpecifier(spec: string, fromPath: string): string {
  if (spec === "outpost") return runtimeDir + "index.ts";
  if (spec === "outpost/board") return BOARD_PATH;
  if (spec === "outpost/hal") return halDir + "index.ts";
  if (spec.startsWith("outpost/hal/")) return halDir + spec.slice(12) + ".ts";
  if (spec.startsWith("outpost/drivers/")) return halDir + "drivers/" + spec.slice(16) + ".ts";
  if (spec.startsWith("outpost/")) return runtimeDir + spec.slice(8) + ".ts";
  return resolve(dirname(fromPath), spec.replace(/\.ts$/, "") + ".ts");
}

/** The file behind asc's name `~lib/outpost/<x>.ts` (BOARD_PATH for the board module), or null for any other name. */
export function libraryFile(name: string): string | null {
  const m = /^~lib\/outpost\/(.+?)(?:\.ts)?$/.exec(name);
  return m ? resolveSpecifier("outpost/" + m[1], "") : null;
}

/** How a report names a file asc calls `~lib/outpost/…`: its repository path, or `outpost/board.ts`. */
export function libraryFileLabel(name: string): string | null {
  const path = libraryFile(name);
  if (path === null) return null;
  return path === BOARD_PATH ? "outpost/board.ts" : relative(repoRoot, path);
}
