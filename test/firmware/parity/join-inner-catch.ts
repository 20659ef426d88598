// Parity program (test/parity/): join branches that catch their own errors complete normally, while a branch that rethrows fails the join and cancels the rest.
import { Timer, Duration, join, log, task } from "outpost";

let attempts: i32 = 0;

async function flaky(id: i32, failAt: i32): Promise<i32> {
  for (let k = 0; k < 3; k++) {
    try {
      await Timer.after(Duration.millis(2 + id));
      attempts++;
      if (k < failAt) throw new Error("join-inner-catch flaky");
      return id * 10 + k;
    } catch (e) {
      log.infoInt("join-inner-catch retry", id);
      if (id == 3) throw e;
    }
  }
  return -1;
}

async function slowOk(): Promise<i32> {
  try {
    await Timer.after(Duration.millis(30));
    return 5;
  } finally {
    log.info("join-inner-catch slowOk finally");
  }
}

export const user = task(1, async (): Promise<void> => {
  const a = flaky(1, 1);
  const b = flaky(2, 2);
  await join(a, b);
  log.infoInt("join-inner-catch a", a.value);
  log.infoInt("join-inner-catch b", b.value);
  try {
    await join(slowOk(), flaky(3, 1));
  } catch (e) {
    log.info((e as Error).message);
  }
  log.infoInt("join-inner-catch attempts", attempts);
});

export function main(): void {
  user.spawn();
}
