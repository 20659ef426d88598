// Parity program (test/parity/): tasks coordinate through module-level
// flags and counters polled with Yield.now() and timers, each seeing the
// others' writes at the instant they happen.
import { Timer, Duration, Yield, log, task } from "outpost";

let armed = false;
let shots = 0;
let stop = false;

export const trigger = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(2));
  armed = true;
  while (shots < 3) {
    await Yield.now();
    await Timer.after(Duration.millis(1));
  }
  log.infoInt("module-flags trigger saw", shots);
  await Yield.now();
  stop = true;
});

export const gun = task(2, async (id: i32): Promise<void> => {
  while (!armed) await Timer.after(Duration.millis(1));
  while (!stop) {
    shots++;
    log.infoInt("module-flags shot", id * 10 + shots);
    await Timer.after(Duration.millis(id));
  }
  log.infoInt("module-flags gun done", id);
});

export function main(): void {
  trigger.spawn();
  gun.spawn(1);
  gun.spawn(2);
}
