// Parity program (test/parity/): a value returned from try is fixed before the finally block changes the variable and awaits.
import { Timer, Duration, log, task } from "outpost";

let count: i32 = 0;

async function bump(): Promise<i32> {
  let local: i32 = 10;
  try {
    await Timer.after(Duration.millis(1));
    local = local + count;
    return local;
  } finally {
    local = local + 1000;
    count++;
    await Timer.after(Duration.millis(2));
    log.infoInt("return-then-finally-mutates finally local", local);
  }
}

async function fromLoop(n: i32): Promise<i32> {
  for (let i = 0; i < n; i++) {
    try {
      if (i == 2) return i;
    } finally {
      i = i + 5;
      await Timer.after(Duration.millis(1));
    }
  }
  return -1;
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("return-then-finally-mutates a", await bump());
  log.infoInt("return-then-finally-mutates b", await bump());
  log.infoInt("return-then-finally-mutates loop", await fromLoop(3));
  log.infoInt("return-then-finally-mutates loop2", await fromLoop(20));
});

export function main(): void {
  user.spawn();
}
