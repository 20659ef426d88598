/**
 * What `outpost view` serves the page about the firmware it runs
 * (GET /session.json), and where the page fetches the rest:
 *
 *   GET /firmware?build=N   the firmware: .wasm bytes, or an Espruino build's text
 *   GET /source?file=F&line=L&column=C   a source line for a panic report: { path, excerpt }
 *   GET /events             server-sent events: `build` N (the build served; another than the page's: reload)
 *
 * The server (src/toolchain/cli/view-server.ts) and the page (main.ts) both
 * import this file; it holds types and plain fetches only.
 */
import type { Board } from "../../src/contract/boards.ts";
import type { SiteInfo } from "../../sim/sites.ts";

export interface Session {
  /** The firmware as `outpost view` was given it: names it in reports and downloads. */
  name: string;
  /** The board, as its board.json says (boards.ts has filled in the optional maps). */
  board: Board;
  /** The build's await sites (file:line of each), when known. */
  sites?: SiteInfo[];
  /** A deferred-text board's message table. */
  text?: string[];
  /** Counts builds: --watch serves a new one after each save. */
  build: number;
  /** The last --watch build failed: its error, shown over the previous build. */
  error?: string;
}

export interface SourceLine {
  path: string;
  excerpt: string;
}

export async function fetchSession(): Promise<Session> {
  return (await checked(await fetch("session.json"))).json() as Promise<Session>;
}

/** A .wasm as bytes; an Espruino build as its text (the simulator tells them apart). */
export async function fetchFirmware(session: Session): Promise<Uint8Array | string> {
  const response = await checked(await fetch(`firmware?build=${session.build}`));
  const bytes = new Uint8Array(await response.arrayBuffer());
  return response.headers.get("content-type")?.startsWith("text/") ? new TextDecoder().decode(bytes) : bytes;
}

export async function fetchSource(file: string, line: number, column: number): Promise<SourceLine> {
  const query = new URLSearchParams({ file, line: String(line), column: String(column) });
  return (await checked(await fetch(`source?${query}`))).json() as Promise<SourceLine>;
}

async function checked(response: Response): Promise<Response> {
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
  return response;
}
