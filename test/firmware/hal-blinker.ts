// Test firmware for test/hal/blinker.test.ts: the Blinker driver.
//   LED1 plays [100, 50, 200] ms twice, then logs "rounds <n>".
//   LED2 plays [10, 10] ms for ever, cancelled by a 95 ms timeout; logs "stopped".
import { Task, TaskPool, Duration, WithTimeout, log } from "outpost";
import { Output, TimerDelay } from "outpost/hal";
import { Blinker, BlinkPlay } from "outpost/drivers/blinker";
import { LED1, LED2 } from "outpost/board";

const PATTERN = StaticArray.fromArray<i32>([100, 50, 200]);
const FAST = StaticArray.fromArray<i32>([10, 10]);

class Twice extends Task {
  blinker!: Blinker;
  play: BlinkPlay | null = null;
  poll(): bool {
    if (this.play === null) this.play = this.blinker.play(PATTERN, 2);
    if (!this.play!.poll()) return false;
    log.infoInt("rounds", this.play!.value);
    return true;
  }
}
const twices = new TaskPool<Twice>("twice", 1);

class Forever extends Task {
  blinker!: Blinker;
  timed: WithTimeout<BlinkPlay> = new WithTimeout<BlinkPlay>();
  armed: bool = false;
  poll(): bool {
    if (!this.armed) {
      this.timed.of(Duration.millis(95), this.blinker.play(FAST));
      this.armed = true;
    }
    if (!this.timed.poll()) return false;
    log.info(this.timed.timedOut ? "stopped" : "finished");
    return true;
  }
}
const forevers = new TaskPool<Forever>("forever", 1);

export function main(): void {
  twices.spawn().blinker = new Blinker(new Output(LED1, "LED1"), new TimerDelay());
  forevers.spawn().blinker = new Blinker(new Output(LED2, "LED2"), new TimerDelay());
}
