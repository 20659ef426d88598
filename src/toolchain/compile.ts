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
import { grouped } from "../contract/grouped.ts";
import { readFileSync } from "node:fs";
import { dirname, basename, relative, resolve } from "node:path";
import { asc } from "../../tools/assemblyscript.mjs";
import { type Board, boardModuleSource, unknownBoardNameMessage } from "../contract/boards.ts";
import { OutpostError } from "../contract/errors.ts";
import { formatLowerErrors, fsHost, LowerSession, type LowerReport, type ModuleHost } from "./lower/index.ts";
import { BOARD_PATH, outpostPackagePath, repoRoot, runtimeDir } from "./packages.ts";
import { cleanDiagnostics } from "./asc-diagnostics.ts";
import { installParseCache } from "./parse-cache.ts";
import { resolveBuildFlags } from "./build-flags.ts";
import { type SizeReport, analyseFirmware, checkBudget } from "./wasm/size.ts";
import { mergeDataSegments } from "./wasm/data-segments.ts";
import { packTextLiterals, TextTable } from "./text-literals.ts";
import { snapshotStart, START_EXPORT } from "./wasm/start-snapshot.ts";
import { moveStartIntoInit } from "./wasm/start-into-init.ts";
import { optimiseQuick } from "./wasm/quick-optimise.ts";
import { replaceAscOptimise } from "./wasm/asc-optimise.ts";
import { loadBinaryen } from "./wasm/binaryen.ts";
import { assertMvp } from "./wasm/validate.ts";
import { recordBuild } from "./wasm/build-info.ts";
import { ALIGNMENT_PATCHED, ANY_ALIGNMENT, unalignedWideAccesses, WIDER_THAN_BYTE } from "./std-alignment.ts";
import { checkHostImports } from "./host-imports.ts";
import { CURRENT_TASK_EXPORT, HEAP_TOP_EXPORT, HOST_EXPORTS, READY_EXPORT } from "../contract/abi-codes.ts";

const ENTRY = "__outpost_entry__.ts";
/** The runtime's build flags, which each build serves with its own values (`buildFlagsSource`). */
const BUILD_FLAGS = runtimeDir + "build.ts";
/**
 * What a release build's entry re-exports (it defines `outpost_init`; asc exports `memory`): what hosts
 * call, the heap top, and the running task, so that a trap names its task on every host.
 */
const RELEASE_EXPORTS = [...HOST_EXPORTS.filter((name) => name !== "memory" && name !== "outpost_init"), HEAP_TOP_EXPORT, CURRENT_TASK_EXPORT];

export interface CompileOptions {
  /** The firmware's entry file; it exports `function main(): void`. */
  entry: string;
  board: Board;
  /** MVP-only Wasm (no bulk memory, sign-extension, non-trapping f2i, mutable-global exports). Default: the board's `build.mvp`. */
  mvp?: boolean;
  /** Optimise for size (-O3z) rather than speed (-O3). Default: the board's `build.small`. */
  small?: boolean;
  /** Optimise for build time (asc -O0, then a few of binaryen's cheapest passes) rather than speed (-O3). Default: the board's `build.quick`. */
  quick?: boolean;
  /** Where the .wasm will be written; names the firmware in budget errors (default: the entry). */
  output?: string;
  /** Keep function names for stack traces. */
  debug?: boolean;
  /** Keep message literals on the host (see text-literals.ts). Default: the board's `build.deferText`. */
  deferText?: boolean;
  /**
   * A release build: only the exports a board's host needs (boards/ABI.md), without the task
   * introspection ones (`outpost_task_*`, `outpost_scratch`) that the simulator's `--inspect`,
   * deadlock reports and task tables read.
   */
  release?: boolean;
}

export interface CompileResult {
  wasm: Uint8Array;
  /** asc's warnings, if any. */
  warnings: string;
  /** The async lowering's await-site table and per-task static RAM. */
  lowering: LowerReport;
  /** Interpreter boards (family "wasm"): what the build costs, already checked against the board's budget. */
  size?: SizeReport;
  /** Deferred text builds: the message literals the firmware refers to by index (a host needs them to print its messages). */
  text?: string[];
  /** Every file the build read or looked for (absolute paths; the generated board module is not one). */
  sources: string[];
}

let runtimeInstalled = false;
function installSealedRuntime(): void {
  if (runtimeInstalled) return;
  // asc looks the stub runtime up by this key; Outpost's allocator replaces it.
  // asc parses that file as an entry (its exports become module exports), so
  // it only imports the allocator, as asc's own index-stub does.
  const libraryFiles = asc.libraryFiles as Record<string, string>;
  libraryFiles["rt/outpost-sealed"] = readFileSync(runtimeDir + "rt/sealed.ts", "utf8");
  libraryFiles["rt/index-stub"] = `import "./outpost-sealed";\n`;
  // Honest alignment hints in its number and string code, which the Espruino translation relies on (std-alignment.ts).
  for (const file of ALIGNMENT_PATCHED) libraryFiles[file] = unalignedWideAccesses(libraryFiles[file]!);
  for (const file of ANY_ALIGNMENT) libraryFiles[file] = unalignedWideAccesses(libraryFiles[file]!, WIDER_THAN_BYTE);
  runtimeInstalled = true;
}

export async function compileFirmware(options: CompileOptions): Promise<CompileResult> {
  const entry = resolve(options.entry);
  // One reader for asc and the lowering, so each file is read (and the board module generated) once per build.
  const files = fsHost(() => boardModuleSource(options.board));
  // Every path the build reads (or looks for), for the build cache (cache/build.ts) and --watch.
  const sources = new Set<string>();
  const host: ModuleHost = {
    read: (path) => {
      if (path !== BOARD_PATH) sources.add(path);
      return files.read(path);
    },
  };
  if (host.read(entry) === null) {
    throw new OutpostError("FILE_NOT_FOUND", `cannot read firmware entry ${options.entry}: check the path`);
  }
  installSealedRuntime();
  installParseCache();
  const baseDir = dirname(entry);
  const userModule = "./" + basename(entry).replace(/\.ts$/, "");
  const entrySource = [
    options.release ? `export { ${RELEASE_EXPORTS.join(", ")} } from "outpost/abi_exports";` : `export * from "outpost/abi_exports";`,
    `import { main } from ${JSON.stringify(userModule)};`,
    `import { endInit } from "outpost/executor";`,
    `export function outpost_init(): void { main(); endInit(); }`,
    // Espruino's glue skips polls with nothing to do (src/runtime/abi_ready.ts).
    ...(options.board.family === "espruino" ? [`export { ${READY_EXPORT} } from "outpost/abi_ready";`] : []),
  ].join("\n");

  const build = options.board.build ?? {};
  const { mvp, small, quick, deferText } = resolveBuildFlags(options.board, options);
  // Quick builds (the simulator's) keep function names: a panic or trap in the simulator then says which functions were running.
  const names = (options.debug ?? false) || (quick && !small);
  // Native boards build as interpreter boards do; their budget is the linked image's (src/toolchain/native/).
  const native = options.board.family === "native";
  const interpreter = options.board.family === "wasm" || native;
  const texts = deferText ? new TextTable() : null;
  const maxPages = Math.max(1, Math.ceil((options.board.ram - (build.stack ?? 0)) / 65536));
  const args = [
    ENTRY,
    "--runtime", "stub",
    "--use", "abort=~lib/outpost/panic/outpostAbort",
    "--outFile", "out.wasm",
    "--noColors",
    "--baseDir", baseDir,
    // A quick build is tidied by a few of binaryen's cheapest passes instead of asc's optimiser (quick-optimise.ts says why).
    ...(small ? ["-O3z"] : quick ? ["-O0"] : ["-O3"]),
    ...(names ? ["--debug"] : []),
    // A float out of an integer's range converts with a trap on every board: MVP boards have no saturating conversion.
    ...(mvp ? ["--disable", "sign-extension,mutable-globals,nontrapping-f2i,bulk-memory"] : ["--disable", "nontrapping-f2i"]),
    // Interpreter boards: static data from address 8 rather than asc's default 1024 (1 KiB of RAM
    // the firmware never touches), and memory that may not grow past what the RAM budget covers.
    // Espruino boards: the same base (their memory is an ArrayBuffer cut to what init used).
    ...(interpreter ? ["--memoryBase", "8", "--maximumMemory", String(maxPages)] : []),
    ...(options.board.family === "espruino" ? ["--memoryBase", "8"] : []),
    // Size builds (interpreter and Espruino boards): the start function runs at build time instead (start-snapshot.ts).
    ...(small ? ["--exportStart", START_EXPORT] : []),
  ];
  let wasm: Uint8Array | null = null;
  let stderr = "";
  const lowering = new LowerSession(host, { inlinePolls: !small, entryMain: true });
  lowering.setEntry(entry);
  // A size build is optimised once, after its start function has run; a quick build by a few passes (asc-optimise.ts).
  const b = await loadBinaryen();
  const deferral = small ? replaceAscOptimise(b) : quick ? replaceAscOptimise(b, (m) => optimiseQuick(b, m, { debug: names })) : null;
  const result = await asc.main(args, {
    transforms: deferral ? [deferral.transform] : [],
    readFile: (name: string, dir: string) => {
      if (name === ENTRY) return entrySource;
      if (name === "asconfig.json") return null;
      // Outpost's packages (node_modules/outpost/…) are served from src/runtime/, hal/ and the board.
      const path = outpostPackagePath(name) ?? resolve(dir, name);
      if (path === BUILD_FLAGS) return buildFlagsSource({ deferText: texts !== null, release: options.release ?? false });
      let text = lowering.readFile(path, host.read(path));
      // The firmware's own explicit loads and stores may be at any address: honest hints for the Espruino translation (std-alignment.ts).
      if (text !== null && options.board.family === "espruino" && outpostPackagePath(name) === null && /\b(load|store)</.test(text)) text = unalignedWideAccesses(text, WIDER_THAN_BYTE);
      return text === null ? null : packTextLiterals(text, texts);
    },
    writeFile: (name: string, contents: Uint8Array | string) => {
      if (name === "out.wasm") wasm = contents as Uint8Array;
    },
    listFiles: () => [],
    stdout: { write: () => true },
    stderr: { write: (s: string | Uint8Array) => ((stderr += String(s)), true) },
    baseDir,
  } as unknown as Parameters<typeof asc.main>[1]).finally(() => deferral?.done());
  const where = relative(process.cwd(), entry) || entry;
  // What the user wrote, for diagnostics in lowered lines (asc names user files from baseDir, Outpost's from the repository).
  const pathOf = (file: string) => resolve(file.startsWith("hal/") || file.startsWith("src/") ? repoRoot : baseDir, file);
  const originalOf = (file: string) => host.read(pathOf(file));
  const movedLine = (file: string, line: number) => lowering.originalLine(pathOf(file), line);
  if (lowering.diagnostics.length) {
    throw new OutpostError("BUILD_FAILED", `${where} does not compile:\n${formatLowerErrors(lowering.diagnostics)}`);
  }
  const file = options.output ?? where;
  if (/\bAS106\b/.test(stderr)) {
    throw new OutpostError(
      "OVER_BUDGET",
      `${file} needs more than ${grouped(maxPages * 65536)} bytes of RAM for its static data alone but board "${options.board.name}" allows ${grouped(options.board.ram)}: shrink static buffers and strings or choose a board with more RAM`,
    );
  }
  if (result.error || wasm === null) {
    unknownBoardName(stderr, options.board, where);
    throw new OutpostError("BUILD_FAILED", `${where} does not compile:\n${cleanDiagnostics(stderr, originalOf, movedLine)}`);
  }
  checkHostImports(wasm, where);
  if (small) wasm = mergeDataSegments(await snapshotStart(wasm, { mvp, debug: options.debug ?? false, closedWorld: deferral!.closedWorld ?? false }));
  wasm = recordBuild(moveStartIntoInit(wasm, where), options.board.name);
  const lowerWarnings = lowering.warnings.length ? formatLowerErrors(lowering.warnings, "warning") : "";
  const warnings = [lowerWarnings, cleanDiagnostics(stderr, originalOf, movedLine)].filter((w) => w).join("\n");
  const built: CompileResult = { wasm, warnings, lowering: lowering.report(), sources: [...sources] };
  if (texts) built.text = texts.texts;
  if (!interpreter) return built;
  await assertMvp(wasm, file, options.board.name);
  built.size = await analyseFirmware(wasm, file, { stack: build.stack, text: built.text });
  if (!native) checkBudget(built.size, options.board, file);
  return built;
}

/** src/runtime/build.ts as this build sees it. */
function buildFlagsSource(flags: { deferText: boolean; release: boolean }): string {
  return [
    `export const DEFERRED_TEXT: bool = ${flags.deferText};`,
    `export const RELEASE: bool = ${flags.release};`,
  ].join("\n");
}

/**
 * A name imported from `outpost/board` that the board lacks is the user's
 * most likely build error; say which board and list what it has instead of
 * asc's "has no exported member".
 */
function unknownBoardName(stderr: string, board: Board, where: string): void {
  const m = /TS2305: Module '[^']*\/board' has no exported member '([^']+)'\.[\s\S]*?└─ in [^(]*\((\d+),(\d+)\)/.exec(stderr);
  if (!m) return;
  const [, name, line, column] = m;
  throw new OutpostError("UNKNOWN_PIN", `${where}:${line}:${column}: ${unknownBoardNameMessage(board, name!)}`);
}


