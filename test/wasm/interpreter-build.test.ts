/**
 * Builds for interpreter boards (family "wasm": wasm3-esp32, wasm3-nrf52840,
 * wamr-esp32c3): MVP-only Wasm that wabt validates with every proposal off,
 * memory that cannot grow past the board's RAM, sizes measured by running
 * init, and the refusals a user sees when a firmware does not fit.
 */
import { expandText } from "../../src/contract/deferred-text.ts";
import { grouped } from "../../src/contract/grouped.ts";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { type Board, boardNames, loadBoard } from "../../src/contract/boards.ts";
import { compileFirmware } from "../../src/toolchain/compile.ts";
import { OutpostError } from "../../src/contract/errors.ts";
import { analyseFirmware, checkBudget, formatSizeReport } from "../../src/toolchain/wasm/size.ts";
import { assertMvp, mvpProblem } from "../../src/toolchain/wasm/validate.ts";
import { type WasmMemory, wasm as WebAssembly } from "../../src/contract/wasm-api.ts";
import { buildTest, buildTestFirmware } from "../helpers/firmware.ts";

const INTERPRETER_BOARDS = ["wasm3-esp32", "wasm3-nrf52840", "wamr-esp32c3"];
const ABI_EXPORTS = [
  "memory", "outpost_abi_version", "outpost_init", "outpost_poll", "outpost_event", "outpost_task_count",
  "outpost_task_name", "outpost_task_state", "outpost_task_polls", "outpost_task_size", "outpost_task_site", "outpost_task_chain", "outpost_current_task", "outpost_scratch",
  "outpost_heap_top",
];

async function outpostError(run: () => Promise<unknown>): Promise<OutpostError> {
  try {
    await run();
  } catch (e) {
    assert.instance(e, OutpostError);
    return e as OutpostError;
  }
  throw new Error("expected an OutpostError");
}

test("the interpreter boards exist, are family wasm and ask for MVP, size-optimised builds", () => {
  for (const name of INTERPRETER_BOARDS) {
    assert.ok(boardNames().includes(name), name);
    const board = loadBoard(name);
    assert.is(board.family, "wasm");
    assert.equal({ mvp: board.build?.mvp, small: board.build?.small }, { mvp: true, small: true });
    assert.ok((board.build?.stack ?? 0) > 0 && board.ram > board.build!.stack!, `${name}: stack inside ram`);
    for (const alias of ["LED1", "BTN1"]) assert.ok(board.aliases[alias]! in board.pins, `${name}: ${alias}`);
    assert.is(Object.values(board.uarts).filter((u) => u.console).length, 1, `${name}: one console UART`);
  }
});

for (const name of INTERPRETER_BOARDS) {
  for (const example of ["blinky", "uart-echo"]) {
    test(`${example} builds for ${name} as MVP-only Wasm that wabt accepts with every proposal off`, async () => {
      const board = loadBoard(name);
      const output = `build/${example}.wasm`;
      const result = await compileFirmware({ entry: `examples/${example}/main.ts`, board, output });
      assert.is(await mvpProblem(result.wasm), null);
      const module = await WebAssembly.compile(new Uint8Array(result.wasm));
      assert.equal(WebAssembly.Module.exports(module).map((e) => e.name).sort(), [...ABI_EXPORTS].sort());
      const size = result.size!;
      assert.ok(size, "interpreter builds carry a size report");
      assert.equal(size.memory, { initialPages: 1, maximumPages: 1 });
      assert.is(size.fileBytes, result.wasm.length);
      assert.is(size.sections.reduce((n, s) => n + s.bytes, 0), result.wasm.length - 8);
      assert.ok(size.staticEnd <= size.heapTopAfterStart && size.heapTopAfterStart <= size.heapTop);
      assert.is(size.ramBytes, size.heapTop + board.build!.stack!);
      assert.ok(size.fileBytes <= board.flash && size.ramBytes <= board.ram);
    });
  }
}

test("the runtime core (executor, time, sync) builds for the tightest board and reports each task", async () => {
  const board = loadBoard("wasm3-nrf52840");
  const { wasm, size } = await compileFirmware({ entry: "test/firmware/wasm-core.ts", board, output: "build/core.wasm" });
  assert.is(await mvpProblem(wasm), null);
  assert.equal(size!.tasks.map((t) => t.name), ["producer", "consumer", "watcher"]);
  assert.is(size!.heapTop, size!.heapTopAfterStart, "main() only spawns: it allocates nothing");
});

test("the sim board's default build is not MVP: the validator names the problem and the fix", async () => {
  const sim = await compileFirmware({ entry: "examples/blinky/main.ts", board: loadBoard("sim") });
  assert.is(sim.size, undefined);
  const problem = await mvpProblem(sim.wasm);
  assert.ok(problem !== null && problem.length > 0);
  const e = await outpostError(() => assertMvp(sim.wasm, "build/blinky.wasm", "wasm3-esp32"));
  assert.is(e.code, "BUILD_FAILED");
  assert.is(
    e.message,
    `build/blinky.wasm is not MVP-only WebAssembly, which board "wasm3-esp32" requires (${problem}): ` +
      "build it with outpost build --board wasm3-esp32, which compiles with every post-MVP feature disabled",
  );
});

test("a build over the flash budget is refused with both numbers", async () => {
  const fits = await buildTestFirmware("examples/blinky/main.ts", "wasm3-esp32");
  const tiny: Board = { ...loadBoard("wasm3-esp32"), name: "tiny-flash", flash: 1024 };
  const e = await outpostError(() => compileFirmware({ entry: "examples/blinky/main.ts", board: tiny, output: "build/blinky.wasm" }));
  assert.is(e.code, "OVER_BUDGET");
  assert.is(
    e.message,
    // The same firmware, but its build record names "tiny-flash", one byte shorter than "wasm3-esp32".
    `build/blinky.wasm needs ${grouped(fits.length - 1)} bytes of flash but board "tiny-flash" allows 1,024: ` +
      "shrink the firmware (outpost size build/blinky.wasm shows which sections take the room; long strings and many task types cost most) or choose a board with more flash",
  );
});

test("a build over the RAM budget is refused with both numbers and what makes up the need", async () => {
  const board: Board = { ...loadBoard("wasm3-nrf52840"), name: "tiny-ram", ram: 4500 };
  const e = await outpostError(() => compileFirmware({ entry: "examples/blinky/main.ts", board, output: "build/blinky.wasm" }));
  assert.is(e.code, "OVER_BUDGET");
  const m = /^build\/blinky\.wasm needs ([\d,]+) bytes of RAM but board "tiny-ram" allows 4,500 \(static data and heap after init ([\d,]+), interpreter stack 4,096\): use smaller task pools and buffers \(outpost size build\/blinky\.wasm shows each task's share\) or choose a board with more RAM$/.exec(
    e.message,
  );
  assert.ok(m, e.message);
  assert.is(Number(m![1]!.replace(/,/g, "")), Number(m![2]!.replace(/,/g, "")) + 4096);
});

test("static data larger than a page is refused as over budget, not as a compiler error", async () => {
  const e = await outpostError(() =>
    compileFirmware({ entry: "test/firmware/wasm-big-static.ts", board: loadBoard("wasm3-esp32"), output: "build/big.wasm" }),
  );
  assert.is(e.code, "OVER_BUDGET");
  assert.is(
    e.message,
    'build/big.wasm needs more than 65,536 bytes of RAM for its static data alone but board "wasm3-esp32" allows 49,152: shrink static buffers and strings or choose a board with more RAM',
  );
});

test("a panic while measuring init fails the build with the firmware's own message", async () => {
  const e = await outpostError(() =>
    compileFirmware({ entry: "test/firmware/wasm-init-panic.ts", board: loadBoard("wasm3-esp32"), output: "build/once.wasm" }),
  );
  assert.is(e.code, "FIRMWARE_PANIC");
  assert.is(
    e.message,
    'build/once.wasm panicked during init (POOL_FULL): cannot spawn task "once": its pool (size 1) is full; raise the pool size where it is declared (task(size, …) or new TaskPool(name, size)) or use trySpawn() to handle it',
  );
});

test("a task with no state of its own costs the task header: at most 32 bytes", async () => {
  const { wasm, text: table } = await buildTest("test/firmware/wasm-empty-task.ts", "wasm3-esp32");
  const logs: string[] = [];
  let memory: WasmMemory | null = null;
  // A deferred-text board: the host spells out the label and formats the number.
  const text = (ptr: number, len: number) => expandText(new Uint8Array(memory!.buffer, ptr, len), table);
  const outpost: Record<string, (...a: number[]) => unknown> = {
    now_us: () => 0n,
    log: (_level, ptr, len) => void logs.push(text(ptr!, len!)),
  };
  const module = await WebAssembly.compile(new Uint8Array(wasm));
  for (const i of WebAssembly.Module.imports(module)) outpost[i.name] ??= () => 0;
  const instance = await WebAssembly.instantiate(module, { outpost });
  memory = instance.exports.memory as WasmMemory;
  (instance.exports.outpost_init as () => void)();
  const m = /^task bytes (\d+)$/.exec(logs[0] ?? "");
  assert.ok(m, `logged ${JSON.stringify(logs)}`);
  assert.ok(Number(m![1]) <= 32, `the header takes ${m![1]} bytes`);
});

test("the size report adds up and formats as a table against the board's budget", async () => {
  const board = loadBoard("wasm3-esp32");
  const wasm = await buildTestFirmware("examples/blinky/main.ts", "wasm3-esp32");
  const report = await analyseFirmware(wasm, "build/blinky.wasm", { stack: 4096 });
  checkBudget(report, board, "build/blinky.wasm"); // fits: no throw
  const table = formatSizeReport(report, "build/blinky.wasm", board);
  const lines = table.split("\n");
  assert.is(lines[0], 'build/blinky.wasm for board "wasm3-esp32"');
  assert.match(table, new RegExp(`\\n  flash +${grouped(wasm.length)} of 65,536 \\(\\d+\\.\\d%\\)\\n`));
  assert.match(table, new RegExp(`\\n  ram +${grouped(report.heapTop + 4096)} of 49,152 \\(\\d+\\.\\d%\\)\\n`));
  assert.match(table, /\n {4}interpreter stack +4,096\n/);
  assert.match(table, /\n {2}memory pages +1, maximum 1\n/);
  assert.match(table, /\n +0  blink +\S/);
  assert.ok(table.endsWith("\n"));
});

test("a file that is not WebAssembly, or not Outpost firmware, is named in the refusal", async () => {
  const e1 = await outpostError(() => analyseFirmware(new TextEncoder().encode("hello"), "notes.txt"));
  assert.is(e1.code, "NOT_WASM");
  assert.is(e1.message, "notes.txt is not a WebAssembly module (no \\0asm version 1 header): pass the .wasm that outpost build wrote");
  const empty = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
  const e2 = await outpostError(() => analyseFirmware(empty, "empty.wasm"));
  assert.is(e2.code, "NOT_OUTPOST_FIRMWARE");
  assert.is(e2.message, "empty.wasm does not export memory: it is not Outpost firmware (build it with outpost build)");
});

test.run();
