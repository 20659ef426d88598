/// <reference lib="dom" />
/**
 * How runs end in the page, word for word as `outpost sim` reports them:
 * a deadlock banner naming both await sites, a panic banner with its source
 * line (fetched from the server), and a scenario played step by step.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { Page } from "playwright-core";
import { Simulator, parseScenario, parseSiteTable, runScenario } from "../../sim/index.ts";
import { panicReport, formatOutcome } from "../../src/toolchain/cli/outcome-text.ts";
import { findSource } from "../../src/toolchain/cli/source.ts";
import { buildTestFirmware } from "../helpers/firmware.ts";
import { Scratch } from "../fixtures/cli.ts";
import { browserTests } from "./serve.ts";

const test = suite("outpost view: panics, deadlocks and scenarios");
const { it, onPage } = browserTests(test, "test/browser/reports.test.ts");
const root = fileURLToPath(new URL("../../", import.meta.url));
const s = new Scratch();
test.after(() => s.remove());

const bannerText = async (page: Page): Promise<string> => (await page.getByRole("alert").locator("pre").textContent()) ?? "";

it("a deadlocking firmware shows the deadlock banner with both await sites, as outpost sim reports it", async () => {
  const wasm = await buildTestFirmware("test/firmware/deadlock.ts");
  const sitesJson = readFileSync(new URL("../firmware/deadlock.sites.json", import.meta.url), "utf8");
  s.file("deadlock.wasm", wasm);
  s.file("deadlock.sites.json", sitesJson);
  const cli = s.outpost("sim", "deadlock.wasm");
  assert.is(cli.code, 5, cli.stderr);
  let shown = "";
  await onPage(wasm, { name: "deadlock.wasm", sites: parseSiteTable(JSON.parse(sitesJson), "deadlock.sites.json") }, "", async (page) => {
    await page.getByRole("alert").waitFor();
    assert.is(await page.getByRole("alert").locator("strong").innerText(), "Deadlock");
    shown = await bannerText(page);
  });
  assert.ok(cli.stderr.endsWith(shown), `banner:\n${shown}\ncli:\n${cli.stderr}`);
  assert.match(shown, /^\[ {3}0\.000000\] deadlock: every task is parked and nothing can wake one\n/);
  assert.match(shown, /task "ping" \(id 0\) parked since 0\.000000s at test\/firmware\/deadlock\.ts:22:10 in Ping\.poll/);
  assert.match(shown, /task "pong" \(id 1\) parked since 0\.000000s at test\/firmware\/deadlock\.ts:39:10 in Pong\.poll/);
});

it("a panic shows its banner with the source line the server reads, as outpost sim prints it", async () => {
  const wasm = await buildTestFirmware("test/firmware/assert-late.ts");
  const dir = root + "test/firmware";
  let shown = "";
  await onPage(wasm, { name: "test/firmware/assert-late.ts", sourceDirs: [dir] }, "?speed=max", async (page) => {
    await page.waitForFunction(() => /\n {4}14 \|/.test(document.querySelector('[role="alert"] pre')?.textContent ?? ""));
    assert.is(await page.getByRole("alert").locator("strong").innerText(), "Panic ABORT");
    shown = await bannerText(page);
  });
  const sim = await Simulator.load(wasm, { board: "sim" });
  sim.runFor("1s");
  const expected = panicReport(sim.panic!, sim.tasks(), (file, line, column) => findSource(file, line, column, [dir]));
  assert.is(shown, expected);
  assert.match(shown, /^\[ {3}0\.250000\] panic ABORT in task "checker": the checker's deadline is in the past\n {4}at .*assert-late\.ts:14:5\n {4}14 \| {5}assert\(/);
});

it("a scenario file plays from t = 0 and marks each step passed or failed, ending with outpost sim's verdict; a bad one is refused as outpost sim refuses it", async () => {
  const wasm = await buildTestFirmware("examples/shell/main.ts");
  const file = root + "examples/shell/scenario.yaml";
  const text = readFileSync(file, "utf8");
  const wrong = text.replace("expect-pin: { pin: LED1, level: 0 }", "expect-pin: { pin: LED1, level: 1 }");
  const bad = "name: bad\nversion: 1\nsteps:\n  - tap: BTN9\n";
  let marks: string[] = [];
  let verdict = "";
  let refusal = "";
  let wrongMarks: string[] = [];
  let wrongVerdict = "";
  await onPage(wasm, { name: "build/shell.wasm" }, "?speed=max", async (page) => {
    await page.getByLabel("Scenario file").setInputFiles(file);
    const play = page.getByRole("button", { name: "Play" });
    await page.waitForFunction(() => !(document.querySelector(".scenario button") as HTMLButtonElement).disabled);
    assert.is(await page.locator(".steps li").count(), 13);
    await play.click();
    await page.waitForFunction(() => /passed:|failed:|timeout:/.test(document.querySelector(".scenario .result")?.textContent ?? ""));
    marks = await page.locator(".steps li .mark").allInnerTexts();
    verdict = await page.locator(".scenario .result").innerText();

    // A malformed file is refused with the message outpost sim gives for it, and nothing runs.
    await page.getByLabel("Scenario file").setInputFiles({ name: "bad.yaml", mimeType: "text/yaml", buffer: Buffer.from(bad) });
    await page.waitForFunction(() => document.querySelector(".scenario button")?.hasAttribute("disabled") && /bad\.yaml/.test(document.querySelector(".scenario .result")?.textContent ?? ""));
    refusal = await page.locator(".scenario .result").innerText();

    // A step that fails is marked, those after it stay pending, and the verdict names it.
    await page.getByLabel("Scenario file").setInputFiles({ name: "wrong.yaml", mimeType: "text/yaml", buffer: Buffer.from(wrong) });
    await page.waitForFunction(() => !(document.querySelector(".scenario button") as HTMLButtonElement).disabled);
    await play.click();
    await page.waitForFunction(() => /failed:/.test(document.querySelector(".scenario .result")?.textContent ?? ""));
    wrongMarks = await page.locator(".steps li .mark").allInnerTexts();
    wrongVerdict = await page.locator(".scenario .result").innerText();
  });
  s.file("shell.wasm", wasm);
  s.file("bad.yaml", bad);
  assert.is(`outpost: error: ${refusal}\n`, s.outpost("sim", "shell.wasm", "--scenario", "bad.yaml").stderr);
  assert.match(refusal, /^bad\.yaml: .*BTN9/);
  const wrongOutcome = runScenario(await Simulator.load(wasm, { board: "sim" }), parseScenario(wrong, "wrong.yaml"));
  assert.is(wrongVerdict, formatOutcome(wrongOutcome, []).trim());
  assert.match(wrongVerdict, /failed: step 4 \(expect-pin\): LED1 is low at 0\.\d+s, expected high$/);
  assert.equal(wrongMarks.map((m) => m.replace(/ at .*/, "")), ["passed", "passed", "passed", "failed", ...Array(9).fill("pending")]);
  const sim = await Simulator.load(wasm, { board: "sim" });
  const outcome = runScenario(sim, parseScenario(text, "scenario.yaml"));
  assert.is(verdict, formatOutcome(outcome, []).trim());
  assert.match(verdict, /passed: scenario "shell switches LED1 and reports it", 13 steps$/);
  assert.is(marks.length, 13);
  assert.ok(marks.every((m) => /^passed at \d+\.\d{6} s$/.test(m)), marks.join("\n"));
  const times = marks.map((m) => Number(/[\d.]+/.exec(m)![0]));
  assert.equal([...times].sort((a, b) => a - b), times, "steps end in order");
  assert.is(times.at(-1)!.toFixed(6), (outcome.at / 1e6).toFixed(6), "the last step ends when the run passes");
  const cli = s.outpost("sim", "shell.wasm", "--scenario", file);
  assert.ok(cli.stderr.endsWith(verdict + "\n"), cli.stderr);
});

test.run();
