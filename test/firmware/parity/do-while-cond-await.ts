// Parity program (test/parity/): a do-while whose condition awaits a poll that can throw, with continue and a try around the loop.
import { Timer, Duration, log, task } from "outpost";

let busyPolls: i32 = 0;

async function busy(limit: i32): Promise<bool> {
  await Timer.after(Duration.millis(2));
  busyPolls++;
  if (busyPolls == limit) throw new Error("do-while-cond-await bus fault");
  return busyPolls % 4 != 0;
}

async function waitReady(limit: i32): Promise<i32> {
  let spins: i32 = 0;
  try {
    do {
      spins++;
      if (spins % 2 == 0) continue;
      log.infoInt("do-while-cond-await spin", spins);
    } while (await busy(limit));
  } catch (e) {
    log.info((e as Error).message);
    return -spins;
  } finally {
    await Timer.after(Duration.millis(1));
    log.infoInt("do-while-cond-await finally", spins);
  }
  return spins;
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("do-while-cond-await ready", await waitReady(100));
  log.infoInt("do-while-cond-await ready", await waitReady(6));
  log.infoInt("do-while-cond-await ready", await waitReady(100));
});

export function main(): void {
  user.spawn();
}
