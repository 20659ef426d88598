/**
 * The wasm2c step: a release .wasm becomes firmware.c and firmware.h
 * (wabt 1.0.32's `wasm2c -n firmware`), then two rewrites of the C make it
 * fit a microcontroller (boards/wasm/host/wasm2c_runtime.h says why), and
 * two more tell GCC what it cannot see for itself:
 *
 *   bounds checks   wasm2c checks every access as `(u64)addr + offset + size
 *                   > mem->size` in 64-bit arithmetic, which GCC never
 *                   narrows on a 32-bit chip. The memory backing is fixed at
 *                   build time (OUTPOST_MEMORY_BYTES), so each access becomes
 *                   `load(mem, addr, offset)` checked as `offset > M - size ||
 *                   addr > M - size - offset` on u32: the same accesses trap,
 *                   and with a constant offset half the test folds away.
 *   call depth      wasm2c counts calls (a global, incremented and decremented
 *                   by every function); instead each prologue compares the
 *                   stack pointer with the engine's budget: a trap, not a
 *                   crash, when recursion runs the C stack out.
 *   small leaves    a function that calls nothing and is short (a wake, a
 *                   field update) is inlined into every caller (in an
 *                   optimised build: OUTPOST_INLINE) and loses
 *                   its guard: its locals live in the caller's frame, which
 *                   the caller's guard already checked (called through the
 *                   table, its out-of-line copy's small frame fits in the
 *                   reserve below the guard: engine_config.stack_floor).
 *                   GCC at -Os keeps such functions out of line; on the
 *                   executor's hot path a call costs more than the body.
 *   exports         the functions behind the exports are never inlined into
 *                   engine_wasm2c.c's engine_call: it calls setjmp, and code
 *                   inlined there is compiled as if any register could be
 *                   lost (the executor's loop then kept its state on the
 *                   stack).
 *   the executor    `outpost_poll`'s function (the executor's loop, with the
 *                   task polls asc inlined into it) is compiled at -O2
 *                   where GCC compiles the rest of the image at -Os (only
 *                   there: OUTPOST_FOR_SPEED): at -Os GCC re-tests the loop's
 *                   condition at the top, spills the poll budget and
 *                   rebuilds constants on every poll (12 of a ping-pong
 *                   round trip's 272 instructions, bench/native_pingpong),
 *                   for a few bytes of flash.
 *
 * Each rewrite checks that it found what it expects and fails the build
 * otherwise (another wabt version): a build never runs unchecked.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OutpostError } from "../../contract/errors.ts";
import { requireTool, runTool } from "./tools.ts";

export interface TranslatedFirmware {
  c: string;
  h: string;
  /** Funcref table elements the module allocates (0 for most firmware). */
  tableElements: number;
  /** Function signatures it registers (wasm2c's func_types[]). */
  funcTypes: number;
  /** Whether it imports any UART function: an image without needs no UART buffers. */
  usesUart: boolean;
  /** Whether it imports anything at all (wasm2c's instantiate then takes the import instance). */
  hasImports: boolean;
}

/** Runs wasm2c on `wasm`; `name` names the firmware in errors. */
export function translate(wasm: Uint8Array, name: string): TranslatedFirmware {
  requireTool("wasm2c", "a native build");
  const dir = mkdtempSync(join(tmpdir(), "outpost-wasm2c-"));
  try {
    writeFileSync(join(dir, "firmware.wasm"), wasm);
    runTool("wasm2c", ["firmware.wasm", "-n", "firmware", "-o", "firmware.c"], `translating ${name} to C`, dir);
    const c = readFileSync(join(dir, "firmware.c"), "utf8");
    const h = readFileSync(join(dir, "firmware.h"), "utf8");
    return {
      c: rewriteForChip(c, name),
      h,
      tableElements: tableElements(c),
      funcTypes: Number(/static u32 func_types\[(\d+)\];/.exec(c)?.[1] ?? 0),
      usesUart: h.includes("Z_outpostZ_uart_"),
      hasImports: h.includes("struct Z_outpost_instance_t*"),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const LOAD_STORE = /\b((?:i32|i64|f32|f64)_(?:load|store)(?:8_s|8_u|16_s|16_u|32_s|32_u|8|16|32)?)\(&instance->w2c_memory, \(u64\)\((w2c_[a-z0-9]+)\)(?: \+ (\d+)u?)?/g;
const ANY_ACCESS = /\b(?:i32|i64|f32|f64)_(?:load|store)(?:8_s|8_u|16_s|16_u|32_s|32_u|8|16|32)?\(&instance->w2c_memory, /g;

const LITTLE_ENDIAN_ACCESSORS = `#define DEFINE_LOAD(name, t1, t2, t3)                      \\
  static inline t3 name(wasm_rt_memory_t* mem, u64 addr) { \\
    MEMCHECK(mem, addr, t1);                               \\
    t1 result;                                             \\
    wasm_rt_memcpy(&result, &mem->data[addr], sizeof(t1)); \\
    wasm_asm("" ::"r"(result));                            \\
    return (t3)(t2)result;                                 \\
  }

#define DEFINE_STORE(name, t1, t2)                                     \\
  static inline void name(wasm_rt_memory_t* mem, u64 addr, t2 value) { \\
    MEMCHECK(mem, addr, t1);                                           \\
    t1 wrapped = (t1)value;                                            \\
    wasm_rt_memcpy(&mem->data[addr], &wrapped, sizeof(t1));            \\
  }`;

const CHIP_ACCESSORS = `/* Outpost: bounds checks on u32 against the fixed backing (src/toolchain/native/wasm2c.ts). */
#define OUTPOST_OOB(off, addr, t1) \\
  (UNLIKELY((off) > OUTPOST_MEMORY_BYTES - sizeof(t1) || (addr) > OUTPOST_MEMORY_BYTES - sizeof(t1) - (off)))
#define DEFINE_LOAD(name, t1, t2, t3)                                         \\
  static inline OUTPOST_INLINE t3 name(wasm_rt_memory_t* mem, u32 addr, u32 off) { \\
    t1 result;                                                               \\
    (void)mem;                                                               \\
    if (OUTPOST_OOB(off, addr, t1)) TRAP(OOB);                               \\
    wasm_rt_memcpy(&result, &wasm2c_memory[addr + off], sizeof(t1));         \\
    return (t3)(t2)result;                                                   \\
  }

#define DEFINE_STORE(name, t1, t2)                                            \\
  static inline OUTPOST_INLINE void name(wasm_rt_memory_t* mem, u32 addr, u32 off, t2 value) { \\
    t1 wrapped = (t1)value;                                                  \\
    (void)mem;                                                               \\
    if (OUTPOST_OOB(off, addr, t1)) TRAP(OOB);                               \\
    wasm_rt_memcpy(&wasm2c_memory[addr + off], &wrapped, sizeof(t1));        \\
  }`;

const DEPTH_PROLOGUE = `#if WASM_RT_USE_STACK_DEPTH_COUNT
#define FUNC_PROLOGUE                                            \\
  if (++wasm_rt_call_stack_depth > WASM_RT_MAX_CALL_STACK_DEPTH) \\
    TRAP(EXHAUSTION);

#define FUNC_EPILOGUE --wasm_rt_call_stack_depth
#else
#define FUNC_PROLOGUE

#define FUNC_EPILOGUE
#endif`;

const GUARD_PROLOGUE = `/* Outpost: the C stack's budget instead of a call counter (wasm2c_runtime.h). */
#define FUNC_PROLOGUE \\
  if (UNLIKELY(wasm2c_stack_pointer() < wasm2c_stack_guard)) TRAP(EXHAUSTION);
#define FUNC_EPILOGUE`;

/**
 * -O2 for the executor where the file is compiled for size by GCC (-Os); nothing at -O0 or for other compilers.
 * The accessors and small leaves are inlined when optimising only: an unoptimised build (the PC hosts the tests
 * link) compiles in 40 % less time without, and a leaf's small out-of-line frame fits the reserve below the guard.
 */
const FOR_SPEED = `/* Outpost: the executor's loop for speed in an image built for size (src/toolchain/native/wasm2c.ts). */
#if defined(__GNUC__) && !defined(__clang__) && defined(__OPTIMIZE_SIZE__)
#define OUTPOST_FOR_SPEED __attribute__((optimize("O2")))
#else
#define OUTPOST_FOR_SPEED
#endif
#ifdef __OPTIMIZE__
#define OUTPOST_INLINE __attribute__((always_inline))
#else
#define OUTPOST_INLINE
#endif`;

/** The longest leaf function (lines of wasm2c's C, about two per Wasm instruction) that is inlined into its callers. */
const SMALL_LEAF_LINES = 40;

/** A function definition in wasm2c 1.0.32's output: header, body, closing brace at column 0. */
const DEFINITION = /^static (?:u32|u64|f32|f64|void) (w2c_\w+)\(Z_firmware_instance_t\* instance[^\n]*\) \{\n([\s\S]*?)^\}$/gm;
/** A call in a body: another function, an import (through its pointer), or an indirect call. */
const CALL = /\bw2c_\w+\(instance\b|\(\*Z_\w+\)\(|CALL_INDIRECT/;
/** The function an export's wrapper calls. */
const EXPORT_TARGET = /^\/\* export: '([^']*)' \*\/\n[^\n]*\{\n\s*(?:return )?(w2c_\w+)\(instance/gm;
/** The export whose function is compiled for speed (see the file comment). */
const EXECUTOR_EXPORT = "outpost_poll";

/** Inlines small leaf functions (without their guard), keeps export targets out of engine_call and compiles the executor for speed; see the file comment. */
function markInlining(c: string, fail: (what: string) => never): string {
  const exported = new Map([...c.matchAll(EXPORT_TARGET)].map((m) => [m[2]!, m[1]!]));
  if (![...exported.values()].includes(EXECUTOR_EXPORT)) fail(`no ${EXECUTOR_EXPORT} export`);
  return c.replace(DEFINITION, (whole, name: string, body: string) => {
    const exportName = exported.get(name);
    if (exportName === EXECUTOR_EXPORT) return `__attribute__((noinline)) OUTPOST_FOR_SPEED ${whole}`;
    if (exportName !== undefined) return `__attribute__((noinline)) ${whole}`;
    if (CALL.test(body) || body.split("\n").length > SMALL_LEAF_LINES) return whole;
    const unguarded = body.replace(/^ {2}FUNC_PROLOGUE;\n/m, "");
    if (unguarded.length === body.length) fail(`no prologue in ${name}`);
    return whole.replace(body, () => unguarded).replace(/^static /, "static inline OUTPOST_INLINE ");
  });
}

/** The rewrites above; exported for tests, which feed it wasm2c's own text. */
export function rewriteForChip(c: string, name: string): string {
  const fail = (what: string): never => {
    throw new OutpostError(
      "BUILD_FAILED",
      `translating ${name} to C: wasm2c's output does not look like wabt 1.0.32's (${what}): install wabt 1.0.32 (Debian bookworm's)`,
    );
  };
  if (!c.includes(LITTLE_ENDIAN_ACCESSORS)) fail("memory accessors");
  if (!c.includes(DEPTH_PROLOGUE)) fail("function prologue");
  const accesses = c.match(ANY_ACCESS)?.length ?? 0;
  let rewritten = 0;
  let out = c.replace(LOAD_STORE, (_m, fn: string, addr: string, offset?: string) => {
    rewritten++;
    return `${fn}(&instance->w2c_memory, ${addr}, ${offset ?? "0"}u`;
  });
  if (rewritten !== accesses) fail(`${accesses - rewritten} memory accesses of another form`);
  out = markInlining(out.replace(LITTLE_ENDIAN_ACCESSORS, CHIP_ACCESSORS).replace(DEPTH_PROLOGUE, GUARD_PROLOGUE), fail);
  // The runtime declares the memory, the guard and the backing's size.
  return out.replace(/^(#include "firmware\.h")$/m, `$1\n#include "outpost_build.h"\n#include "wasm2c_runtime.h"\n${FOR_SPEED}`);
}

/** The largest funcref table wasm2c allocates, from its `wasm_rt_allocate_funcref_table(…, n, max)` calls. */
function tableElements(c: string): number {
  let total = 0;
  for (const m of c.matchAll(/wasm_rt_allocate_funcref_table\([^,]+, (\d+), (\d+)\)/g)) total += Number(m[1]);
  return total;
}
