// Parity program (test/parity/): `throw` of a preallocated error picked by
// an await (`throw errors[await pick()]`) throws that error, and an await
// in a loop condition or for-update that throws leaves the loop to the
// catch.
import { Timer, Duration, log, task } from "outpost";

const errors: StaticArray<Error> = [new Error("throw-await-value zero"), new Error("throw-await-value one")];

async function pick(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  return x;
}

async function check(i: i32): Promise<bool> {
  await Timer.after(Duration.millis(1));
  if (i == 3) throw errors[0];
  return true;
}

async function bump(i: i32): Promise<i32> {
  await Timer.after(Duration.millis(2));
  if (i == 2) throw errors[1];
  return i + 1;
}

export const user = task(1, async (): Promise<void> => {
  for (let k = 0; k < 2; k++) {
    try {
      throw errors[await pick(k)];
    } catch (e) {
      log.info((e as Error).message);
    }
  }
  let i = 0;
  try {
    while (await check(i)) i++;
  } catch (e) {
    log.info((e as Error).message);
  }
  log.infoInt("throw-await-value i", i);
  let j = 0;
  try {
    for (j = 0; j < 10; j = await bump(j)) log.infoInt("throw-await-value j", j);
  } catch (e) {
    log.info((e as Error).message);
  }
  log.infoInt("throw-await-value j end", j);
});

export function main(): void {
  user.spawn();
}
