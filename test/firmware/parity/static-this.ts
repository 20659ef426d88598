// Parity program (test/parity/): an async static method calls the class's
// other static async methods and reads its static fields through `this`.
import { Timer, Duration, log, task } from "outpost";

class Clock {
  static ticks: i32 = 0;
  static step: i32 = 2;
  static async tick(): Promise<i32> {
    await Timer.after(Duration.millis(this.step));
    Clock.ticks++;
    return Clock.ticks;
  }
  static async twice(): Promise<i32> {
    await this.tick();
    return (await this.tick()) * 10 + this.ticks;
  }
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("static-this twice", await Clock.twice());
  Clock.step = 1;
  log.infoInt("static-this again", await Clock.twice());
});

export function main(): void {
  user.spawn();
}
