/**
 * Conformance (hosts.ts): mps2-an385's release builds give one transcript
 * on the simulator, the C host and the native image on QEMU (and wasm3 with
 * OUTPOST_WASM3_SRC): every example, native-faults (a panic, traps,
 * overruns at line rate) and native-deep (stack exhaustion).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import { buildTestImage, missingNativeTools } from "../helpers/native.ts";
import { eventful, onCHost, onQemu, onSim, same, work } from "./hosts.ts";
import { wasm3Host } from "./wasm3.ts";

const test = suite("conformance: mps2-an385 on every host");

const NMEA =
  "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47\r\n" +
  "$GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*6A\r\n";
const nmeaFile = join(work, "gps.nmea");
writeFileSync(nmeaFile, NMEA);
/** 2,000 bytes of printable text: uart-echo must echo it whole at 115200 baud. */
const pipeFile = join(work, "pipe.txt");
writeFileSync(pipeFile, Array.from({ length: 2000 }, (_, i) => String.fromCharCode(65 + (i % 26)) + (i % 50 === 49 ? "\n" : "")).join(""));

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

test.run();
