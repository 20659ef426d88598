// Parity program (test/parity/): sync array methods with non-capturing
// callbacks (sort, reduce, some, every, findIndex, includes, indexOf) run
// on module-level arrays between awaits inside async code.
import { Timer, Duration, log, task } from "outpost";

const readings: i32[] = [40, 12, 77, 5, 63, 18];
let next: i32 = 0;

async function sample(): Promise<i32> {
  await Timer.after(Duration.millis(1));
  next += 17;
  return next & 0x3f;
}

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < readings.length; i += 2) readings[i] = await sample();
  readings.sort((a: i32, b: i32): i32 => a - b);
  log.info(`array-callbacks sorted ${readings[0]} ${readings[1]} ${readings[2]} ${readings[3]} ${readings[4]} ${readings[5]}`);
  const sum: i32 = readings.reduce((acc: i32, v: i32): i32 => acc + v, 0);
  const any: bool = readings.some((v: i32): bool => v > 60);
  const all: bool = readings.every((v: i32): bool => v > 3);
  const at: i32 = readings.findIndex((v: i32): bool => v > 30);
  log.info(`array-callbacks sum=${sum} any=${any} all=${all} at=${at}`);
  const s = await sample();
  log.info(`array-callbacks has ${s} ${readings.includes(s)} ${readings.indexOf(await sample())} ${readings.indexOf(77)}`);
});

export function main(): void {
  user.spawn();
}
