// Parity program (test/parity/): a select loser three calls deep, with a
// finally at each level (the innermost awaiting), cleans up innermost first,
// and the select completes only after the outermost finally.
import { Timer, Duration, select, log, task } from "outpost";

async function level3(): Promise<i32> {
  try {
    await Timer.after(Duration.millis(20));
    return 3;
  } finally {
    log.infoInt("cancel-chain3 finally", 3);
    await Timer.after(Duration.millis(2));
    log.infoInt("cancel-chain3 finally done", 3);
  }
}

async function level2(): Promise<i32> {
  try {
    const v = await level3();
    log.infoInt("cancel-chain3 level2 after", v);
    return v + 20;
  } finally {
    log.infoInt("cancel-chain3 finally", 2);
  }
}

async function level1(): Promise<i32> {
  try {
    return (await level2()) + 100;
  } finally {
    log.infoInt("cancel-chain3 finally", 1);
    await Timer.after(Duration.millis(1));
    log.infoInt("cancel-chain3 finally done", 1);
  }
}

export const user = task(1, async (): Promise<void> => {
  const w = await select(level1(), Timer.after(Duration.millis(5)));
  log.infoInt("cancel-chain3 winner", w);
  const w2 = await select(Timer.after(Duration.millis(30)), level1());
  log.infoInt("cancel-chain3 second", w2);
});

export function main(): void {
  user.spawn();
}
