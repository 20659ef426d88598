// Parity program (test/parity/): a state machine class over an enum whose
// async run() loops on a select between an event Signal and a per-state
// timer, with async entry actions per state, while a second task drives
// the events.
import { Timer, Duration, Signal, select, log, task } from "outpost";

enum DoorState {
  Closed,
  Opening,
  Open,
  Closing,
  Fault = 9,
}

enum Ev {
  Button = 1,
  Obstacle = 2,
  Stop = 3,
}

const events = new Signal<Ev>("door events");

class Door {
  state: DoorState = DoorState.Closed;
  transitions: i32 = 0;
  motorOn: bool = false;
  lastEvent: Ev = Ev.Stop;

  get timeoutMs(): i32 {
    switch (this.state) {
      case DoorState.Opening:
      case DoorState.Closing:
        return 4;
      case DoorState.Open:
        return 10;
      default:
        return 50;
    }
  }

  private async motor(on: bool): Promise<void> {
    await Timer.after(Duration.micros(200));
    this.motorOn = on;
  }

  private async enter(next: DoorState): Promise<void> {
    const from = this.state;
    this.state = next;
    this.transitions++;
    if (next == DoorState.Opening || next == DoorState.Closing) await this.motor(true);
    else if (this.motorOn) await this.motor(false);
    log.info(`door-fsm ${from} -> ${next} motor=${this.motorOn} n=${this.transitions}`);
  }

  async run(): Promise<i32> {
    while (this.state != DoorState.Fault) {
      const w = await select(events.wait(), Timer.after(Duration.millis(this.timeoutMs)));
      if (w == 0) {
        const ev = events.value;
        this.lastEvent = ev;
        if (ev == Ev.Stop) {
          await this.enter(DoorState.Fault);
          break;
        }
        switch (this.state) {
          case DoorState.Closed:
            if (ev == Ev.Button) await this.enter(DoorState.Opening);
            break;
          case DoorState.Open:
            if (ev == Ev.Button) await this.enter(DoorState.Closing);
            break;
          case DoorState.Closing:
            if (ev == Ev.Obstacle) await this.enter(DoorState.Opening);
            break;
          default:
            log.info(`door-fsm ignored ${ev} in ${this.state}`);
        }
      } else {
        switch (this.state) {
          case DoorState.Opening:
            await this.enter(DoorState.Open);
            break;
          case DoorState.Open:
            await this.enter(DoorState.Closing);
            break;
          case DoorState.Closing:
            await this.enter(DoorState.Closed);
            break;
          default:
            log.info(`door-fsm idle in ${this.state}`);
        }
      }
    }
    return this.transitions;
  }
}

const door = new Door();

export const controller = task(1, async (): Promise<void> => {
  const n = await door.run();
  log.info(`door-fsm stopped after ${n} transitions, last event ${door.lastEvent}, motor=${door.motorOn}`);
});

export const panel = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(3));
  events.signal(Ev.Button); // closed -> opening
  await Timer.after(Duration.millis(2));
  events.signal(Ev.Button); // ignored while opening
  await Timer.after(Duration.millis(20)); // open -> closing by timeout
  await Timer.after(Duration.millis(1));
  events.signal(Ev.Obstacle); // closing -> opening
  await Timer.after(Duration.millis(6));
  events.signal(Ev.Button); // open -> closing
  await Timer.after(Duration.millis(70));
  events.signal(Ev.Stop);
});

export function main(): void {
  controller.spawn();
  panel.spawn();
}
