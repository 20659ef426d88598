/**
 * The web server behind `outpost view`, on 127.0.0.1 only:
 *
 *   GET /, /style.css, /app.js, /scenario.js, *.map   the page (view-page.ts)
 *   GET /session.json     the firmware's name, board, await sites, text table, build number
 *   GET /firmware         the firmware: application/wasm, or an Espruino build as text/javascript
 *   GET /source?file=F&line=L&column=C   { path, excerpt } of a .ts source line, for a
 *                         panic report (source.ts, looked up as `outpost sim` does)
 *   GET /events           server-sent events: `build` with the number of the build served
 *                         (on connecting, and after each --watch rebuild), `build-error`
 *                         with the message of a failed rebuild
 *
 * Requests must name the server by its loopback address (the Host header):
 * a page elsewhere that points a name of its own at 127.0.0.1 is refused.
 * The page runs entirely in the browser; the server only hands out files.
 */
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { OutpostError } from "../../contract/errors.ts";
import type { Session } from "../../../web/src/session.ts";
import type { PageFile } from "./view-page.ts";
import { findSource } from "./source.ts";

/** What the server hands out about the firmware; --watch replaces it after each build. */
export interface ViewState {
  session: Session;
  firmware: Uint8Array | string;
  /** Where panic file names are looked up (source.ts). */
  sourceDirs: string[];
}

const SECURITY_HEADERS = {
  // Nothing from elsewhere: the page works offline. WebAssembly and the Espruino host's eval need their own permissions.
  "content-security-policy":
    "default-src 'self'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; frame-src 'self' about:",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

export class ViewServer {
  private readonly page: Map<string, PageFile>;
  private state: ViewState;
  private readonly events = new Set<ServerResponse>();
  private readonly server = createServer((req, res) => this.handle(req, res));

  private constructor(
    page: Map<string, PageFile>,
    state: ViewState,
  ) {
    this.page = page;
    this.state = state;
  }

  /** Listens on 127.0.0.1:`port` (0: any free port); a port in use is a USAGE error naming it. */
  static async start(port: number, page: Map<string, PageFile>, state: ViewState): Promise<ViewServer> {
    const view = new ViewServer(page, state);
    await new Promise<void>((resolve, reject) => {
      view.server.once("error", (e: NodeJS.ErrnoException) => {
        const why = e.code === "EADDRINUSE" ? "is in use" : e.code === "EACCES" ? "needs privileges this user lacks" : `cannot be used (${e.message})`;
        reject(new OutpostError("USAGE", `port ${port} on 127.0.0.1 ${why}: pass another with --port N (0 picks a free one)`));
      });
      view.server.listen(port, "127.0.0.1", () => resolve());
    });
    return view;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  /** A new build: served from now on, and every open page is told to reload. */
  update(state: ViewState): void {
    this.state = state;
    this.send("build", String(state.session.build));
  }

  /** A failed rebuild: open pages show `message`; the previous build stays served. */
  buildFailed(message: string): void {
    this.state = { ...this.state, session: { ...this.state.session, error: message } };
    this.send("build-error", message);
  }

  async close(): Promise<void> {
    for (const res of this.events) res.end();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private send(event: string, data: string): void {
    const text = `event: ${event}\n${data.split("\n").map((line) => `data: ${line}\n`).join("")}\n`;
    for (const res of this.events) res.write(text);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (req.headers.host !== `127.0.0.1:${this.port}` && req.headers.host !== `localhost:${this.port}`) {
      return reply(res, 403, "text/plain", "outpost view answers only at its loopback address");
    }
    if (req.method !== "GET" && req.method !== "HEAD") return reply(res, 405, "text/plain", "outpost view only serves GET");
    const file = this.page.get(url.pathname === "/index.html" ? "/" : url.pathname);
    if (file) {
      const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
      res.writeHead(200, { ...SECURITY_HEADERS, "content-type": file.type, "cache-control": "no-cache", ...(gzip ? { "content-encoding": "gzip" } : {}) });
      return void res.end(gzip ? file.gzip : file.body);
    }
    const { session, firmware } = this.state;
    switch (url.pathname) {
      case "/session.json":
        return reply(res, 200, "application/json", JSON.stringify(session));
      case "/firmware":
        return reply(res, 200, typeof firmware === "string" ? "text/javascript; charset=utf-8" : "application/wasm", firmware);
      case "/source":
        return this.source(url, res);
      case "/events":
        res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
        // The build now served: a page loaded just before a rebuild learns it missed one.
        res.write(`event: build\ndata: ${session.build}\n\n`);
        this.events.add(res);
        req.on("close", () => this.events.delete(res));
        return;
      default:
        return reply(res, 404, "text/plain", `no ${url.pathname} here: outpost view serves the page at /`);
    }
  }

  /** Only .ts files: the sources a firmware's panic can name. */
  private source(url: URL, res: ServerResponse): void {
    const file = url.searchParams.get("file") ?? "";
    const line = Number(url.searchParams.get("line"));
    const column = Number(url.searchParams.get("column"));
    if (!file.endsWith(".ts") || !Number.isInteger(line) || !Number.isInteger(column)) {
      return reply(res, 400, "text/plain", "source needs file (a .ts), line and column");
    }
    reply(res, 200, "application/json", JSON.stringify(findSource(file, line, column, this.state.sourceDirs)));
  }
}

function reply(res: ServerResponse, status: number, type: string, body: string | Uint8Array): void {
  res.writeHead(status, { ...SECURITY_HEADERS, "content-type": type, "cache-control": "no-store" });
  res.end(body);
}
