/**
 * The page `outpost view` serves: web/index.html and web/style.css as they
 * are, and the bundle of web/src/main.ts (app.js, with scenario.js loaded
 * on demand, and their source maps), built in memory with rollup from
 * web/rollup.config.mjs.
 *
 * A build takes seconds, so it is cached under node_modules/.cache/outpost-web/
 * with the list of every file that went into it and a hash of each: any
 * edit to the page, the simulator or the config rebuilds it, and a cache
 * that cannot be written only costs a build per start. Files are written
 * atomically, so two views starting at once never read half a file.
 */
import { createHash } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import type { OutputOptions, RollupOptions } from "rollup";
import { OutpostError } from "../../contract/errors.ts";
import { repoRoot } from "../packages.ts";
import { makeDirs } from "../make-dirs.ts";

export interface PageFile {
  type: string;
  body: Uint8Array;
  /** The body gzipped, for clients that accept it. */
  gzip: Uint8Array;
}

const webDir = join(repoRoot, "web");
/** The rollup Outpost is tested with (package.json), for the message when it is missing. */
const ROLLUP_VERSION = (JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { devDependencies: Record<string, string> }).devDependencies.rollup;
const cacheDir = join(repoRoot, "node_modules/.cache/outpost-web");
const manifestFile = join(cacheDir, "manifest.json");
/** What the bundle depends on beyond the modules rollup reports. */
const BUILD_FILES = ["web/rollup.config.mjs", "tools/rollup-typescript.mjs", "tools/ts-options.mjs", "node_modules/typescript/package.json"];
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json",
};

interface Manifest {
  inputs: Record<string, string>;
  outputs: string[];
}

/** Every file of the page by URL path ("/", "/app.js", …). */
export async function pageFiles(): Promise<Map<string, PageFile>> {
  const bundle = cachedBundle() ?? (await buildBundle());
  const files = new Map<string, PageFile>();
  const add = (path: string, body: Uint8Array): void => {
    const type = TYPES[/\.[a-z]+$/.exec(path)?.[0] ?? ".html"]!;
    files.set(path, { type, body, gzip: gzipSync(body) });
  };
  add("/", readFileSync(join(webDir, "index.html")));
  add("/style.css", readFileSync(join(webDir, "style.css")));
  for (const [name, body] of bundle) add(`/${name}`, body);
  return files;
}

function cachedBundle(): Map<string, Uint8Array> | null {
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
    for (const [file, hash] of Object.entries(manifest.inputs)) if (hashOf(file) !== hash) return null;
    return new Map(manifest.outputs.map((name) => [name, new Uint8Array(readFileSync(join(cacheDir, name)))]));
  } catch {
    return null;
  }
}

async function buildBundle(): Promise<Map<string, Uint8Array>> {
  // rollup is a dev dependency: `outpost build` never needs it, so an install without dev dependencies lacks it.
  const { rollup } = await import("rollup").catch(() => {
    throw new OutpostError("FILE_NOT_FOUND", `outpost view builds its page with rollup, which is not installed: run npm install rollup@${ROLLUP_VERSION}`);
  });
  const config = (await import(pathToFileURL(join(webDir, "rollup.config.mjs")).href)).default as RollupOptions & { output: OutputOptions };
  const build = await rollup(config);
  const { output } = await build.generate(config.output);
  await build.close();
  const outputs = new Map<string, Uint8Array>();
  const text = new TextEncoder();
  for (const item of output) {
    if (item.type === "chunk") {
      outputs.set(item.fileName, text.encode(item.code));
      if (item.map) outputs.set(`${item.fileName}.map`, text.encode(item.map.toString()));
    } else {
      outputs.set(item.fileName, typeof item.source === "string" ? text.encode(item.source) : item.source);
    }
  }
  const inputs = [...build.watchFiles.filter((f) => !f.startsWith("\0")), ...BUILD_FILES.map((f) => join(repoRoot, f))];
  save({ inputs: Object.fromEntries(inputs.map((f) => [f, hashOf(f)])), outputs: [...outputs.keys()] }, outputs);
  return outputs;
}

function save(manifest: Manifest, outputs: Map<string, Uint8Array>): void {
  try {
    makeDirs(cacheDir);
    for (const [name, body] of outputs) atomicWrite(join(cacheDir, name), body);
    atomicWrite(manifestFile, JSON.stringify(manifest)); // last: it promises the outputs are there
  } catch {
    // a read-only tree still works: it builds the page on every start
  }
}

function atomicWrite(file: string, data: Uint8Array | string): void {
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, data);
  renameSync(partial, file);
}

function hashOf(file: string): string {
  try {
    return createHash("sha256").update(readFileSync(file)).digest("hex");
  } catch {
    return "missing";
  }
}
