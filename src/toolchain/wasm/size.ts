/**
 * What a firmware costs: flash (the .wasm, by section) and RAM (static data,
 * the heap laid out by module start and `outpost_init`, the interpreter
 * stack the board allows), per task, against the board's budget.
 *
 * `analyseFirmware` reads the binary and then runs the firmware's init in
 * V8 with inert host imports, because only running it tells where the heap
 * top ends (ABI v1: it never moves after `outpost_init`). Nothing here does
 * I/O; `formatSizeReport` turns a report into the table `outpost size` and
 * `outpost build` print, and `checkBudget` is the refusal `outpost build`
 * gives for boards with a budget.
 *
 * RAM, as an interpreter host sees it: linear memory from address 0 up to
 * the heap top (static data sits below the heap, and AssemblyScript leaves
 * the lowest bytes unused), plus the interpreter's own stack for the
 * firmware (`build.stack` in board.json). The firmware keeps no stack in
 * linear memory (no shadow stack: Outpost builds with the stub-style
 * sealed allocator).
 */
import { grouped } from "../../contract/grouped.ts";
import { expandText } from "../../contract/deferred-text.ts";
import type { Board } from "../../contract/boards.ts";
import { OutpostError } from "../../contract/errors.ts";
import { hasWasmHeader, type WasmImport, WasmReader } from "../../contract/wasm-binary.ts";
import { type WasmGlobal, type WasmMemory, wasm as wasmJs } from "../../contract/wasm-api.ts";
import { DEFAULT_WATCHDOG, FUEL_EXPORT, MAX_MEMORY_PAGES, START_EXPORT, instrument, watchdogMessage } from "../../contract/fuel.ts";
import { panicCodeName } from "../../contract/abi-codes.ts";
import { BUILD_INFO_SECTION } from "../../contract/build-info.ts";

export interface SectionSize {
  /** Section id (0 custom, 1 type, … 10 code, 11 data). */
  id: number;
  /** `type`, `code`, `data`, …, or the custom section's own name. */
  name: string;
  /** Bytes in the file, header included. */
  bytes: number;
}

export interface TaskSize {
  id: number;
  /** Its pool's name. */
  name: string;
  /** The task object's payload (header and state), or null if the firmware does not export `outpost_task_size`. */
  bytes: number | null;
}

export interface SizeReport {
  /** The whole .wasm: what the board keeps in flash. */
  fileBytes: number;
  sections: SectionSize[];
  /** Code section bytes (function bodies). */
  codeBytes: number;
  /** Data section bytes (static data initialisers: strings, tables). */
  dataBytes: number;
  functions: number;
  memory: { initialPages: number; maximumPages: number | null };
  /** End of the last data segment: linear memory below it is static. */
  staticEnd: number;
  /** The heap top once module start has run (before `outpost_init`). */
  heapTopAfterStart: number;
  /** The heap top after `outpost_init`: all linear memory the firmware uses. */
  heapTop: number;
  /** Interpreter stack allowance counted in `ramBytes`. */
  stack: number;
  /** RAM the firmware needs: `heapTop + stack`. */
  ramBytes: number;
  tasks: TaskSize[];
}

export interface AnalyseOptions {
  /** Interpreter stack to count as RAM (board.json `build.stack`); default 0. */
  stack?: number;
  /** The build's deferred-text table, to spell out a panic during init. */
  text?: readonly string[];
}

const SECTION_NAMES = ["custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "datacount"];

/** The static facts of a module, read straight from its bytes. */
interface ModuleFacts {
  sections: SectionSize[];
  types: { params: number[]; results: number[] }[];
  imports: WasmImport[];
  functions: number;
  memory: { initialPages: number; maximumPages: number | null } | null;
  staticEnd: number;
}

/** Reads sections, types, imports, memory limits and the extent of static data. */
function readModule(bytes: Uint8Array, file: string): ModuleFacts {
  if (!hasWasmHeader(bytes)) {
    throw new OutpostError("NOT_WASM", `${file} is not a WebAssembly module (no \\0asm version 1 header): pass the .wasm that outpost build wrote`);
  }
  const r = new WasmReader(bytes, file);
  const facts: ModuleFacts = { sections: [], types: [], imports: [], functions: 0, memory: null, staticEnd: 0 };
  for (const { id, headerStart, start, end } of r.sections()) {
    r.pos = start;
    let name = SECTION_NAMES[id] ?? `section ${id}`;
    if (id === 0) name = r.name();
    else if (id === 1) {
      for (let n = r.u32(); n > 0; n--) {
        if (r.byte() !== 0x60) throw r.malformed("a type is not a function type");
        const params = Array.from({ length: r.u32() }, () => r.byte());
        const results = Array.from({ length: r.u32() }, () => r.byte());
        facts.types.push({ params, results });
      }
    } else if (id === 2) facts.imports = r.imports();
    else if (id === 3) facts.functions = r.u32();
    else if (id === 5) {
      if (r.u32() > 0) facts.memory = r.limits();
    } else if (id === 11) {
      for (let n = r.u32(); n > 0; n--) {
        const flags = r.u32();
        let offset = -1;
        if (flags !== 1) {
          if (flags === 2) r.u32(); // memory index
          const op = r.byte(); // an MVP constant expression: i32.const n or global.get g, then end
          if (op === 0x41) offset = r.s32();
          else r.u32();
          if (r.byte() !== 0x0b) throw r.malformed("a data segment offset is not a constant");
        }
        const length = r.u32();
        r.pos += length;
        if (offset >= 0) facts.staticEnd = Math.max(facts.staticEnd, offset + length);
      }
    }
    facts.sections.push({ id, name, bytes: end - headerStart });
  }
  return facts;
}

/** Inert host imports: every function returns zero; `panic` throws what the firmware said. */
function stubImports(facts: ModuleFacts, memory: () => WasmMemory, file: string, table?: readonly string[]): Record<string, Record<string, unknown>> {
  const imports: Record<string, Record<string, unknown>> = {};
  for (const imp of facts.imports) {
    if (imp.kind !== 0) {
      throw new OutpostError("NOT_OUTPOST_FIRMWARE", `${file} imports ${imp.module}.${imp.name}, which is not a function: Outpost firmware imports only the functions of boards/ABI.md`);
    }
    const results = facts.types[imp.type]?.results ?? [];
    let fn: (...args: number[]) => unknown = results[0] === 0x7e ? () => 0n : () => (results.length ? 0 : undefined);
    if (imp.module === "outpost" && imp.name === "panic") {
      fn = (code, _task, msg, msgLen) => {
        const text = expandText(new Uint8Array(memory().buffer, msg!, msgLen!), table);
        const name = panicCodeName(code!);
        const codeName = name === "UNKNOWN" ? `code ${code}` : name;
        throw new OutpostError("FIRMWARE_PANIC", `${file} panicked during init (${codeName}): ${text}`);
      };
    }
    (imports[imp.module] ??= {})[imp.name] = fn;
  }
  return imports;
}

/** Measures `wasm` (see the file comment). `file` names it in errors. */
export async function analyseFirmware(wasm: Uint8Array, file: string, options: AnalyseOptions = {}): Promise<SizeReport> {
  const facts = readModule(wasm, file);
  const sectionBytes = (id: number) => facts.sections.filter((s) => s.id === id).reduce((n, s) => n + s.bytes, 0);

  let memory: WasmMemory | null = null;
  let instance: { exports: Record<string, unknown> };
  // Under the watchdog (fuel.ts), so that a firmware whose init never returns fails the build instead of hanging it.
  const fuelled = instrument(wasm, DEFAULT_WATCHDOG, MAX_MEMORY_PAGES);
  let fuel: WasmGlobal | undefined;
  let during = "module start";
  try {
    const module = await wasmJs.compile(new Uint8Array(fuelled ?? wasm));
    instance = await wasmJs.instantiate(module, stubImports(facts, () => memory!, file, options.text));
    fuel = instance.exports[FUEL_EXPORT] as WasmGlobal | undefined;
    memory = (instance.exports.memory as WasmMemory | undefined) ?? null;
    (instance.exports[START_EXPORT] as (() => void) | undefined)?.();
  } catch (e) {
    throw asFirmwareError(e, file, during, fuel);
  }
  const ex = instance.exports as Record<string, unknown>;
  for (const name of ["memory", "outpost_abi_version", "outpost_init", "outpost_heap_top"]) {
    if (!(name in ex)) {
      throw new OutpostError("NOT_OUTPOST_FIRMWARE", `${file} does not export ${name}: it is not Outpost firmware (build it with outpost build)`);
    }
  }
  memory = ex.memory as WasmMemory;
  const call = (name: string, ...args: number[]): number => (ex[name] as (...a: number[]) => number)(...args);
  const version = call("outpost_abi_version");
  if (version !== 1) {
    throw new OutpostError("ABI_MISMATCH", `${file} speaks ABI v${version}, this Outpost speaks ABI v1: rebuild the firmware with this Outpost version`);
  }
  const heapTopAfterStart = call("outpost_heap_top") >>> 0;
  try {
    during = "outpost_init"; // fuel.ts's wrapper gives the call the whole budget
    call("outpost_init");
  } catch (e) {
    throw asFirmwareError(e, file, during, fuel);
  }
  const heapTop = call("outpost_heap_top") >>> 0;

  const tasks: TaskSize[] = [];
  // A release build has no task introspection: its tasks are known only from the build's lowering report.
  const count = "outpost_task_count" in ex ? call("outpost_task_count") : 0;
  const scratch = "outpost_scratch" in ex ? call("outpost_scratch") >>> 0 : 0;
  for (let id = 0; id < count; id++) {
    let name = `task ${id}`;
    if ("outpost_task_name" in ex) {
      const length = call("outpost_task_name", id);
      if (length >= 0) name = expandText(new Uint8Array(memory.buffer, scratch, length), options.text);
    }
    const bytes = "outpost_task_size" in ex ? call("outpost_task_size", id) : null;
    tasks.push({ id, name, bytes: bytes !== null && bytes >= 0 ? bytes : null });
  }

  const stack = options.stack ?? 0;
  return {
    fileBytes: wasm.length,
    sections: facts.sections,
    codeBytes: sectionBytes(10),
    dataBytes: sectionBytes(11),
    functions: facts.functions,
    memory: facts.memory ?? { initialPages: 0, maximumPages: null },
    staticEnd: facts.staticEnd,
    heapTopAfterStart,
    heapTop,
    stack,
    ramBytes: heapTop + stack,
    tasks,
  };
}

function asFirmwareError(e: unknown, file: string, during: string, fuel?: WasmGlobal): OutpostError {
  if (e instanceof OutpostError) return e;
  if (e instanceof wasmJs.CompileError) {
    return new OutpostError("NOT_WASM", `${file} is not a valid WebAssembly module (${e.message}): rebuild it with outpost build`);
  }
  if (fuel?.value === -1) return new OutpostError("FIRMWARE_PANIC", `${file}: ${watchdogMessage(during, DEFAULT_WATCHDOG)}`);
  const message = e instanceof Error ? e.message : String(e);
  return new OutpostError("FIRMWARE_TRAP", `${file} trapped during ${during} (${message}): run it in the simulator (outpost sim) to see where`);
}


/**
 * Throws OVER_BUDGET when the firmware needs more flash or RAM than `board`
 * gives it; boards without a budget (0) accept anything.
 */
export function checkBudget(report: SizeReport, board: Board, file: string): void {
  if (board.flash > 0 && report.fileBytes > board.flash) {
    throw new OutpostError(
      "OVER_BUDGET",
      `${file} needs ${grouped(report.fileBytes)} bytes of flash but board "${board.name}" allows ${grouped(board.flash)}: ` +
        `shrink the firmware (outpost size ${file} shows which sections take the room; long strings and many task types cost most) or choose a board with more flash`,
    );
  }
  if (board.ram > 0 && report.ramBytes > board.ram) {
    throw new OutpostError(
      "OVER_BUDGET",
      `${file} needs ${grouped(report.ramBytes)} bytes of RAM but board "${board.name}" allows ${grouped(board.ram)} ` +
        `(static data and heap after init ${grouped(report.heapTop)}, interpreter stack ${grouped(report.stack)}): ` +
        `use smaller task pools and buffers (outpost size ${file} shows each task's share) or choose a board with more RAM`,
    );
  }
}

/** Bytes of the section that records the build (src/contract/build-info.ts); 0 in a module without one. */
export function buildRecordBytes(report: SizeReport): number {
  return report.sections.filter((s) => s.id === 0 && s.name === BUILD_INFO_SECTION).reduce((n, s) => n + s.bytes, 0);
}

/** The table `outpost size` prints; with a board, each total is shown against its budget. */
export function formatSizeReport(report: SizeReport, file: string, board?: Board): string {
  const rows: [string, string][] = [];
  const of = (n: number, budget: number | undefined) =>
    budget ? `${grouped(n)} of ${grouped(budget)} (${((100 * n) / budget).toFixed(1)}%)` : grouped(n);
  rows.push(["flash", of(report.fileBytes, board?.flash)]);
  rows.push(["  code", grouped(report.codeBytes) + ` (${report.functions} functions)`]);
  rows.push(["  data", grouped(report.dataBytes)]);
  const record = buildRecordBytes(report);
  rows.push(["  other sections", grouped(report.fileBytes - 8 - report.codeBytes - report.dataBytes - record)]);
  if (record > 0) rows.push(["  build record", `${grouped(record)} (board, Outpost version, ABI)`]);
  rows.push(["ram", of(report.ramBytes, board?.ram)]);
  rows.push(["  static data", grouped(report.staticEnd)]);
  rows.push(["  heap at start", grouped(report.heapTopAfterStart - report.staticEnd)]);
  rows.push(["  heap in init", grouped(report.heapTop - report.heapTopAfterStart)]);
  rows.push(["  interpreter stack", grouped(report.stack)]);
  const pages = report.memory.maximumPages === null ? `${report.memory.initialPages}, no maximum` : `${report.memory.initialPages}, maximum ${report.memory.maximumPages}`;
  rows.push(["memory pages", pages]);
  const width = Math.max(...rows.map((r) => r[0].length));
  const lines = [`${file}${board ? ` for board "${board.name}"` : ""}`];
  for (const [label, value] of rows) lines.push(`  ${label.padEnd(width)}  ${value}`);
  if (report.tasks.length > 0) {
    lines.push("  tasks (static RAM of each task object)");
    for (const t of report.tasks) {
      lines.push(`    ${String(t.id).padStart(3)}  ${t.name.padEnd(16)}  ${t.bytes === null ? "? (firmware lacks outpost_task_size)" : grouped(t.bytes)}`);
    }
  }
  return lines.join("\n") + "\n";
}
