/// <reference lib="dom" />
/**
 * How fast the browser page (`outpost view`, web/) runs a firmware at "as
 * fast as possible", against the same simulator on Node doing the same
 * work with the page's settings (every task watched, a trace recorded).
 * One operation is one virtual second; `speedup` is virtual seconds per
 * wall second.
 *
 *   page          headless Chromium (Debian's chromium, test/browser/chromium.ts):
 *                 blinky runs free and its clock is read twice, WALL_MS apart;
 *                 uart-echo plays a scenario of LINES lines, one each virtual
 *                 minute, each waited for as its echo, timed from Play to the
 *                 verdict. Includes the page's drawing, once per frame.
 *   outpost-sim   Node: blinky's virtual seconds in one runFor; the same
 *                 scenario through runScenario
 *
 * Without Chromium, or with --quick, the page is skipped and says so; Node still runs.
 */
import { Simulator, TraceRecorder, parseScenario, runScenario } from "../sim/index.ts";
import { buildTestFirmware } from "../test/helpers/firmware.ts";
import { launchChromium } from "../test/browser/chromium.ts";
import { serveFirmware } from "../test/browser/serve.ts";
import { type Benchmark, type Result, type RunOptions, bestOf, check, rounds, timeNs } from "./lib.ts";

const LINE = "the quick brown fox jumps over the lazy dog";

/** A scenario that sends `lines` lines a virtual minute apart and waits for each echo. */
function echoScenario(lines: number): string {
  const steps = Array.from({ length: lines }, (_, i) => `  - write-serial: "${LINE} ${i}\\n"\n  - wait-serial: "dog ${i}"\n  - delay: 60s\n`);
  return `name: echo ${lines} lines\nversion: 1\nsteps:\n${steps.join("")}`;
}

async function loadWatched(wasm: Uint8Array): Promise<Simulator> {
  return Simulator.load(wasm, { board: "sim", watchTasks: true, ...new TraceRecorder().listeners });
}

/** Wall ns per virtual second on Node: blinky for `seconds`, and the echo scenario. */
async function onNode(blinky: Uint8Array, echo: Uint8Array, seconds: number, scenario: string): Promise<{ blinky: number; echo: number }> {
  const b = await loadWatched(blinky);
  const blinkyNs = timeNs(() => b.runFor(seconds * 1e6));
  check(b.pin("LED1").changeCount === 2 * seconds + 1, "blinky on Node toggled LED1 as it should"); // the history keeps only the newest changes
  const e = await loadWatched(echo);
  let virtual = 0;
  const echoNs = timeNs(() => {
    const outcome = runScenario(e, parseScenario(scenario, "echo.yaml"));
    check(outcome.status === "passed", `the echo scenario on Node: ${outcome.message}`);
    virtual = outcome.at / 1e6;
  });
  return { blinky: blinkyNs / seconds, echo: echoNs / virtual };
}

/** The same in the page: blinky's clock over `wallMs`, and the echo scenario from Play to the verdict. */
async function inPage(blinky: Uint8Array, echo: Uint8Array, wallMs: number, scenario: string): Promise<{ blinky: number; echo: number } | null> {
  const browser = await launchChromium();
  if (!browser) return null;
  try {
    const page = await browser.newPage();
    const b = await serveFirmware(blinky, { name: "blinky.wasm" });
    await page.goto(b.url + "?speed=max");
    await page.waitForFunction(() => Number(document.querySelector(".clock")?.textContent) > 1);
    const run = await page.evaluate(async (ms) => {
      const frame = (): Promise<number> => new Promise(requestAnimationFrame);
      const clock = (): number => Number(document.querySelector(".clock")!.textContent);
      await frame();
      const [v0, t0] = [clock(), performance.now()];
      await new Promise((r) => setTimeout(r, ms));
      await frame();
      return { virtual: clock() - v0, wall: performance.now() - t0 };
    }, wallMs);
    await b.close();
    check(run.virtual > 0, "blinky's clock moved in the page");

    const e = await serveFirmware(echo, { name: "uart-echo.wasm" });
    await page.goto(e.url + "?speed=max");
    await page.getByLabel("Scenario file").setInputFiles({ name: "echo.yaml", mimeType: "text/yaml", buffer: Buffer.from(scenario) });
    await page.waitForFunction(() => !(document.querySelector(".scenario button") as HTMLButtonElement).disabled);
    const echoRun = await page.evaluate(async () => {
      const result = document.querySelector(".scenario .result")!;
      const t0 = performance.now();
      (document.querySelector(".scenario button") as HTMLButtonElement).click();
      while (!/\] (passed|failed|timeout)/.test(result.textContent ?? "")) await new Promise(requestAnimationFrame);
      return { text: result.textContent ?? "", wall: performance.now() - t0, virtual: Number(document.querySelector(".clock")!.textContent) };
    });
    await e.close();
    check(echoRun.text.includes("passed"), `the echo scenario in the page: ${echoRun.text}`);
    return { blinky: (run.wall * 1e6) / run.virtual, echo: (echoRun.wall * 1e6) / echoRun.virtual };
  } finally {
    await browser.close();
  }
}

function result(impl: string, ns: { blinky: number; echo: number }): Result {
  return {
    benchmark: "page-speed",
    impl,
    ns_per_op: (ns.blinky + ns.echo) / 2,
    blinky_speedup: Math.round(1e9 / ns.blinky),
    echo_speedup: Math.round(1e9 / ns.echo),
  };
}

const pageSpeed: Benchmark = {
  name: "page-speed",
  op: "virtual second",
  peer: "outpost-sim",
  targets: [{ impl: "page", peer: "outpost-sim", factor: 3, text: "the page within 3× of the simulator on Node" }],
  async run(options: RunOptions): Promise<Result[]> {
    const { warmup, runs } = rounds(options, 1, 3);
    const lines = options.quick ? 5 : 1440;
    const wallMs = 2000;
    const seconds = options.quick ? 600 : 24 * 3600;
    const scenario = echoScenario(lines);
    const blinky = await buildTestFirmware("examples/blinky/main.ts");
    const echo = await buildTestFirmware("examples/uart-echo/main.ts");
    let node = { blinky: 0, echo: 0 };
    await bestOf(warmup, runs, async () => {
      const r = await onNode(blinky, echo, seconds, scenario);
      if (node.blinky === 0 || r.blinky + r.echo < node.blinky + node.echo) node = r;
      return r.blinky + r.echo;
    });
    // --quick leaves the page out, as it does QEMU's images: starting Chromium is most of the smoke test's time, and test/browser/ runs the page.
    const page = options.quick ? null : await inPage(blinky, echo, wallMs, scenario);
    if (!page) {
      process.stderr.write(`page-speed: the page skipped: ${options.quick ? "not run with --quick" : "chromium is not installed (apt-get install chromium)"}\n`);
      return [result("outpost-sim", node)];
    }
    return [result("page", page), result("outpost-sim", node)];
  },
};

export default pageSpeed;
