// Parity program (test/parity/): compound assignments whose right side
// awaits (`this.n *= await f()`, `a[i++] += await f()`, `o.f -= await f()`)
// read the target before the await and store after it.
import { Timer, Duration, log, task } from "outpost";

class Acc {
  n: i32 = 2;
  async scale(k: i32): Promise<void> {
    this.n *= await val(k);
    this.n += await val(this.n);
  }
}

const acc = new Acc();
const arr: StaticArray<i32> = [1, 2, 3, 4];

async function val(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  acc.n += 1000;
  arr[0] += 50;
  return x;
}

export const user = task(1, async (): Promise<void> => {
  await acc.scale(3);
  log.infoInt("compound-target-await n", acc.n);
  let i = 0;
  arr[i++] += await val(i);
  arr[i++] += await val(i * 10);
  log.infoInt("compound-target-await i", i);
  for (let k = 0; k < 4; k++) log.infoInt("compound-target-await arr", arr[k]);
  acc.n -= await val(5);
  log.infoInt("compound-target-await sub", acc.n);
  let x = 10;
  x <<= await val(2);
  x |= await val(1);
  log.infoInt("compound-target-await x", x);
});

export function main(): void {
  user.spawn();
}
