/**
 * Size budgets for interpreter boards, as regression guards: what blinky,
 * uart-echo, the runtime core (test/firmware/wasm-core.ts: executor, time,
 * sync) and a firmware with one empty task cost in the wasm3-esp32 build
 * (MVP, -O3z, message literals deferred to the host), flash and RAM, each
 * with a small margin over what they measure today, for the default build
 * and for a release build (--release: no introspection exports). A change
 * that makes one of them bigger fails here with both numbers; raise a
 * budget only for a feature worth its bytes.
 *
 * Two of them are the project's own targets, not margins: a released blinky
 * fits in 2 KB plus the 16 bytes of its outpost_current_task export (2,064:
 * release builds keep it so that a trap names its task on every host) and
 * the core in 6 KB (well under: its budget here is tighter). boards/wasm/README.md, "What the bytes are", shows
 * where the bytes go.
 *
 * The budgets are the firmware's: every build also carries its build record
 * (board, Outpost version, ABI; src/contract/build-info.ts), about 30 bytes
 * that are checked on their own, so the record's size cannot hide a
 * firmware that grew, nor the reverse.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadBoard } from "../../src/contract/boards.ts";
import { analyseFirmware, buildRecordBytes, type SizeReport } from "../../src/toolchain/wasm/size.ts";
import { buildTestFirmware } from "../helpers/firmware.ts";

const BOARD = "wasm3-esp32";

/** Bytes of flash (the .wasm: default build, release build; a default build carries the
 * introspection exports, of which the await chain, outpost_task_chain, costs about 200 B
 * of flash and 64 B of RAM) and of RAM before the interpreter stack (static data and heap after init).
 * Waking tasks due together in arming order (timer_queue.ts) costs about 70 bytes of code in a release build. */
const BUDGETS: Record<string, { flash: number; release: number; ram: number }> = {
  "examples/blinky/main.ts": { flash: 2_710, release: 2_115, ram: 1_050 },
  "examples/uart-echo/main.ts": { flash: 5_385, release: 4_780, ram: 1_900 },
  "test/firmware/wasm-core.ts": { flash: 5_000, release: 4_650, ram: 2_600 },
  "test/firmware/wasm-empty-task.ts": { flash: 1_860, release: 1_400, ram: 950 },
};

/** The build record's bytes: the section, with the board's name and the version in it. */
const RECORD_BUDGET = 32;

/** The size report, with `fileBytes` counting the firmware without its build record. */
async function measure(entry: string, release = false): Promise<SizeReport> {
  const wasm = await buildTestFirmware(entry, BOARD, { release });
  const size = await analyseFirmware(wasm, entry, { stack: loadBoard(BOARD).build?.stack });
  const record = buildRecordBytes(size);
  assert.ok(record > 0 && record <= RECORD_BUDGET, `${entry}: a build record of ${record} bytes, budget ${RECORD_BUDGET}`);
  return { ...size, fileBytes: size.fileBytes - record };
}

for (const [entry, budget] of Object.entries(BUDGETS)) {
  test(`${entry} stays within ${budget.flash} bytes of flash (${budget.release} released) and ${budget.ram} of RAM on ${BOARD}`, async () => {
    const size = await measure(entry);
    assert.ok(size.fileBytes <= budget.flash, `${entry}: ${size.fileBytes} bytes of flash, budget ${budget.flash}`);
    assert.ok(size.heapTop <= budget.ram, `${entry}: ${size.heapTop} bytes of RAM, budget ${budget.ram}`);
    const release = await measure(entry, true);
    assert.ok(release.fileBytes <= budget.release, `${entry}: ${release.fileBytes} bytes of flash released, budget ${budget.release}`);
    // The same RAM, less the await-chain buffer (64 B) a release build leaves out with its export.
    assert.ok(size.heapTop - release.heapTop <= 64 && release.heapTop <= size.heapTop, `${entry}: ${release.heapTop} bytes of RAM released, ${size.heapTop} by default`);
  });
}

test("static data starts at address 8, not at asc's default 1024", async () => {
  const size = await measure("test/firmware/wasm-empty-task.ts");
  // The 512-byte scratch buffer comes first: from 1024 on, static data would end past 1536.
  assert.ok(size.staticEnd < 1024 + 512, `static data ends at ${size.staticEnd}`);
});

test("the task header is at most 32 bytes: an empty task's object, and blinky's task its header plus its own state", async () => {
  const empty = await measure("test/firmware/wasm-empty-task.ts");
  const header = empty.tasks[0]!.bytes!;
  assert.ok(header <= 32, `an empty task takes ${header} bytes`);
  const blinky = await measure("examples/blinky/main.ts");
  // blink's own state: the state machine's state, the LED it was given, the ticker it awaits
  assert.ok(blinky.tasks[0]!.bytes! <= header + 3 * 4 + 3, `blink takes ${blinky.tasks[0]!.bytes} bytes`);
});

test.run();
