/**
 * The command line as input: 2,000 random `outpost sim` command lines
 * (options, durations, presses, paths, output files onto inputs and
 * directories) through the same checks `outpost sim` runs first
 * (sim-options.ts, outputs.ts), in-process; then a small sample of real
 * `outpost` processes fed mutated scenarios, boards and firmware, whose
 * exit codes must be the documented ones and whose stderr must hold no
 * stack, and `outpost decode` and `outpost flash --dry-run` fed mutated
 * site tables, logs and Espruino manifests. Durations must be exact to the
 * µs or refused.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseDuration } from "../../src/contract/duration.ts";
import { WasmReader } from "../../src/contract/wasm-binary.ts";
import { parseSimArgs, simPlan } from "../../src/toolchain/cli/sim-options.ts";
import { buildTest, buildTestFirmware } from "../helpers/firmware.ts";
import { loadBoard } from "../../src/contract/boards.ts";
import { type EspruinoManifest, readManifest, writeManifest } from "../../src/contract/espruino-manifest.ts";
import { cachedEspruino } from "../../src/toolchain/cache/build.ts";
import { MUTANTS, fuzz } from "./fuzz.ts";
import { mutateBytes, mutateJson, mutateText, random } from "./mutate.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "bin/outpost.mjs");
const work = mkdtempSync(join(tmpdir(), "outpost-fuzz-cli-"));
test.after(() => rmSync(work, { recursive: true, force: true }));

const scenarioText = readFileSync(join(root, "examples/shell/scenario.yaml"), "utf8");
writeFileSync(join(work, "fw.wasm"), new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
writeFileSync(join(work, "s.yaml"), scenarioText);
writeFileSync(join(work, "in.bin"), "hello");
mkdirSync(join(work, "dir"));

const OPTIONS = ["--board", "--for", "--press", "--scenario", "--expect-text", "--fail-text", "--vcd", "--trace", "--sites", "--uart0", "--uart1", "--uart9", "--watchdog", "--realtime", "--inspect", "--help", "--nope", "-o", "--"];
const VALUES = [
  "1s", "0s", "1.5us", "0.0000001s", "-1s", "1e3ms", "99999999999999999d", "1 s", "1S", "", "10", "BTN1@1s", "BTN1@1s:0ms", "BTN9@1s", "@1s", "BTN1@x",
  "sim", "nope", "constructor", "__proto__", "fw.wasm", "s.yaml", "dir", ".", "/", "in.bin", "@in.bin", "@missing", "@dir", "out.vcd", "dir/out.vcd", "500k", "20M", "off", "0", "2147483648", "1.5k",
];

test(`${MUTANTS} random outpost sim command lines: a plan, or one line naming the option (in-process)`, async () => {
  const cwd = process.cwd();
  process.chdir(work);
  try {
    await fuzz(MUTANTS, (seed) => {
      const r = random(seed);
      const argv = ["fw.wasm"];
      for (let n = Math.floor(r() * 6); n > 0; n--) {
        const option = OPTIONS[Math.floor(r() * OPTIONS.length)]!;
        argv.push(r() < 0.2 ? `${option}=${VALUES[Math.floor(r() * VALUES.length)]}` : option);
        if (r() < 0.85) argv.push(VALUES[Math.floor(r() * VALUES.length)]!);
      }
      simPlan(parseSimArgs(argv));
    });
  } finally {
    process.chdir(cwd);
  }
});

test("durations are exact to the µs or refused", () => {
  assert.is(parseDuration("1.000001s"), 1_000_001);
  assert.is(parseDuration("0.1s"), 100_000);
  assert.is(parseDuration("36500d"), 3_153_600_000_000_000);
  for (const bad of ["1.0000001s", "0.5us", "1e3ms", "-1s", "104249991d", "1.5", "ms", " "]) {
    assert.throws(() => parseDuration(bad), /bad duration/, bad);
  }
});

/** `outpost ...args` in the scratch folder: exit code and stderr. */
function outpost(args: string[], env: Record<string, string> = {}): { code: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: work, env: { ...process.env, ...env }, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stderr: r.stderr };
}

function assertClean(what: string, r: { code: number | null; stderr: string }): void {
  assert.ok([0, 1, 2, 3, 4, 5].includes(r.code!), `${what}: exit ${r.code}\n${r.stderr}`);
  assert.not.match(r.stderr, /^\s+at .+:\d+:\d+\)?$/m, `${what}: a stack on stderr:\n${r.stderr}`);
  assert.not.match(r.stderr, /internal error/, what);
}

test("a sample of mutants through real outpost processes: documented exit codes, no stack", async () => {
  const shell = await buildTestFirmware("examples/shell/main.ts");
  writeFileSync(join(work, "shell.wasm"), shell);
  const code = new WasmReader(shell, "shell.wasm").sections().find((s) => s.id === 10)!;
  for (const seed of [3, 17, 29]) {
    writeFileSync(join(work, `m${seed}.yaml`), mutateText(scenarioText, random(seed)));
    assertClean(`scenario mutant ${seed}`, outpost(["sim", "shell.wasm", "--scenario", `m${seed}.yaml`, "--for", "2s"]));
    writeFileSync(join(work, `m${seed}.wasm`), mutateBytes(shell, random(seed), code));
    assertClean(`firmware mutant ${seed}`, outpost(["sim", `m${seed}.wasm`, "--for", "1s", "--uart0", "help\n"]));
  }
  const boards = join(work, "boards");
  cpSync(join(root, "boards"), boards, { recursive: true });
  const sim = JSON.parse(readFileSync(join(boards, "sim/board.json"), "utf8"));
  for (const seed of [5, 11]) {
    writeFileSync(join(boards, "sim/board.json"), JSON.stringify(mutateJson(sim, random(seed))));
    assertClean(`board mutant ${seed}`, outpost(["sim", "shell.wasm", "--for", "1s"], { OUTPOST_BOARDS_DIR: boards }));
  }
  assertClean("--vcd onto the firmware", outpost(["sim", "shell.wasm", "--vcd", "shell.wasm"]));
  assert.equal(new Uint8Array(readFileSync(join(work, "shell.wasm"))), shell, "the firmware was overwritten");
});

test("outpost decode and outpost flash fed mutated site tables, logs and manifests: documented exit codes, no stack, the firmware untouched", async () => {
  const { sites } = await buildTest("test/firmware/async-chain.ts", "sim");
  const log = '    await chain: task "sampler" → await site 6 → await site 4 → await site 3\n{#2} → await site 99999999999999999999\n';
  const blinky = await buildTestFirmware("examples/blinky/main.ts", "espruino-pico");
  const { js } = await cachedEspruino(blinky, loadBoard("espruino-pico"), "fw.js");
  const manifest = readManifest(js)!;
  const body = js.slice(0, js.lastIndexOf("\n//outpost:") + 1);
  for (const seed of [2, 7, 13, 19]) {
    writeFileSync(join(work, `t${seed}.sites.json`), JSON.stringify(mutateJson(sites, random(seed))));
    writeFileSync(join(work, `l${seed}.log`), mutateText(log, random(seed)));
    assertClean(`site table mutant ${seed}`, outpost(["decode", `t${seed}.sites.json`, `l${seed}.log`]));
    const fw = body + writeManifest(mutateJson(manifest, random(seed)) as EspruinoManifest);
    writeFileSync(join(work, `f${seed}.js`), fw);
    assertClean(`manifest mutant ${seed}`, outpost(["flash", `f${seed}.js`, "--port", "/dev/null", "--dry-run"]));
    assert.is(readFileSync(join(work, `f${seed}.js`), "utf8"), fw, "the firmware was changed");
  }
  // JsVar figures that are not two numbers are ignored: the upload goes by the options alone.
  for (const jsVars of [null, "many", [], { ram: "9999999" }, { ram: 1e9 }, { ram: 1e9, flash: null }]) {
    writeFileSync(join(work, "odd.js"), body + writeManifest({ ...manifest, jsVars } as unknown as EspruinoManifest));
    const r = outpost(["flash", "odd.js", "--port", "/dev/null", "--dry-run"]);
    assert.is(r.code, 0, `jsVars ${JSON.stringify(jsVars)}: ${r.stderr}`);
    assert.is(r.stderr, "", `jsVars ${JSON.stringify(jsVars)}`);
  }
});

test.run();
