// Parity program (test/parity/): a state machine class whose async step()
// switches on an enum field, with awaits in several cases, falls through
// one case and changes the field across awaits; two machines interleave.
import { Timer, Duration, log, task } from "outpost";

enum Link {
  Down,
  Probing,
  Up,
  Failed,
}

class Connection {
  state: Link = Link.Down;
  tries: i32 = 0;

  constructor(public id: i32, public failAt: i32) {}

  async step(): Promise<bool> {
    switch (this.state) {
      case Link.Down:
        await Timer.after(Duration.millis(this.id));
        this.state = Link.Probing;
        return true;
      case Link.Probing: {
        this.tries++;
        await Timer.after(Duration.millis(2));
        if (this.tries == this.failAt) {
          this.state = Link.Failed;
          return true;
        }
        if (this.tries < 2) return true;
        this.state = Link.Up;
      }
      // falls through: an Up link reports at once
      case Link.Up:
        await Timer.after(Duration.millis(1));
        log.infoInt("state-step up", this.id * 10 + this.tries);
        return false;
      default:
        log.infoInt("state-step failed", this.id);
        this.state = Link.Down;
        this.tries = 0;
        this.failAt = 0;
        return true;
    }
  }
}

const a = new Connection(1, 0);
const b = new Connection(3, 1);

export const runner = task(2, async (c: Connection): Promise<void> => {
  let steps = 0;
  while (await c.step()) {
    steps++;
    log.infoInt("state-step state", c.id * 100 + <i32>c.state);
  }
  log.infoInt("state-step steps", c.id * 100 + steps);
});

export function main(): void {
  runner.spawn(a);
  runner.spawn(b);
}
