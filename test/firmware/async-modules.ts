// Test firmware for test/lower/modules.test.ts: async functions, traits and
// classes imported from another module (test/firmware/async-modules-lib.ts),
// join over two async calls, and a namespace import.
import { join, log, task } from "outpost";
import { delayed, logged, SlowStore, Store } from "./async-modules-lib";
import * as lib from "./async-modules-lib";

const store = new SlowStore();

async function fill(s: Store, from: i32): Promise<void> {
  for (let i = from; i < from + 3; i++) await s.put(i);
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("delayed", await delayed(5, 3));
  await logged("logged", 6);
  await join(lib.logged("a", 1), lib.logged("b", 2));
  log.infoInt("ns", await lib.delayed(9, 1));
});

export const writer = task(1, async (from: i32): Promise<void> => {
  await fill(store, from);
  log.infoInt("total", store.total());
  await fill(store, from * 2);
  log.infoInt("total", store.total());
});

export function main(): void {
  user.spawn();
  writer.spawn(10);
}
