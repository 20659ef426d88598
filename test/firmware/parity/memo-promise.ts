// Parity program (test/parity/): the Node idiom of memoising an init
// promise in a field: a sync method starts init once and hands the same
// future to two tasks; after the field is cleared, init runs again.
import { Timer, Duration, log, task } from "outpost";

class Hw {
  inits: i32 = 0;
  pending: Promise<i32> | null = null;
  async init(): Promise<i32> {
    this.inits++;
    await Timer.after(Duration.millis(5));
    return 40 + this.inits;
  }
  ready(): Promise<i32> {
    if (this.pending == null) this.pending = this.init();
    return this.pending!;
  }
}
const hw = new Hw();

export const a = task(1, async (): Promise<void> => {
  log.infoInt("memo-promise a got", await hw.ready());
  await Timer.after(Duration.millis(4));
  log.infoInt("memo-promise a again", await hw.ready());
});
export const b = task(1, async (): Promise<void> => {
  log.infoInt("memo-promise b got", await hw.ready());
  log.infoInt("memo-promise inits", hw.inits);
  await Timer.after(Duration.millis(3));
  log.infoInt("memo-promise b again", await hw.ready());
  hw.pending = null;
  log.infoInt("memo-promise b reinit", await hw.ready());
  log.infoInt("memo-promise inits", hw.inits);
});

export function main(): void {
  a.spawn();
  b.spawn();
}
