// Parity program (test/parity/): two tasks take turns through two Signals,
// each waiting for the other's value before answering, with work between
// turns.
import { Timer, Duration, Signal, log, task } from "outpost";

const ping = new Signal<i32>("ping");
const pong = new Signal<i32>("pong");

export const pinger = task(1, async (): Promise<void> => {
  let v = 1;
  for (let i = 0; i < 4; i++) {
    ping.signal(v);
    v = await pong.wait();
    log.infoInt("signal-ping-pong pinger got", v);
    await Timer.after(Duration.millis(1));
  }
});

export const ponger = task(1, async (): Promise<void> => {
  for (let i = 0; i < 4; i++) {
    const v = await ping.wait();
    log.infoInt("signal-ping-pong ponger got", v);
    await Timer.after(Duration.millis(2));
    pong.signal(v * 2 + 1);
  }
});

export function main(): void {
  pinger.spawn();
  ponger.spawn();
}
