// Test firmware for the conformance suite's await chains: two tasks that
// wait for each other three calls deep (each receives before it sends), so
// the deadlock report and --inspect show each task's whole chain.
import { Signal, log, task } from "outpost";

const toPing = new Signal<i32>("toPing");
const toPong = new Signal<i32>("toPong");

async function receive(from: Signal<i32>): Promise<i32> {
  return await from.wait();
}

async function exchange(from: Signal<i32>, to: Signal<i32>, value: i32): Promise<i32> {
  const got = await receive(from);
  to.signal(value);
  return got;
}

export const ping = task(1, async (): Promise<void> => {
  log.infoInt("ping got", await exchange(toPing, toPong, 1));
});

export const pong = task(1, async (): Promise<void> => {
  log.infoInt("pong got", await exchange(toPong, toPing, 2));
});

export function main(): void {
  ping.spawn();
  pong.spawn();
}
