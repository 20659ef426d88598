// Parity program (test/parity/): an async helper takes a sync predicate
// and an async action as callbacks (module functions, arrows made at init,
// a method wrapped in an arrow) and polls until the predicate holds.
import { Timer, Duration, log, task } from "outpost";

let level = 0;

async function waitUntil(ready: (limit: i32) => bool, limit: i32, act: (n: i32) => Promise<i32>): Promise<i32> {
  let polls = 0;
  while (!ready(limit)) {
    polls++;
    level = await act(polls);
  }
  return polls;
}

function above(limit: i32): bool {
  return level >= limit;
}

const atLeastTwice = (limit: i32): bool => level >= limit * 2;

async function grow(n: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  return level + n;
}

class Heater {
  power: i32 = 3;
  async heat(n: i32): Promise<i32> {
    await Timer.after(Duration.millis(2));
    return level + this.power * n;
  }
}

const heater = new Heater();
const viaHeater = async (n: i32): Promise<i32> => await heater.heat(n);

export const user = task(1, async (): Promise<void> => {
  log.infoInt("callback-kinds polls", await waitUntil(above, 5, grow));
  log.infoInt("callback-kinds level", level);
  log.infoInt("callback-kinds polls", await waitUntil(atLeastTwice, 10, viaHeater));
  log.infoInt("callback-kinds level", level);
  heater.power = 1;
  log.infoInt("callback-kinds polls", await waitUntil(above, 23, viaHeater));
  log.infoInt("callback-kinds level", level);
});

export function main(): void {
  user.spawn();
}
