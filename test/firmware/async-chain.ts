// Test firmware for test/lower/chains.test.ts: await chains. Task waiter is
// parked for ever three calls deep (waiter → outer → inner → a Signal), and
// task sampler's error escapes it from two calls deep, so its panic shows
// the chain of the throw.
import { Timer, Duration, Signal, log, task } from "outpost";

const never = new Signal<i32>("never");

class SensorError extends Error {
  constructor() {
    super("sensor failed");
  }
}

async function inner(): Promise<i32> {
  return await never.wait();
}

async function outer(): Promise<i32> {
  const v = await inner();
  return v + 1;
}

async function readRaw(n: i32): Promise<i32> {
  await Timer.after(Duration.millis(n));
  if (n > 2) throw new SensorError();
  return n;
}

async function sample(n: i32): Promise<i32> {
  const v = await readRaw(n);
  return v * 2;
}

export const waiter = task(1, async (): Promise<void> => {
  log.infoInt("never", await outer());
});

export const sampler = task(1, async (): Promise<void> => {
  for (let i = 1; i < 5; i++) log.infoInt("sample", await sample(i));
});

export function main(): void {
  waiter.spawn();
  sampler.spawn();
}
