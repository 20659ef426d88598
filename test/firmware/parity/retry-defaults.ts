// Parity program (test/parity/): a generic retry helper with default
// attempts and backoff parameters takes async function values and returns
// i32, u64 and bool results, and rethrows the last error.
import { Timer, Duration, log, task } from "outpost";

let tries = 0;

async function retry<T>(op: () => Promise<T>, attempts: i32 = 3, backoffMs: i64 = 2): Promise<T> {
  let wait = backoffMs;
  for (let i = 1; ; i++) {
    try {
      return await op();
    } catch (e) {
      log.info(`retry-defaults attempt ${i} failed: ${(e as Error).message}`);
      if (i >= attempts) throw e;
      await Timer.after(Duration.millis(wait));
      wait = wait * 2;
    }
  }
}

const readTemp = async (): Promise<i32> => {
  await Timer.after(Duration.millis(1));
  tries++;
  if (tries % 3 != 0) throw new Error("bus busy");
  return 20 + tries;
};

const readSerial = async (): Promise<u64> => {
  await Timer.after(Duration.millis(3));
  tries++;
  if (tries < 5) throw new Error("no ack");
  return <u64>0x1F_FFFF_0000_0001;
};

const probe = async (): Promise<bool> => {
  await Timer.after(Duration.millis(1));
  tries++;
  throw new Error("absent");
};

export const user = task(1, async (): Promise<void> => {
  log.infoInt("retry-defaults temp", await retry<i32>(readTemp));
  tries = 3;
  const serial = await retry<u64>(readSerial, 4, 1);
  log.info(`retry-defaults serial ${serial}`);
  try {
    const ok = await retry<bool>(probe, 2);
    log.info(`retry-defaults probe ${ok}`);
  } catch (e) {
    log.info(`retry-defaults gave up ${(e as Error).message} after ${tries}`);
  }
});

export function main(): void {
  user.spawn();
}
