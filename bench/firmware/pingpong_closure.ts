/**
 * Ping-pong through an async closure: the protocol of
 * bench/firmware/pingpong_async.ts, but each round trip is a call of an
 * async arrow that captures the pinger's signals (`exchange(n)`), stored in
 * a variable and called through its value. bench/pingpong_async.bench.ts
 * compares it with the hand-written futures.
 */
import { Signal, Timer, Duration, log, task } from "outpost";

const ROUNDS: i32 = 1_000_000;

const ping = new Signal<i32>("ping");
const pong = new Signal<i32>("pong");
const go = new Signal<i32>("go");
const done = new Signal<i32>("done");

/** Sends ping n, waits for pong n, through a closure, `rounds` times per go. */
export const pinger = task(1, async (): Promise<void> => {
  const out = ping;
  const back = pong;
  const exchange = async (n: i32): Promise<i32> => {
    out.signal(n);
    return (await back.wait()) + 1;
  };
  while (true) {
    const rounds = await go.wait();
    let n = 0;
    while (n < rounds) n = await exchange(n);
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
    log.infoInt("closure", await done.wait());
    second++;
  }
});

export function main(): void {
  pinger.spawn();
  ponger.spawn();
  driver.spawn();
}
