/**
 * Ping-pong written with async syntax: the same protocol as the
 * hand-written poll futures of bench/firmware/pingpong.ts (two tasks bounce
 * a counter through two Signals), lowered by Outpost's toolchain. Its bench
 * (bench/pingpong_async.bench.ts) runs both firmwares in one process and
 * compares ns per round trip.
 *
 * Each virtual second the driver starts a run of ROUNDS round trips and
 * logs "async <n>" when the pinger reports it done.
 */
import { Signal, Timer, Duration, log, task } from "outpost";

const ROUNDS: i32 = 1_000_000;

const ping = new Signal<i32>("ping");
const pong = new Signal<i32>("pong");
const go = new Signal<i32>("go");
const done = new Signal<i32>("done");

/** Sends ping n, waits for pong n, `rounds` times per go. */
export const pinger = task(1, async (): Promise<void> => {
  while (true) {
    const rounds = await go.wait();
    let n = 0;
    while (n < rounds) {
      ping.signal(n);
      n = (await pong.wait()) + 1;
    }
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
    log.infoInt("async", await done.wait());
    second++;
  }
});

export function main(): void {
  pinger.spawn();
  ponger.spawn();
  driver.spawn();
}
