/**
 * The AssemblyScript driver: turns a firmware entry file into a .wasm.
 *
 * Runs asc in-process through its `readFile` hook, which is how Outpost
 * (1) serves its own firmware packages (`outpost`, `outpost/hal`,
 * `outpost/drivers/*`, the generated `outpost/board`) without an install
 * step, and (2) wraps the user's `main()` in the ABI's `outpost_init`.
 * The heap is Outpost's sealed bump allocator (src/runtime/rt/sealed.ts),
 * installed in place of asc's stub runtime so it keeps the stub's lean
 * code generation (no shadow stack).
 */
import { readFileSync } from "node:fs";
import { dirname, basename, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import asc from "assemblyscript/asc";
import { type Board, boardModuleSource } from "./boards.ts";
import { OutpostError } from "./errors.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const runtimeDir = root + "src/runtime/";
const halDir = root + "hal/";
const ENTRY = "__outpost_entry__.ts";

export interface CompileOptions {
  /** The firmware's entry file; it exports `function main(): void`. */
  entry: string;
  board: Board;
  /** MVP-only Wasm (no bulk memory, sign-extension, non-trapping f2i, mutable-global exports). */
  mvp?: boolean;
  /** Optimise for size (-O3z) rather than speed (-O3). */
  small?: boolean;
  /** Keep function names for stack traces. */
  debug?: boolean;
}

export interface CompileResult {
  wasm: Uint8Array;
  /** asc's warnings, if any. */
  warnings: string;
}

/** Maps a file asc asks for (relative to its base dir) to text, or null. */
function outpostPackageFile(request: string, board: Board): string | null {
  const m = /(?:^|\/)node_modules\/outpost\/(.+)\.ts$/.exec(request.replace(/\\/g, "/"));
  if (!m) return null;
  const sub = m[1]!;
  if (sub === "board") return boardModuleSource(board);
  let file: string;
  if (sub === "hal" || sub === "hal/index") file = halDir + "index.ts";
  else if (sub.startsWith("hal/")) file = halDir + sub.slice(4) + ".ts";
  else if (sub.startsWith("drivers/")) file = halDir + "drivers/" + sub.slice(8) + ".ts";
  else file = runtimeDir + sub + ".ts";
  return readOrNull(file);
}

function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

let runtimeInstalled = false;
function installSealedRuntime(): void {
  if (runtimeInstalled) return;
  // asc looks the stub runtime up by this key; Outpost's allocator replaces it.
  const libraryFiles = asc.libraryFiles as Record<string, string>;
  libraryFiles["rt/index-stub"] = readFileSync(runtimeDir + "rt/sealed.ts", "utf8");
  runtimeInstalled = true;
}

export async function compileFirmware(options: CompileOptions): Promise<CompileResult> {
  const entry = resolve(options.entry);
  const source = readOrNull(entry);
  if (source === null) {
    throw new OutpostError("FILE_NOT_FOUND", `cannot read firmware entry ${options.entry}: check the path`);
  }
  installSealedRuntime();
  const baseDir = dirname(entry);
  const userModule = "./" + basename(entry).replace(/\.ts$/, "");
  const entrySource = [
    `export * from "outpost/abi_exports";`,
    `import { main } from ${JSON.stringify(userModule)};`,
    `import { beginInit, endInit } from "outpost/executor";`,
    `export function outpost_init(): void { beginInit(); main(); endInit(); }`,
  ].join("\n");

  const args = [
    ENTRY,
    "--runtime", "stub",
    "--use", "abort=~lib/outpost/panic/outpostAbort",
    "--outFile", "out.wasm",
    "--noColors",
    "--baseDir", baseDir,
    ...(options.small ? ["-O3z"] : ["-O3"]),
    ...(options.debug ? ["--debug"] : []),
    ...(options.mvp ? ["--disable", "sign-extension,mutable-globals,nontrapping-f2i,bulk-memory"] : []),
  ];
  let wasm: Uint8Array | null = null;
  let stderr = "";
  const result = await asc.main(args, {
    readFile: (name: string, dir: string) => {
      if (name === ENTRY) return entrySource;
      if (name === "asconfig.json") return null;
      return outpostPackageFile(name, options.board) ?? readOrNull(resolve(dir, name));
    },
    writeFile: (name: string, contents: Uint8Array | string) => {
      if (name === "out.wasm") wasm = contents as Uint8Array;
    },
    listFiles: () => [],
    stdout: { write: () => true },
    stderr: { write: (s: string | Uint8Array) => ((stderr += String(s)), true) },
    baseDir,
  } as unknown as Parameters<typeof asc.main>[1]);
  const where = relative(process.cwd(), entry) || entry;
  if (result.error || wasm === null) {
    throw new OutpostError("BUILD_FAILED", `${where} does not compile:\n${cleanDiagnostics(stderr)}`);
  }
  return { wasm, warnings: cleanDiagnostics(stderr) };
}

/** Shows Outpost's own files by their repository path rather than asc's `~lib/outpost/…`. */
function cleanDiagnostics(text: string): string {
  return text
    .replace(/~lib\/outpost\/(hal|drivers)\//g, (_m, d: string) => (d === "hal" ? "hal/" : "hal/drivers/"))
    .replace(/~lib\/outpost\//g, "src/runtime/")
    .replace(/^FAILURE .*$/gm, "")
    .trim();
}
