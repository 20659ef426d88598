// Parity program (test/parity/): a finally block runs after an awaited
// return, and a return inside finally replaces the returned value.
import { Timer, Duration, log, task } from "outpost";

async function plain(): Promise<i32> {
  try {
    await Timer.after(Duration.millis(2));
    return 1;
  } finally {
    log.infoInt("finally-return plain finally", 1);
  }
}

async function replaced(): Promise<i32> {
  try {
    await Timer.after(Duration.millis(2));
    return 1;
  } finally {
    log.infoInt("finally-return replaced finally", 2);
    return 2;
  }
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("finally-return plain", await plain());
  log.infoInt("finally-return replaced", await replaced());
});

export function main(): void {
  user.spawn();
}
