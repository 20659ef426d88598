// Parity program (test/parity/): a median filter class whose async method
// stores `this.buf[this.idx++ & 7] = await this.sample()`, counts with
// `this.over += (await …) > this.limit ? 1 : 0`, and sorts a copy with a
// sync insertion sort between awaits.
import { Timer, Duration, log, task } from "outpost";

const noise: StaticArray<i32> = [50, 52, 300, 49, 51, -200, 53, 48, 47, 400, 50, 52];

class Median {
  buf: StaticArray<i32> = [0, 0, 0, 0, 0, 0, 0, 0];
  tmp: StaticArray<i32> = [0, 0, 0, 0, 0, 0, 0, 0];
  idx: i32 = 0;
  pos: i32 = 0;
  over: i32 = 0;
  limit: i32 = 100;

  async sample(): Promise<i32> {
    await Timer.after(Duration.micros(125));
    return noise[this.pos++ % 12];
  }

  static sortInto(src: StaticArray<i32>, dst: StaticArray<i32>, n: i32): void {
    for (let i = 0; i < n; i++) {
      const v = src[i];
      let j = i - 1;
      while (j >= 0 && dst[j] > v) {
        dst[j + 1] = dst[j];
        j--;
      }
      dst[j + 1] = v;
    }
  }

  async next(): Promise<i32> {
    this.buf[this.idx++ & 7] = await this.sample();
    this.over += (await this.sample()) > this.limit ? 1 : 0;
    const n = this.idx < 8 ? this.idx : 8;
    Median.sortInto(this.buf, this.tmp, n);
    await Timer.after(Duration.micros(10));
    return this.tmp[n >> 1];
  }
}

const filter = new Median();

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < 9; i++) {
    const m = await filter.next();
    log.info(`median-filter ${i} median=${m} idx=${filter.idx} pos=${filter.pos} over=${filter.over}`);
  }
});

export function main(): void {
  user.spawn();
}
