// Parity program (test/parity/): an async method's default parameter reads
// a field of `this` when the call leaves it out, at the time of the call.
import { Timer, Duration, log, task } from "outpost";

class Radio {
  retries: i32 = 2;
  async send(tries: i32 = this.retries): Promise<i32> {
    await Timer.after(Duration.millis(tries));
    return tries;
  }
}

const radio = new Radio();

export const user = task(1, async (): Promise<void> => {
  log.infoInt("default-this first", await radio.send());
  radio.retries = 5;
  log.infoInt("default-this second", await radio.send());
  log.infoInt("default-this given", await radio.send(1));
});

export function main(): void {
  user.spawn();
}
