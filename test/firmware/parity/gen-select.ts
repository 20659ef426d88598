// Parity program (test/parity/): a select between a consumer walking an
// async generator and a timer, and a join of two such consumers, run
// generator cleanups for losers and keep each generator's state apart.
import { Timer, Duration, select, join, log, task } from "outpost";

async function* ticks(id: i32, period: i32): AsyncGenerator<i32> {
  try {
    for (let i = 0; i < 4; i++) {
      await Timer.after(Duration.millis(period));
      yield id * 10 + i;
    }
  } finally {
    log.infoInt("gen-select ticks closed", id);
  }
}

function* weights(n: i32): Generator<i32> {
  for (let i = 1; i <= n; i++) yield i;
}

async function sum(id: i32, period: i32): Promise<i32> {
  let s = 0;
  for await (const t of ticks(id, period)) {
    for (const w of weights(2)) s += t * w;
    log.infoInt("gen-select tick", t);
  }
  return s;
}

export const user = task(1, async (): Promise<void> => {
  const a = sum(1, 3);
  const w = await select(a, Timer.after(Duration.millis(7)));
  log.infoInt("gen-select winner", w);
  const b = sum(2, 1);
  const c = sum(3, 2);
  await join(b, c);
  log.infoInt("gen-select joined", b.value + c.value);
  const d = sum(4, 1);
  const w2 = await select(d, Timer.after(Duration.millis(7)));
  log.infoInt("gen-select second", w2 == 0 ? d.value : -1);
});

export function main(): void {
  user.spawn();
}
