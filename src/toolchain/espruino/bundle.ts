/**
 * Builds the one .js file an Espruino board runs: the firmware's Wasm
 * translated to Espruino-subset JavaScript, plus the glue that implements
 * ABI v1 on Espruino's API (boards/espruino/glue.js).
 *
 *   wasm ─guard traps─▶ ─wasm2js─▶ ES module ─lift─▶ tree ─flatten, remove labels, fold views─▶ declarations
 *        ─measure init─▶ memory size
 *   E.setFlags · memory + data · helpers · firmware · board table · glue (which ends by starting the firmware)
 *        ─drop unreachable─▶ ─shorten names─▶ ─print─▶ text ─check─▶ ─estimate─▶
 *
 * Called by `outpost build` (and tests) through `compileEspruino`. Throws
 * OutpostError ESPRUINO_SYNTAX if the checker finds a construct Espruino
 * lacks (with each line:column), OVER_BUDGET if the JsVar estimate exceeds
 * the board's. The output's last line is a comment the simulator reads
 * (`//outpost:{…}`): the board, the ABI version and where the exports went.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Expr, type Stmt, call, exprStmt, id, mapStmt, num } from "./ast.ts";
import { type Board, resolvePin } from "../../contract/boards.ts";
import { OutpostError } from "../../contract/errors.ts";
import { HEAP_TOP_EXPORT, HOST_EXPORTS, INTROSPECTION_EXPORTS, READY_EXPORT } from "../../contract/abi-codes.ts";
import { analyseFirmware } from "../wasm/size.ts";
import { espruinoSpec, pinsByNumber } from "../../contract/espruino-board.ts";
import { checkEspruino, formatFindings } from "./check.ts";
import { type JsVarEstimate, checkJsVars, estimateJsVars } from "./estimate.ts";
import { helperDecls } from "./helpers.ts";
import { liftScript } from "./lift.ts";
import { type EspruinoManifest, writeManifest } from "../../contract/espruino-manifest.ts";
import { type FlatModule, HIGH_BITS, type Segment, flattenModule } from "./module.ts";
import { shortenNames } from "./names.ts";
import { outpostVersion } from "../packages.ts";
import { printProgram, printStmt } from "./print.ts";
import { dropUnreachable } from "./reach.ts";
import { MEM_HELPER, checkMemoryAccesses } from "./checked.ts";
import { guardTraps } from "./traps.ts";
import { foldViews } from "./views.ts";
import { foldCold } from "./cold.ts";
import { wasmToJs } from "./wasm2js.ts";

const GLUE_FILE = fileURLToPath(new URL("../../../boards/espruino/glue.js", import.meta.url));
/** Bytes of linear memory kept above the heap top measured after init. */
const MEMORY_HEADROOM = 64;
/**
 * The ABI exports every Espruino build keeps (the glue and the simulator
 * call them). Not task sizes, which only `outpost size` reads. The await
 * site and chain stay: the glue prints a panic's chain and the simulator
 * reads both; with the glue's lines that print the chain they cost about
 * 60 JsVars of a RAM upload and 10 from Storage (boards/espruino/README.md).
 */
const EXPORTS: readonly string[] = [
  ...HOST_EXPORTS.filter((name) => name !== "memory"),
  ...INTROSPECTION_EXPORTS.filter((name) => name !== "outpost_task_size"),
  HEAP_TOP_EXPORT,
  READY_EXPORT,
];

/** What runs per event (cold.ts folds what these do not reach): the glue's entry and the firmware's. */
const HOT = ["G_go", "G_run", "outpost_poll", "outpost_event", READY_EXPORT];
/** The glue's panic path: cold wherever it is called from. */
const COLD_GLUE = new Set(["G_fail", "G_rule", "panic"]);
/** Called by their own names on every host (the contract checks them), so never folded. */
const KEPT_AS_THEY_ARE = new Set<string>([...HOST_EXPORTS, READY_EXPORT]);

export interface EspruinoBuild {
  js: string;
  estimate: JsVarEstimate;
  budget: number;
  memory: { bytes: number; staticEnd: number; heapTop: number };
  /** Top-level functions in the output. */
  functions: number;
  tasks: string[];
}


export interface EspruinoOptions {
  /** Check every memory access (checked.ts): for tests, which compare hosts. */
  checked?: boolean;
  /** A deferred-text build's literal table (compileFirmware's `text`): the glue prints the literals from it. */
  text?: string[];
}

export async function compileEspruino(wasm: Uint8Array, board: Board, file: string, options: EspruinoOptions = {}): Promise<EspruinoBuild> {
  const spec = espruinoSpec(board);
  const size = await analyseFirmware(wasm, file, { text: options.text });
  const flat = flattenModule(liftScript(await wasmToJs(await guardTraps(wasm), file), { module: true, file: "wasm2js output" }));
  ({ decls: flat.decls, views: flat.views } = foldViews(flat.decls, flat.views));
  if (options.checked) {
    const checked = checkMemoryAccesses(flat.decls, flat.views);
    flat.decls = checked.decls;
    if (checked.used) flat.helpers.add(MEM_HELPER);
  }
  const memoryBytes = roundUp(Math.max(size.heapTop, size.staticEnd, 8) + MEMORY_HEADROOM, 16);

  const program = dropUnreachable(
    [
      exprStmt(call("E.setFlags", { k: "obj", props: [{ key: "pretokenise", value: { k: "num", value: 1 } }] })),
      ...memoryDecls(flat, memoryBytes),
      ...flat.segments.length ? dataStatements(flat) : [],
      ...helperDecls(flat.helpers),
      ...firmwareDecls(flat),
      ...boardTable(board, spec.serial),
      ...literalTable(options.text),
      ...glue(flat.start !== null),
    ].map(fixDottedCalls),
    EXPORTS,
  );
  const lengths = shortenNames(program).program.map((s) => printStmt(s).length);
  const { program: lean, folded } = foldCold(program, { hot: HOT, coldRoots: COLD_GLUE, keep: KEPT_AS_THEY_ARE, lengths });
  const { program: short, globals } = shortenNames(lean);
  const estimate = estimateJsVars({
    program: short,
    memoryBytes,
    rxFifos: Object.values(board.uarts).map((u) => u.rxFifo),
    buttons: Object.keys(board.buttons).length,
    jsVarBytes: spec.jsVarBytes,
  });
  const manifest: EspruinoManifest = {
    abi: 1,
    board: board.name,
    outpost: outpostVersion,
    exports: Object.fromEntries(
      EXPORTS.flatMap((e) => {
        const f = folded.get(e);
        if (f) return [[e, `${globals.get(f.fn)!}:${f.k}`]];
        return globals.has(e) ? [[e, globals.get(e)!]] : [];
      }),
    ),
    memory: globals.get("HEAPU8")!,
    jsVars: { ram: estimate.total, flash: estimate.fromFlash },
  };
  const header = `// Outpost firmware for ${board.description}. Upload: outpost flash ${file} --board ${board.name} --port PORT\n`;
  const js = header + printProgram(short) + writeManifest(manifest);

  const findings = checkEspruino(js, file);
  if (findings.length > 0) {
    throw new OutpostError(
      "ESPRUINO_SYNTAX",
      `${file} uses what Espruino cannot run, so it was not written:\n${formatFindings(findings, file)}\n` +
        `This is a bug in Outpost's Espruino translation: please report it with the firmware that triggers it.`,
    );
  }
  checkJsVars(estimate, spec.jsVars, board.name, file);
  return {
    js,
    estimate,
    budget: spec.jsVars,
    memory: { bytes: memoryBytes, staticEnd: size.staticEnd, heapTop: size.heapTop },
    functions: short.filter((s) => s.k === "func").length,
    tasks: size.tasks.map((t) => t.name),
  };
}

function roundUp(n: number, to: number): number {
  return Math.ceil(n / to) * to;
}

/** `call("E.setFlags", …)` is written with a dotted name for brevity; make it a member call. */
function fixDottedCalls(s: Stmt): Stmt {
  return mapStmt(s, (e) => {
    if (e.k === "id" && e.name.includes(".")) {
      const [obj, ...rest] = e.name.split(".");
      return rest.reduce<Expr>((o, name) => ({ k: "dot", obj: o, name }), id(obj!));
    }
    return e;
  });
}

/** The firmware's memory, cut to `bytes`, and its typed-array views (HEAPU8 always: the glue uses it). */
function memoryDecls(flat: FlatModule, bytes: number): Stmt[] {
  const views = flat.views.some((v) => v.name === "HEAPU8") ? flat.views : [...flat.views, { name: "HEAPU8", type: "Uint8Array" }];
  return [
    { k: "var", decls: [{ name: "outpost_memory", init: { k: "new", callee: id("ArrayBuffer"), args: [{ k: "num", value: bytes }] } }] },
    ...views.map((v): Stmt => ({ k: "var", decls: [{ name: v.name, init: { k: "new", callee: id(v.type), args: [id("outpost_memory")] } }] })),
  ];
}

/** Largest piece of static data one statement carries: the upload holds a statement's text until it has run. */
const DATA_CHUNK = 512;

/** Static data, one statement per run of segments (runs closer than 32 bytes merge), in pieces of DATA_CHUNK bytes. */
function dataStatements(flat: FlatModule): Stmt[] {
  const runs: Segment[] = [];
  for (const seg of [...flat.segments].sort((a, b) => a.offset - b.offset)) {
    const last = runs[runs.length - 1];
    if (last && seg.offset - (last.offset + last.bytes.length) <= 32) {
      const merged = new Uint8Array(seg.offset + seg.bytes.length - last.offset);
      merged.set(last.bytes);
      merged.set(seg.bytes, seg.offset - last.offset);
      last.bytes = merged;
    } else {
      runs.push({ offset: seg.offset, bytes: seg.bytes });
    }
  }
  const pieces = runs.flatMap((r) =>
    Array.from({ length: Math.ceil(r.bytes.length / DATA_CHUNK) }, (_, i) => ({
      offset: r.offset + i * DATA_CHUNK,
      bytes: r.bytes.subarray(i * DATA_CHUNK, (i + 1) * DATA_CHUNK),
    })),
  );
  return pieces.map((r) =>
    exprStmt({
      k: "call",
      callee: { k: "dot", obj: id("HEAPU8"), name: "set" },
      args: [call("E.toUint8Array", call("atob", { k: "str", value: Buffer.from(r.bytes).toString("base64") })), { k: "num", value: r.offset }],
    }),
  );
}

/**
 * glue.js, whose last statement starts the firmware; a module with a start
 * function (Outpost builds have none) runs it first, inside that statement,
 * as a Wasm host runs it at instantiation.
 */
function glue(hasStart: boolean): Stmt[] {
  const statements = liftScript(readFileSync(GLUE_FILE, "utf8"), { file: "boards/espruino/glue.js" });
  const last = statements[statements.length - 1];
  if (last?.k !== "try") throw new Error("boards/espruino/glue.js must end with the try statement that starts the firmware");
  if (hasStart) statements[statements.length - 1] = { ...last, block: [exprStmt(call("outpost_start")), ...last.block] };
  return statements;
}

/** Firmware functions under the names the glue uses: ABI exports by their export name, the start function (if any) as outpost_start. */
function firmwareDecls(flat: FlatModule): Stmt[] {
  const rename = new Map<string, string>();
  const aliases: Stmt[] = [];
  for (const [name, fn] of Object.entries(flat.exports)) {
    if (!rename.has(fn)) rename.set(fn, name);
    else aliases.push({ k: "var", decls: [{ name, init: id(rename.get(fn)!) }] });
  }
  if (flat.start) rename.set(flat.start, "outpost_start");
  const to = (n: string): string => rename.get(n) ?? n;
  const decls = flat.decls.map((s) => {
    const renamed = mapStmt(s, (e) => (e.k === "id" && rename.has(e.name) ? id(to(e.name)) : e));
    return renamed.k === "func" ? { ...renamed, fn: { ...renamed.fn, name: to(renamed.fn.name!) } } : renamed;
  });
  decls.push({ k: "var", decls: [{ name: HIGH_BITS, init: { k: "num", value: 0 } }] });
  return [...decls, ...aliases];
}

/** Characters of literals per piece of the table: below the longest firmware functions, so the table never sets the parse peak. */
const LITERAL_PIECE = 1500;

/**
 * `G_lit(k)`, literal k of a deferred-text build's table as UTF-8 bytes (the
 * glue prints them), or `{#k}` without a table, as hosts print a reference
 * they cannot expand. Functions: the table stays in the code (in flash
 * when the code runs from Storage) and is built only to print a message.
 * Espruino copies each statement to RAM while it parses it, so a long
 * table is cut into pieces of about LITERAL_PIECE characters
 * (`G_lit0`, `G_lit1`, …), which G_lit picks by index range.
 */
export function literalTable(texts: string[] | undefined): Stmt[] {
  const fn = (name: string, body: Expr): Stmt => ({ k: "func", fn: { name, params: ["k"], body: [{ k: "return", arg: body }] } });
  if (!texts) return [fn("G_lit", { k: "bin", op: "+", left: { k: "bin", op: "+", left: { k: "str", value: "{#" }, right: id("k") }, right: { k: "str", value: "}" } })];
  const bytes = texts.map((t) => Buffer.from(t, "utf8").toString("latin1"));
  const pieces: { first: number; items: string[] }[] = [];
  let size = Infinity;
  // As printed: a byte outside printable ASCII is a four-character escape.
  const printed = (b: string): number => b.length + 3 + 3 * (b.match(/[^\x20-\x7e]/g)?.length ?? 0);
  bytes.forEach((b, i) => {
    if (size + printed(b) > LITERAL_PIECE) {
      pieces.push({ first: i, items: [] });
      size = 0;
    }
    pieces.at(-1)!.items.push(b);
    size += printed(b);
  });
  const table = (items: string[], index: Expr): Expr => ({ k: "index", obj: { k: "arr", items: items.map((value) => ({ k: "str", value })) }, index });
  if (pieces.length <= 1) return [fn("G_lit", table(pieces[0]?.items ?? [], id("k")))];
  // k < first of piece 1 ? G_lit0(k) : k < first of piece 2 ? G_lit1(k - first) : …
  let pick: Expr = { k: "call", callee: id(`G_lit${pieces.length - 1}`), args: [{ k: "bin", op: "-", left: id("k"), right: num(pieces.at(-1)!.first) }] };
  for (let i = pieces.length - 2; i >= 0; i--) {
    const call: Expr = { k: "call", callee: id(`G_lit${i}`), args: [i === 0 ? id("k") : { k: "bin", op: "-", left: id("k"), right: num(pieces[i]!.first) }] };
    pick = { k: "cond", test: { k: "bin", op: "<", left: id("k"), right: num(pieces[i + 1]!.first) }, then: call, else: pick };
  }
  return [...pieces.map((p, i) => fn(`G_lit${i}`, table(p.items, id("k")))), fn("G_lit", pick)];
}

/**
 * The board table glue.js expects: `G_pin(n)`, the Espruino pin of ABI pin n,
 * and `G_uart(p)`, an ABI port's [device, tx pin, rx pin, RX buffer, TX FIFO].
 * Functions rather than arrays: their tables are built only when called (at
 * configure time), so a board's pins cost no RAM while the firmware runs, and
 * nothing when the code runs from flash.
 */
function boardTable(board: Board, serial: Record<string, string>): Stmt[] {
  const pins: Expr[] = pinsByNumber(board).map((name) => (name === undefined ? id("undefined") : id(name)));
  const ports: Expr[] = [];
  for (const [name, u] of Object.entries(board.uarts)) {
    ports[u.port] = { k: "arr", items: [id(serial[name]!), num(resolvePin(board, u.tx)), num(resolvePin(board, u.rx)), num(u.rxFifo), num(u.txFifo)] };
  }
  for (let i = 0; i < ports.length; i++) ports[i] ??= id("undefined");
  const lookup = (name: string, items: Expr[]): Stmt => ({
    k: "func",
    fn: { name, params: ["n"], body: [{ k: "return", arg: { k: "index", obj: { k: "arr", items }, index: id("n") } }] },
  });
  return [lookup("G_pin", pins), lookup("G_uart", ports)];
}
