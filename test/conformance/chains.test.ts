/**
 * Conformance (hosts.ts): an await chain in the same words on every host:
 * a panic's chain, a deadlock's and --inspect's on the simulator and the
 * Espruino host, and a panic's on the C host, whose site ids outpost decode
 * names; and the differences hosts are allowed stay few and named.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { loadBoard } from "../../src/contract/boards.ts";
import { cachedEspruino } from "../../src/toolchain/cache/build.ts";
import { decodeChainSites } from "../../sim/sites.ts";
import { buildTest } from "../helpers/firmware.ts";
import { buildTestImage, missingNativeTools } from "../helpers/native.ts";
import { chainText, siteAt } from "../helpers/source-sites.ts";
import { DIFFERENCES, onCHost, onSim, same, work } from "./hosts.ts";

const test = suite("conformance: await chains on every host");
const ESPRUINO = "espruino-pico";
const cMissing = missingNativeTools("posix");

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
