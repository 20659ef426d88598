// Parity program (test/parity/): a select loser cancelled while it awaits
// in a finally block (entered normally, by return, by break or by an error)
// finishes that block, then unwinds as cancelled: nothing after the block
// runs, the error it was carrying is dropped, and the select completes
// once the block has ended.
import { Timer, Duration, select, log, task } from "outpost";

async function body(mode: i32): Promise<void> {
  for (let i = 0; i < 2; i++) {
    try {
      await Timer.after(Duration.millis(1));
      if (mode == 1) return;
      if (mode == 2) break;
      if (mode == 3) throw new Error("cancel-finally-kinds err");
    } finally {
      await Timer.after(Duration.millis(5));
      log.infoInt("cancel-finally-kinds finally end", mode);
    }
    log.infoInt("cancel-finally-kinds after try", mode);
    await Timer.after(Duration.millis(5));
  }
}

export const user = task(1, async (): Promise<void> => {
  for (let mode = 0; mode < 4; mode++) {
    try {
      const w = await select(body(mode), Timer.after(Duration.millis(3)));
      log.infoInt("cancel-finally-kinds winner", w);
    } catch (e) {
      log.info((e as Error).message);
    }
  }
});

export function main(): void {
  user.spawn();
}
