/**
 * One ABI, every host: each hand-written hostile module in
 * test/fixtures/abi/ runs on the simulator and on the reference C host
 * (boards/wasm/host/ with the interpreter test engine, test/abi/c/, built
 * with -fsanitize=address,undefined), and both must reach the outcome the
 * module's `;; expect:` line names (boards/ABI.md decides each corner):
 *
 *   refused <reason>   not loaded; both hosts give this exact reason
 *   mismatch <n>       refused as a firmware for ABI v<n>
 *   panic <CODE>       stopped with that panic code (exit 3 on the C host)
 *   runs               no panic; `;; log:` lines are its info logs, in order
 *
 * `;; omit:` leaves default exports out (fixtures/wat.ts), `;; input:`
 * sends text to the console UART at 0. The C host must also never trip a
 * sanitizer: its stderr is checked for their reports. With
 * OUTPOST_WASM3_SRC set to a wasm3 v0.5.0 checkout (or its source/ folder), the suite
 * runs through the real wasm3 adapter too (see boards/wasm/README.md).
 */
import { spawnSync } from "node:child_process";
import { wasm3Source } from "../conformance/wasm3.ts";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { OutpostError } from "../../src/contract/errors.ts";
import { Simulator } from "../../sim/index.ts";
import { assemble, moduleText } from "../fixtures/wat.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const fixtures = join(root, "test/fixtures/abi");
const hostDir = join(root, "boards/wasm/host");
const hasGcc = spawnSync("gcc", ["--version"]).status === 0;
const wasm3 = wasm3Source();

interface Fixture {
  name: string;
  bytes: Uint8Array;
  expect: string;
  logs: string[];
  input: string;
}

type Outcome = string;

function loadFixture(file: string): Fixture {
  const text = readFileSync(join(fixtures, file), "utf8");
  const header = (key: string): string[] => [...text.matchAll(new RegExp(`^;; ${key}: (.*)$`, "gm"))].map((m) => m[1]!);
  const omit = header("omit")[0]?.split(" ");
  const name = file.replace(/\.wat$/, "");
  const source = text.trimStart().startsWith("(module") || text.includes("\n(module") ? text : moduleText(text, { omit });
  return { name, bytes: assemble(source, file), expect: header("expect")[0]!, logs: header("log"), input: header("input")[0] ?? "" };
}

const all = readdirSync(fixtures).filter((f) => f.endsWith(".wat")).sort().map(loadFixture);

async function onSimulator(f: Fixture): Promise<{ outcome: Outcome; logs: string[] }> {
  let sim: Simulator;
  try {
    sim = await Simulator.load(f.bytes, { name: `${f.name}.wasm` });
  } catch (e) {
    if (!(e instanceof OutpostError)) throw e;
    const refused = /is not an Outpost firmware: (.*) \(see boards\/ABI\.md\)/.exec(e.message);
    const mismatch = /firmware speaks ABI v(\d+)/.exec(e.message);
    return { outcome: refused ? `refused ${refused[1]}` : mismatch ? `mismatch ${mismatch[1]}` : `error ${e.message}`, logs: [] };
  }
  if (f.input) sim.uart("UART0").send(f.input, { at: 0 });
  sim.runFor("1s");
  const logs = sim.logs.filter((l) => l.level === 3).map((l) => l.text);
  return { outcome: sim.panic ? `panic ${sim.panic.code}` : "runs", logs };
}

/** The C host's outcome from its exit status and stderr. */
function cOutcome(status: number | null, stderr: string): { outcome: Outcome; logs: string[] } {
  const logs = [...stderr.matchAll(/^\[ *\d+\.\d{6}\] info: (.*)$/gm)].map((m) => m[1]!);
  const refused = /^cannot load the firmware: it is not an Outpost firmware: (.*) \(see boards\/ABI\.md\)$/m.exec(stderr);
  const mismatch = /^firmware speaks ABI v(\d+)/m.exec(stderr);
  const panic = /\] panic (\w+)/.exec(stderr);
  if (status === 1 && refused) return { outcome: `refused ${refused[1]}`, logs };
  if (status === 2 && mismatch) return { outcome: `mismatch ${mismatch[1]}`, logs };
  if (status === 3 && panic) return { outcome: `panic ${panic[1]}`, logs };
  if (status === 0) return { outcome: "runs", logs };
  return { outcome: `exit ${status}: ${stderr.trim()}`, logs };
}

const work = mkdtempSync(join(tmpdir(), "outpost-abi-"));

/** Builds a host binary once: the interpreter test engine, or wasm3's adapter. */
function hostBuilder(engine: "interp" | "wasm3"): () => string {
  let binary: string | null = null;
  return () => {
    if (binary) return binary;
    const out = join(work, `host-${engine}`);
    const hostFiles = ["host.c", "abi_check.c", "report.c", "format.c", "bench.c", "platform_posix.c"].map((f) => join(hostDir, f));
    const strict = ["-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic", "-g", "-fsanitize=address,undefined", "-fno-sanitize-recover=all"];
    const args =
      engine === "interp"
        ? [...strict, `-I${hostDir}`, ...hostFiles, join(root, "test/abi/c/engine_interp.c"), "-o", out]
        : // wasm3's own sources are not ours to hold to -pedantic, and misalign their stack slots on purpose.
          ["-g", "-O1", "-fsanitize=address,undefined", "-fno-sanitize=alignment", `-I${wasm3}`, `-I${hostDir}`, ...hostFiles,
            join(hostDir, "engine_wasm3.c"), ...readdirSync(wasm3!).filter((f) => /^m3_.*\.c$/.test(f)).map((f) => join(wasm3!, f)), "-lm", "-o", out];
    const r = spawnSync("gcc", args, { encoding: "utf8" });
    assert.is(r.stderr, "", "gcc printed diagnostics");
    assert.is(r.status, 0);
    binary = out;
    return out;
  };
}

function onCHost(binary: string, f: Fixture): { outcome: Outcome; logs: string[] } {
  const file = join(work, `${f.name}.wasm`);
  writeFileSync(file, f.bytes);
  const r = spawnSync(binary, ["--virtual", "--for", "1s", "--watchdog", "200ms", file], { input: f.input, encoding: "utf8", timeout: 20_000 });
  assert.not.match(r.stderr, /runtime error|AddressSanitizer|LeakSanitizer/, `${f.name}: a sanitizer reported:\n${r.stderr}`);
  return cOutcome(r.status, r.stderr);
}

function expectation(f: Fixture): { outcome: Outcome; logs: string[] } {
  return { outcome: f.expect, logs: f.expect === "runs" ? f.logs : [] };
}

const simulator = suite("ABI conformance: the simulator");
for (const f of all) {
  simulator(`${f.name}: ${f.expect}`, async () => {
    const got = await onSimulator(f);
    assert.equal({ outcome: got.outcome, logs: f.expect === "runs" ? got.logs : [] }, expectation(f));
  });
}
simulator.run();

/** One suite running every fixture on a C host binary, or one named skip when the tools are missing. */
function cSuite(title: string, binary: () => string, missing: string | null): void {
  const s = suite(title);
  if (missing) s.skip(`every fixture (skipped: ${missing})`, () => {});
  else {
    for (const f of all) {
      s(`${f.name}: ${f.expect}`, () => {
        const got = onCHost(binary(), f);
        assert.equal({ outcome: got.outcome, logs: f.expect === "runs" ? got.logs : [] }, expectation(f));
      });
    }
  }
  s.run();
}

cSuite("ABI conformance: the C host (test engine, address and undefined-behaviour sanitizers)", hostBuilder("interp"), hasGcc ? null : "gcc is not installed");
cSuite(
  "ABI conformance: the C host with wasm3 (OUTPOST_WASM3_SRC)",
  hostBuilder("wasm3"),
  !hasGcc ? "gcc is not installed" : !wasm3 ? "set OUTPOST_WASM3_SRC to a wasm3 v0.5.0 checkout to run it" : null,
);
const cleanup = suite("ABI conformance: cleanup");
cleanup.after(() => rmSync(work, { recursive: true, force: true }));
cleanup("the scratch folder goes", () => {});
cleanup.run();
