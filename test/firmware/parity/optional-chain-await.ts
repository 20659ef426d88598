// Parity program (test/parity/): a non-null assertion on an awaited call
// (`(await f())!.field`, `(await f())!.method()`) and a null test of an
// awaited value read the object the call returned.
import { Timer, Duration, log, task } from "outpost";

class Sensor {
  id: i32;
  constructor(id: i32) {
    this.id = id;
  }
  async read(): Promise<i32> {
    await Timer.after(Duration.millis(2));
    return this.id * 7;
  }
}

const a = new Sensor(3);
const b = new Sensor(4);
const sensors: StaticArray<Sensor | null> = [null, null, null];

async function find(k: i32): Promise<Sensor | null> {
  await Timer.after(Duration.millis(1));
  return sensors[k];
}

export const user = task(1, async (): Promise<void> => {
  sensors[1] = a;
  sensors[2] = b;
  log.infoInt("optional-chain-await bang", (await find(1))!.id);
  log.infoInt("optional-chain-await bang call", await (await find(2))!.read());
  for (let k = 0; k < 3; k++) {
    if ((await find(k)) == null) log.infoInt("optional-chain-await none", k);
    const s = await find(k);
    if (s != null) log.infoInt("optional-chain-await read", (await s.read()) + s.id);
  }
});

export function main(): void {
  user.spawn();
}
