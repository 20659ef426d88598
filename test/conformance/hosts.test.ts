/**
 * Same behaviour on every host (issue: one firmware, many hosts): each case
 * runs one firmware with one set of inputs on every host that can run it,
 * and the normalised transcripts (hosts.ts: exit status, console bytes,
 * every stderr line with its µs) must be identical. The only differences
 * allowed are named in hosts.ts's DIFFERENCES.
 *
 *   mps2-an385 (release builds)   sim, c-host, qemu       every example, native-faults and native-deep
 *                                                         (a panic, traps, overruns at line rate, stack exhaustion)
 *   espruino-pico                 sim, espruino           every example that builds for it
 *   banglejs2 (a Unicode build)   sim, espruino           the same, with bytes ≥ 0x80 on UART0
 *   sim (default builds)          sim, c-host             every test firmware, 2 s, no input
 *   await chains                  sim, espruino, c-host   a panic's chain, a deadlock's and --inspect's,
 *                                                         with every site named (outpost decode for ids)
 *   any of them, with OUTPOST_WASM3_SRC=<wasm3 source tree>: wasm3 as well
 *
 * Hosts whose tools are missing are skipped by name (wasm2c, gcc,
 * arm-none-eabi-gcc, qemu-system-arm: .ci/run installs them).
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { loadBoard } from "../../src/contract/boards.ts";
import { compileEspruino } from "../../src/toolchain/espruino/bundle.ts";
import { cachedEspruino } from "../../src/toolchain/cache/build.ts";
import { decodeChainSites } from "../../sim/sites.ts";
import { buildTest, buildTestFirmware } from "../helpers/firmware.ts";
import { chainText, siteAt } from "../helpers/source-sites.ts";
import { buildTestImage, missingNativeTools } from "../helpers/native.ts";
import { DIFFERENCES, type Transcript, normalise, onCHost, onQemu, onSim } from "./hosts.ts";
import { wasm3Host } from "./wasm3.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const test = suite("conformance: one transcript on every host");
const work = mkdtempSync(join(tmpdir(), "outpost-conformance-"));

const NMEA =
  "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47\r\n" +
  "$GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*6A\r\n";
const nmeaFile = join(work, "gps.nmea");
writeFileSync(nmeaFile, NMEA);
/** 2,000 bytes of printable text: uart-echo must echo it whole at 115200 baud. */
const pipeFile = join(work, "pipe.txt");
writeFileSync(pipeFile, Array.from({ length: 2000 }, (_, i) => String.fromCharCode(65 + (i % 26)) + (i % 50 === 49 ? "\n" : "")).join(""));

function same(host: string, got: Transcript, want: Transcript): void {
  assert.equal(normalise(got), normalise(want), `${host} differs from the simulator`);
}

function eventful(t: Transcript): void {
  assert.ok(t.lines.length > 0 || t.console.length > 0, "the case made the firmware do nothing observable");
}

// ── mps2-an385: the simulator, the C host and the native image on QEMU ─────────────────────

const MPS2 = "mps2-an385";
const MPS2_CASES: [string, string[]][] = [
  ["examples/blinky/main.ts", ["--for", "3s"]],
  ["examples/button-led/main.ts", ["--press", "BTN1@1s:50ms", "--press", "BTN1@2s:80ms", "--for", "3s"]],
  ["examples/uart-echo/main.ts", ["--uart0", `@${pipeFile}`, "--for", "1s"]],
  ["examples/uart-echo/main.ts", ["--uart0", "ping", "--expect-text", "ping", "--expect-text", "pong", "--for", "200ms"]],
  ["examples/shell/main.ts", ["--uart0", `help\nled on\nstatus\n${"x".repeat(200)}\nled off\n`, "--expect-text", "LED1 off", "--for", "2s"]],
  ["examples/gps-logger/main.ts", ["--uart1", `@${nmeaFile}`, "--for", "2s"]],
  ["test/firmware/native-faults.ts", ["--uart0", "..p", "--for", "1s"]],
  ["test/firmware/native-faults.ts", ["--uart0", "..d", "--for", "1s"]],
  ["test/firmware/native-faults.ts", ["--uart0", "o", "--for", "1s"]],
  ["test/firmware/native-faults.ts", ["--uart0", "u", "--fail-text", "never", "--for", "1s"]],
  ["test/firmware/native-faults.ts", ["--uart0", `${".".repeat(80)}s`, "--for", "3s"]],
  ["test/firmware/native-faults.ts", ["--uart0", "..", "--expect-text", "never", "--for", "300ms"]],
  ["test/firmware/native-deep.ts", ["--for", "1s"]],
];

const qemuMissing = missingNativeTools("board");
const cMissing = missingNativeTools("posix");

for (const [entry, args] of MPS2_CASES) {
  const name = `${entry} ${args.join(" ").replace(/\n/g, "\\n").slice(0, 60)}`;
  const hosts = ["c-host", "qemu"].filter((h) => (h === "qemu" ? !qemuMissing : !cMissing));
  const skipped = [qemuMissing && `qemu (${qemuMissing})`, cMissing && `c-host (${cMissing})`].filter(Boolean);
  const title = `${MPS2}: ${name}: sim = ${hosts.join(" = ") || "(no other host)"}${skipped.length ? ` (skipped: ${skipped.join(", ")})` : ""}`;
  test(title, async () => {
    const wasm3 = wasm3Host(MPS2);
    const sim = await onSim((await buildTestImageWasm(entry, MPS2)), MPS2, args);
    eventful(sim);
    if (!cMissing) same("the C host", onCHost((await buildTestImage(entry, MPS2, "posix")).path, MPS2, args), sim);
    if (!qemuMissing) same("the native image on QEMU", await onQemu((await buildTestImage(entry, MPS2, "board")).path, args), sim);
    if (wasm3) same("wasm3", wasm3.run(await buildTestImageWasm(entry, MPS2), args), sim);
  });
}

/** The release .wasm the native images are made from, on disk with its sidecars. */
async function buildTestImageWasm(entry: string, board: string): Promise<string> {
  return (await buildTestImage(entry, board, "board")).wasm;
}

// ── Espruino: the same build as Wasm and as JavaScript in the Espruino host ────────────────

const ESPRUINO = "espruino-pico";
const ESPRUINO_INPUTS = ["--uart0", "help\r\nled on\r\nhello\r\n", "--press", "BTN1@1s:200ms", "--for", "3s"];
/** A Unicode build (Bangle.js 2): bytes ≥ 0x80 must cross the glue byte for byte, as on the Wasm host. */
const UNICODE = "banglejs2";
const UNICODE_INPUTS = ["--uart0", "help\r\n\\xC3\\xA9 \\x80\\xFF\r\nled on\r\n", "--press", "BTN1@1s:200ms", "--for", "3s"];
const examples = readdirSync(join(root, "examples")).filter((d) => existsSync(join(root, "examples", d, "main.ts"))).sort();

/** The example built for `boardName` runs the same as Wasm on the simulator and as JavaScript on the simulated Espruino host. */
function espruinoCase(boardName: string, example: string, inputs: string[]): void {
  test(`${boardName}: examples/${example}: sim = espruino`, async () => {
    const board = loadBoard(boardName);
    const wasm = await buildTestFirmware(`examples/${example}/main.ts`, boardName);
    const roomy = { ...board, espruino: { ...board.espruino!, jsVars: 1e9 } }; // the translation is compared; size.test.ts checks budgets
    const { js } = await compileEspruino(wasm, roomy, `${example}.js`);
    const wasmFile = join(work, `${boardName}-${example}.wasm`);
    const jsFile = join(work, `${boardName}-${example}.js`);
    writeFileSync(wasmFile, wasm);
    writeFileSync(jsFile, js);
    const sim = await onSim(wasmFile, boardName, inputs);
    eventful(sim);
    same("the Espruino host", await onSim(jsFile, boardName, inputs), sim);
  });
}

for (const example of examples) espruinoCase(ESPRUINO, example, ESPRUINO_INPUTS);
// gps-logger needs UART1, which a Bangle.js 2 gives to its GPS.
for (const example of examples.filter((e) => e !== "gps-logger")) espruinoCase(UNICODE, example, UNICODE_INPUTS);

// ── Every test firmware on the sim board: the simulator and the C host ──────────────────────

/** Not firmware on its own (a library), or a build that fails on purpose (test/cli tests its error). */
const NOT_RUNNABLE = ["async-modules-lib.ts", "bad-pin.ts"];
const firmwares = readdirSync(join(root, "test/firmware")).filter((f) => f.endsWith(".ts") && !NOT_RUNNABLE.includes(f)).sort();
for (const file of firmwares) {
  const entry = `test/firmware/${file}`;
  const title = `sim: ${entry}: sim = c-host${cMissing ? ` (skipped: ${cMissing})` : ""}`;
  (cMissing ? test.skip : test)(title, async () => {
    const image = await buildTestImage(entry, "sim", "posix", {});
    const sim = await onSim(image.wasm, "sim", ["--for", "2s"]);
    same("the C host", onCHost(image.path, "sim", ["--for", "2s"]), sim);
  });
}

// ── Await chains: the same chain in the same words on every host ───────────────────────────
// The simulator names each site from the build's table; the Espruino glue and the C host print
// site ids (`→ await site 6`), which the simulated Espruino host reads back and outpost decode names
// (decodeChainSites) from the same table. Each case's chains are written out from its source.

const CHAIN = "test/firmware/async-chain.ts";
const CLEANUP = "test/firmware/async-chain-cleanup.ts";
const DEADLOCK_CHAIN = "test/firmware/async-chain-deadlock.ts";
const FAULT_CHAIN = "test/firmware/async-chain-fault.ts";
const CHAIN_CASES: { entry: string; args: string[]; lines: string[] }[] = [
  {
    entry: CHAIN,
    args: ["--for", "1s", "--inspect"],
    lines: [
      `    await chain: ${chainText("sampler", siteAt(CHAIN, "await sample(i)", "await", "task sampler"), siteAt(CHAIN, "await readRaw(n)", "await", "sample"), siteAt(CHAIN, "throw new SensorError()", "throw", "readRaw"))}`,
      `  await chain: ${chainText("waiter", siteAt(CHAIN, "await outer()", "await", "task waiter"), siteAt(CHAIN, "await inner()", "await", "outer"), siteAt(CHAIN, "await never.wait()", "await", "inner"))}`,
    ],
  },
  {
    entry: CLEANUP,
    args: ["--for", "1s"],
    lines: [`    await chain: ${chainText("closer", siteAt(CLEANUP, "await select(flush()", "await", "task closer"), siteAt(CLEANUP, "await drain()", "await", "flush"), siteAt(CLEANUP, "throw new FlushError()", "throw", "drain"))}`],
  },
  {
    // A rule the host enforces (a pin written before it is configured): a PERIPHERAL panic in the board's words, in the running task.
    entry: FAULT_CHAIN,
    args: ["--for", "1s"],
    lines: [`    await chain: ${chainText("poker", siteAt(FAULT_CHAIN, "await reach()", "await", "task poker"), siteAt(FAULT_CHAIN, "await poke()", "await", "reach"), siteAt(FAULT_CHAIN, "await Timer.after", "await", "poke"))}`],
  },
  {
    entry: DEADLOCK_CHAIN,
    args: ["--for", "1s", "--inspect"],
    lines: ["ping", "pong"].map(
      (t) => `      await chain: ${chainText(t, siteAt(DEADLOCK_CHAIN, `"${t} got"`, "await", `task ${t}`), siteAt(DEADLOCK_CHAIN, "await receive(from)", "await", "exchange"), siteAt(DEADLOCK_CHAIN, "await from.wait()", "await", "receive"))}`,
    ),
  },
];

/** `bytes` written as `name` in the work folder with the site table beside it (<name>.sites.json), as outpost build leaves them. */
function withSites(name: string, bytes: Uint8Array | string, sites: unknown): string {
  const file = join(work, name);
  writeFileSync(file, bytes);
  writeFileSync(join(work, name.replace(/\.(wasm|js)$/, ".sites.json")), JSON.stringify(sites));
  return file;
}

for (const { entry, args, lines } of CHAIN_CASES) {
  const base = entry.split("/").pop()!.replace(/\.ts$/, "");
  test(`await chains: ${entry}: sim = espruino (${ESPRUINO}), panic, deadlock and --inspect name every site`, async () => {
    const { wasm, sites } = await buildTest(entry, ESPRUINO);
    const { js } = await cachedEspruino(wasm, loadBoard(ESPRUINO), `${base}.js`);
    const sim = await onSim(withSites(`chain-${base}.wasm`, wasm, sites), ESPRUINO, args);
    for (const line of lines) assert.ok(sim.lines.includes(line), `the simulator does not print\n${line}\nin\n${sim.lines.join("\n")}`);
    same("the Espruino host", await onSim(withSites(`chain-${base}.js`, js, sites), ESPRUINO, args), sim);
  });
  const panics = lines.filter((l) => l.startsWith("    await chain"));
  if (panics.length === 0) continue; // only the simulator reports a deadlock or a task table
  (cMissing ? test.skip : test)(`await chains: ${entry}: sim = c-host, its site ids named by outpost decode${cMissing ? ` (skipped: ${cMissing})` : ""}`, async () => {
    const image = await buildTestImage(entry, "sim", "posix", {});
    const { sites } = await buildTest(entry, "sim");
    const sim = await onSim(withSites(`chain-${base}-sim.wasm`, readFileSync(image.wasm), sites), "sim", ["--for", "1s"]);
    for (const line of panics) assert.ok(sim.lines.includes(line), `the simulator does not print\n${line}\nin\n${sim.lines.join("\n")}`);
    const c = onCHost(image.path, "sim", ["--for", "1s"]);
    assert.ok(c.lines.some((l) => /^ {4}await chain: task "\w+"( → await site \d+)+$/.test(l)), `the C host prints no chain of site ids:\n${c.lines.join("\n")}`);
    same("the C host, decoded", { ...c, lines: c.lines.map((l) => decodeChainSites(l, sites!)) }, sim);
  });
}

test("the allowed differences are few and named", () => {
  assert.equal(DIFFERENCES.map((d) => d.name).length, 2);
});

test.run();
