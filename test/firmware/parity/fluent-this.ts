// Parity program (test/parity/): async methods that return `this` are
// chained: an awaited call's result is the receiver of the next await.
import { Timer, Duration, log, task } from "outpost";

class Radio {
  channel: i32 = 0;
  power: i32 = 1;
  retries: i32 = 5;
  async tune(ch: i32): Promise<Radio> {
    await Timer.after(Duration.millis(1));
    this.channel = ch;
    return this;
  }
  async boost(by: i32): Promise<Radio> {
    await Timer.after(Duration.millis(2));
    this.power += by;
    return this;
  }
  async send(tries: i32 = 2): Promise<i32> {
    await Timer.after(Duration.millis(tries));
    return this.channel * 100 + this.power * 10 + tries;
  }
}

const radio = new Radio();

export const user = task(1, async (): Promise<void> => {
  const r = await (await radio.tune(4)).boost(2);
  log.infoInt("fluent-this sent", await r.send());
  log.infoInt("fluent-this chained", await (await (await radio.tune(7)).boost(1)).send(1));
  log.infoInt("fluent-this again", await (await radio.boost(3)).send(radio.retries));
});

export function main(): void {
  user.spawn();
}
