// Parity program (test/parity/): a connection state machine class whose
// async methods call each other (connect -> handshake -> send) while
// `this` fields change across awaits, and a failure path resets state.
import { Timer, Duration, log, task } from "outpost";

enum State { Idle, Connecting, Ready, Failed }

class Link {
  state: State = State.Idle;
  attempts: i32 = 0;
  sent: i32 = 0;
  lastError: i32 = 0;
  failUntil: i32 = 2;

  async connect(): Promise<bool> {
    this.state = State.Connecting;
    this.attempts++;
    await Timer.after(Duration.millis(2));
    if (this.attempts <= this.failUntil) {
      this.state = State.Failed;
      this.lastError = this.attempts;
      return false;
    }
    return await this.handshake();
  }

  async handshake(): Promise<bool> {
    await Timer.after(Duration.millis(1));
    this.state = State.Ready;
    return this.state == State.Ready;
  }

  async send(n: i32): Promise<i32> {
    if (this.state != State.Ready && !(await this.connect())) return -this.attempts;
    await Timer.after(Duration.millis(1));
    this.sent += n;
    if (this.sent > 10) {
      this.state = State.Idle;
    }
    return this.sent;
  }
}

const link = new Link();

export const user = task(1, async (): Promise<void> => {
  for (let i = 1; i <= 6; i++) {
    const r = await link.send(i * 2);
    log.info(`conn-fsm send ${i} -> ${r} state=${link.state} attempts=${link.attempts} err=${link.lastError}`);
  }
});

export function main(): void {
  user.spawn();
}
