// Parity program (test/parity/): what standard-library calls return
// (string and array searches, typed-array elements, typeof) goes into text
// and across awaits without annotations.
import { Timer, Duration, log, task } from "outpost";

const name = "sensor-7";
const ids: StaticArray<i32> = [4, 8, 15, 16, 23, 42];
const samples = new Int32Array(3);
const levels = new Uint16Array(2);

async function pause(): Promise<void> {
  await Timer.after(Duration.millis(2));
}

export const user = task(1, async (): Promise<void> => {
  samples[0] = -5;
  samples[2] = 70000;
  levels[1] = 65535;
  await pause();
  const dash = name.indexOf("-");
  const code = name.charCodeAt(dash + 1);
  await pause();
  log.info(`builtin-results name ${dash} ${code} ${name.includes("sor")} ${name.startsWith("x")} ${name.endsWith("7")}`);
  const at = ids.indexOf(16);
  const has = ids.includes(99);
  await pause();
  log.info(`builtin-results ids ${at} ${has} ${ids.lastIndexOf(42)} ${typeof at}`);
  const low = samples[0];
  const high = samples[2];
  await pause();
  log.info(`builtin-results samples ${low} ${high} ${levels[1]} ${samples.at(1)} ${levels.includes(65535)}`);
});

export function main(): void {
  user.spawn();
}
