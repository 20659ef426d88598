/**
 * Ping-pong through a generic async function: the protocol of
 * bench/firmware/pingpong_async.ts, but each round trip is a call of
 * `exchange<T>(out, back, v)`, instantiated at i32 with its type argument
 * inferred. bench/pingpong_async.bench.ts compares it with the hand-written
 * futures.
 */
import { Signal, Timer, Duration, log, task } from "outpost";

const ROUNDS: i32 = 1_000_000;

const ping = new Signal<i32>("ping");
const pong = new Signal<i32>("pong");
const go = new Signal<i32>("go");
const done = new Signal<i32>("done");

/** Signals `v` on `out` and resolves to the next value on `back`. */
async function exchange<T>(out: Signal<T>, back: Signal<T>, v: T): Promise<T> {
  out.signal(v);
  return await back.wait();
}

/** Sends ping n, waits for pong n, `rounds` times per go. */
export const pinger = task(1, async (): Promise<void> => {
  while (true) {
    const rounds = await go.wait();
    let n = 0;
    while (n < rounds) n = (await exchange(ping, pong, n)) + 1;
    done.signal(n);
  }
});

/** Answers each ping with a pong. */
export const ponger = task(1, async (): Promise<void> => {
  while (true) pong.signal(await ping.wait());
});

/** One run per virtual second. */
export const driver = task(1, async (): Promise<void> => {
  let second: i64 = 1;
  while (true) {
    await Timer.at(Duration.seconds(second));
    go.signal(ROUNDS);
    log.infoInt("generic", await done.wait());
    second++;
  }
});

export function main(): void {
  pinger.spawn();
  ponger.spawn();
  driver.spawn();
}
