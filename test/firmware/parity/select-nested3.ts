// Parity program (test/parity/): selects nested three levels deep, each
// level with an awaiting finally: cancelling the outer loser cleans up
// innermost first, and each select completes after its losers' cleanups.
import { Timer, Duration, select, log, task } from "outpost";

async function level3(): Promise<i32> {
  try {
    await Timer.after(Duration.millis(100));
    return 3;
  } finally {
    await Timer.after(Duration.millis(1));
    log.infoInt("select-nested3 cleanup", 3);
  }
}

async function level2(): Promise<i32> {
  try {
    const w = await select(level3(), Timer.after(Duration.millis(80)));
    return 20 + w;
  } finally {
    await Timer.after(Duration.millis(2));
    log.infoInt("select-nested3 cleanup", 2);
  }
}

async function level1(): Promise<i32> {
  try {
    const w = await select(level2(), Timer.after(Duration.millis(60)));
    return 10 + w;
  } finally {
    await Timer.after(Duration.millis(3));
    log.infoInt("select-nested3 cleanup", 1);
  }
}

export const user = task(1, async (): Promise<void> => {
  const w = await select(level1(), Timer.after(Duration.millis(5)));
  log.infoInt("select-nested3 outer winner", w);
});

export function main(): void {
  user.spawn();
}
