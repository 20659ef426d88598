/**
 * The real wasm3 adapter as a conformance host, when a wasm3 source tree is
 * given: OUTPOST_WASM3_SRC=/path/to/wasm3 (its source/ folder is compiled
 * with boards/wasm/host/ and the POSIX platform). CI cannot fetch wasm3, so
 * without the variable this host is left out; boards/wasm/README.md says
 * how to run it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadBoard } from "../../src/contract/boards.ts";
import { hostDefines, tablesHeader, tablesSource, buildHeader } from "../../src/toolchain/native/tables.ts";
import { type Transcript, onCHost } from "./hosts.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const built = new Map<string, string>();

export interface Wasm3Host {
  run(wasm: string, args: string[]): Transcript;
}

/**
 * wasm3's source/ folder, from OUTPOST_WASM3_SRC: the root of a wasm3 v0.5.0 checkout, or its
 * source/ folder itself; null when unset.
 */
export function wasm3Source(): string | null {
  const src = process.env.OUTPOST_WASM3_SRC;
  if (!src) return null;
  return existsSync(join(src, "wasm3.h")) ? src : join(src, "source");
}

/** The wasm3 host for `board`, built on first use; null without OUTPOST_WASM3_SRC. */
export function wasm3Host(board: string): Wasm3Host | null {
  const source = wasm3Source();
  if (!source) return null;
  let executable = built.get(board);
  if (!executable) {
    executable = build(source, board);
    built.set(board, executable);
  }
  const exe = executable;
  return { run: (wasm, args) => decodeTranscript(onCHost(exe, board, args, wasm), wasm) };
}

function build(source: string, boardName: string): string {
  if (!existsSync(join(source, "wasm3.h"))) throw new Error(`OUTPOST_WASM3_SRC has no wasm3.h nor source/wasm3.h: give the root of a wasm3 checkout`);
  const board = loadBoard(boardName);
  const dir = join(tmpdir(), `outpost-wasm3-${boardName}`);
  mkdirSync(dir, { recursive: true });
  const config = { board, memoryBytes: 65536, stackBytes: board.build?.stack ?? 4096, text: [], exports: [], tableElements: 0, funcTypes: 0, usesUart: true, hasImports: true };
  writeFileSync(join(dir, "board_tables.h"), tablesHeader());
  writeFileSync(join(dir, "board_tables.c"), tablesSource(config));
  writeFileSync(join(dir, "outpost_build.h"), buildHeader(config));
  const host = join(root, "boards/wasm/host");
  const defines = hostDefines(config).filter((d) => d !== "OUTPOST_ENGINE_BUILTIN").map((d) => `-D${d}`);
  const exe = join(dir, "host");
  const r = spawnSync("gcc", [
    "-O2", "-w", ...defines, `-I${dir}`, `-I${host}`, `-I${source}`,
    ...["host.c", "abi_check.c", "report.c", "format.c", "bench.c", "platform_posix.c", "engine_wasm3.c"].map((f) => join(host, f)),
    join(dir, "board_tables.c"),
    ...readdirSync(source).filter((f) => f.endsWith(".c")).map((f) => join(source, f)),
    "-lm", "-o", exe,
  ], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`building the wasm3 host failed:\n${r.stderr}`);
  return exe;
}

/** wasm3 hosts print deferred literals as {#n}: spelled out from the sidecar, as outpost decode does. */
function decodeTranscript(t: Transcript, wasm: string): Transcript {
  const table = wasm.replace(/\.wasm$/, ".text.json");
  if (!existsSync(table)) return t;
  const text = JSON.parse(readFileSync(table, "utf8")) as string[];
  return { ...t, lines: t.lines.map((l) => l.replace(/\{#(\d+)\}/g, (ref, id: string) => text[Number(id)] ?? ref)) };
}
