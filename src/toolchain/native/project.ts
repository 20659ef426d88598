/**
 * A native image as a self-contained C project: the translated firmware,
 * the host loop and the board's platform, its configuration, and a
 * Makefile, laid out so that `make` builds the same image `outpost build`
 * links (no Outpost needed), for users who build with their own SDK:
 *
 *   Makefile
 *   firmware/   firmware.c, firmware.h (wasm2c), wasm-rt.h (wabt's),
 *               outpost_build.h, board_tables.c, board_tables.h
 *   outpost/    outpost_abi.h, host/ (host loop, bench, wasm2c engine and runtime)
 *   platform/   the board's platform, startup and linker scripts
 *
 * `compileSteps` is the one description of how to compile it: the Makefile
 * is rendered from it and `outpost build` runs it.
 */
import { copyFileSync, existsSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Board } from "../../contract/boards.ts";
import { OutpostError } from "../../contract/errors.ts";
import { type ImageConfig, buildHeader, hostDefines, tablesHeader, tablesSource } from "./tables.ts";
import type { TranslatedFirmware } from "./wasm2c.ts";
import { makeDirs } from "../make-dirs.ts";

const boardsDir = fileURLToPath(new URL("../../../boards/", import.meta.url));
/** The host's files in every image; bench.c (the emulated bench and its test channel) only where `hasBench`. */
const HOST_HEADERS = ["host.h", "format.h", "bench.h", "engine.h", "wasm2c_runtime.h", "platform.h"];
const HOST_SOURCES = ["host.c", "report.c", "format.c", "engine_wasm2c.c", "wasm2c_runtime.c"];
/** Where wabt installs the runtime header wasm2c's output includes. */
const WASM_RT_HEADERS = ["/usr/include/wasm-rt.h", "/usr/local/include/wasm-rt.h"];

/** What a native project runs on: the board's own platform (board.json `native`), or a PC with the board's names and sizes. */
export interface Target {
  platform: "board" | "posix";
  board: Board;
  /** Optimise (default). Tests that build many PC hosts turn it off: they compile several times faster. */
  optimise?: boolean;
  /**
   * The PC compiler (posix only): gcc (default), or tcc, which the tests that link dozens of PC hosts use
   * where it is installed: it compiles an image in a tenth of gcc -O0's time.
   */
  cc?: "gcc" | "tcc";
  /**
   * A board image with the test channel (a test image: `outpost build --test-channel`, and the
   * tests): pins and UARTs through the bench, inputs and expectations from `outpost run`. Without
   * it (a user image), the platform drives the board's peripherals directly. A PC host always has it.
   */
  testChannel?: boolean;
}

/** True when the image links bench.c: every PC host, and board images with the test channel. */
export function hasBench(target: Target): boolean {
  return target.platform === "posix" || target.testChannel === true;
}

interface PlatformFiles {
  dir: string;
  files: string[];
  sources: string[];
  /** Compiler, flags for every file, flags for linking. */
  cc: string;
  cflags: string[];
  ldflags: string[];
}

function platformFiles(target: Target): PlatformFiles {
  if (target.platform === "posix") {
    // tcc lacks GCC's bit-counting builtins, which wasm2c's output calls: tcc_builtins.c stands in for them.
    const files = target.cc === "tcc" ? ["platform_posix.c", "tcc_builtins.c"] : ["platform_posix.c"];
    return {
      dir: join(boardsDir, "wasm/host"), files, sources: files.map((f) => `platform/${f}`),
      cc: target.cc ?? "gcc", cflags: [], ldflags: ["-lm"],
    };
  }
  const native = target.board.native!;
  const io = target.testChannel ? "io_bench.c" : "io_direct.c";
  return {
    dir: join(boardsDir, "native", native.platform),
    files: ["platform_mps2.c", "mps2.h", io, "startup.c", "mps2.ld"],
    sources: ["platform/platform_mps2.c", `platform/${io}`, "platform/startup.c"],
    cc: "arm-none-eabi-gcc",
    cflags: [
      // -flto: the host, platform and firmware optimised as one program (uart-echo: 1.3 KB less flash).
      `-mcpu=${native.cpu}`, "-mthumb", "-flto", "-ffunction-sections", "-fdata-sections", "--specs=picolibc.specs",
    ],
    ldflags: ["-nostartfiles", "-Wl,--gc-sections", "-Lplatform", "-Tplatform/mps2.ld", "-lm"],
  };
}

/** memory.ld: the board's regions (flash and RAM budgets) and the C stack. */
function memoryScript(board: Board, stack: number): string {
  return [
    `/* memory.ld — board "${board.name}" (board.json), written by outpost build. Do not edit. */`,
    "MEMORY",
    "{",
    `    FLASH (rx)  : ORIGIN = 0x00000000, LENGTH = ${board.flash}`,
    `    RAM   (rwx) : ORIGIN = 0x20000000, LENGTH = ${board.ram}`,
    `    BENCH (rw)  : ORIGIN = 0x20100000, LENGTH = 64K`,
    "}",
    `__stack_size = ${stack};`,
    "",
  ].join("\n");
}

function hostSources(target: Target): string[] {
  return hasBench(target) ? [...HOST_SOURCES, "bench.c"] : HOST_SOURCES;
}

export interface CompileStep {
  cc: string;
  args: string[];
}

/** How to compile the project in `dir` into `output`: the translated firmware (its warnings are wasm2c's), then the rest. */
export function compileSteps(target: Target, config: ImageConfig, output: string): CompileStep[] {
  const p = platformFiles(target);
  const defines = [...hostDefines(config), "NDEBUG", "WASM_RT_MEMCHECK_SIGNAL_HANDLER=0"].map((d) => `-D${d}`);
  const includes = ["-Ifirmware", "-Ioutpost/host", "-Iplatform"];
  const common = ["-std=gnu99", ...p.cflags, ...defines, ...includes];
  const firmwareObject = "firmware/firmware.o";
  const optimise = target.optimise ?? true;
  return [
    // For size: wasm2c.ts marks the memory accessors always_inline, so -Os costs the firmware no speed.
    { cc: p.cc, args: [...common, optimise ? "-Os" : "-O0", "-w", "-c", "firmware/firmware.c", "-o", firmwareObject] },
    {
      cc: p.cc,
      args: [
        ...common, optimise ? "-Os" : "-O0", "-Wall", "-Wextra", ...hostSources(target).map((f) => `outpost/host/${f}`), ...p.sources,
        "firmware/board_tables.c", firmwareObject, ...p.ldflags, "-o", output,
      ],
    },
  ];
}

function makefile(steps: CompileStep[], output: string): string {
  const [firmware, image] = steps;
  return [
    "# Builds the native image of an Outpost firmware; written by outpost build --emit-c.",
    "# Needs only the compiler named in CC (and, for Arm boards, picolibc).",
    `CC = ${image!.cc}`,
    "",
    `${output}: firmware/firmware.o $(wildcard outpost/host/*.c outpost/host/*.h platform/* firmware/*.h firmware/*.c)`,
    `\t$(CC) ${image!.args.join(" ")}`,
    "",
    "firmware/firmware.o: firmware/firmware.c firmware/firmware.h firmware/outpost_build.h",
    `\t$(CC) ${firmware!.args.join(" ")}`,
    "",
    "clean:",
    `\trm -f ${output} firmware/firmware.o`,
    "",
    ".PHONY: clean",
    "",
  ].join("\n");
}

/** Writes the project into `dir`; returns its compile steps (run in `dir`) and the image's file name there. */
export function writeProject(dir: string, target: Target, config: ImageConfig, firmware: TranslatedFirmware, output: string): CompileStep[] {
  const wasmRt = WASM_RT_HEADERS.find((f) => existsSync(f));
  if (wasmRt === undefined) {
    throw new OutpostError("TOOL_MISSING", "a native build needs wasm-rt.h, which wabt installs: apt-get install wabt");
  }
  const put = (file: string, text: string): void => {
    makeDirs(dirname(join(dir, file)));
    writeFileSync(join(dir, file), text);
  };
  const copy = (from: string, to: string): void => {
    makeDirs(dirname(join(dir, to)));
    copyFileSync(from, join(dir, to));
  };
  put("firmware/firmware.c", firmware.c);
  put("firmware/firmware.h", firmware.h);
  copy(wasmRt, "firmware/wasm-rt.h");
  put("firmware/outpost_build.h", buildHeader(config));
  put("firmware/board_tables.h", tablesHeader());
  put("firmware/board_tables.c", tablesSource(config));
  copy(join(boardsDir, "wasm/outpost_abi.h"), "outpost/outpost_abi.h");
  for (const file of [...HOST_HEADERS, ...hostSources(target)]) copy(join(boardsDir, "wasm/host", file), `outpost/host/${file}`);
  const p = platformFiles(target);
  for (const file of p.files) copy(join(p.dir, file), `platform/${file}`);
  if (target.platform === "board") put("platform/memory.ld", memoryScript(target.board, config.stackBytes));
  const steps = compileSteps(target, config, output);
  put("Makefile", makefile(steps, output));
  return steps;
}
