/**
 * A hand-written script dressed as an Espruino build, for tests of the
 * simulator's Espruino host: stubs of the exports every build has (the
 * host checks them before running a script: sim/espruino/contract.ts) in
 * front, the build's manifest line behind.
 *
 *   await Simulator.load(asBuild('Serial1.on("data", …);', "banglejs2"), { board: "banglejs2" });
 */
const EXPORTS = "function xv() { return 1; } function xi() {} function xp() { return -1; } function xe(s, a, lo, hi) {}\n";

export function asBuild(script: string, board = "espruino-pico"): string {
  const manifest = { abi: 1, board, exports: { outpost_abi_version: "xv", outpost_init: "xi", outpost_poll: "xp", outpost_event: "xe" }, memory: "m" };
  return `${EXPORTS}${script}\n//outpost:${JSON.stringify(manifest)}\n`;
}
