// Parity program (test/parity/): a fixed-point (Q8) PI controller class
// whose async step reads a plant, clamps its integral with a generic-free
// helper, and takes new setpoints from a Signal checked with select
// against its period timer.
import { Timer, Duration, Signal, select, log, task } from "outpost";

const setpoint = new Signal<i32>("setpoint");

class Plant {
  level: i32 = 0;
  async read(): Promise<i32> {
    await Timer.after(Duration.micros(200));
    return this.level;
  }
  drive(u: i32): void {
    this.level += (u - this.level) >> 2;
  }
}

function clampI(v: i32, lim: i32): i32 {
  return v > lim ? lim : v < -lim ? -lim : v;
}

class PI {
  integ: i32 = 0;
  target: i32 = 0;
  steps: i32 = 0;
  constructor(private kp: i32, private ki: i32) {}
  async step(p: Plant): Promise<i32> {
    const err = this.target - (await p.read());
    this.integ = clampI(this.integ + err, 4000);
    const u = (this.kp * err + this.ki * this.integ) >> 8;
    p.drive(u);
    this.steps++;
    return err;
  }
}

const plant = new Plant();
const ctl = new PI(512, 64);

export const controller = task(1, async (): Promise<void> => {
  for (let i = 0; i < 14; i++) {
    const which = await select(setpoint.wait(), Timer.after(Duration.millis(1)));
    if (which == 0) {
      ctl.target = setpoint.value;
      log.info(`pid-fixed new target ${ctl.target} at step ${ctl.steps}`);
    }
    const err = await ctl.step(plant);
    log.info(`pid-fixed ${i} err=${err} integ=${ctl.integ} level=${plant.level}`);
  }
});

export const operator = task(1, async (): Promise<void> => {
  await Timer.after(Duration.micros(2500));
  setpoint.signal(1000);
  await Timer.after(Duration.micros(6100));
  setpoint.signal(-300);
});

export function main(): void {
  controller.spawn();
  operator.spawn();
}
