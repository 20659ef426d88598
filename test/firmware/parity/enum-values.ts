// Parity program (test/parity/): enum and const enum values returned by
// async functions, kept in locals and fields across awaits, compared,
// switched on and written into text as the numbers they are.
import { Timer, Duration, log, task } from "outpost";

enum Mode {
  Off,
  Low = 5,
  High,
}

const enum Cmd {
  Stop = 10,
  Go = 20,
}

class Fan {
  mode: Mode = Mode.Off;
  async set(m: Mode): Promise<Mode> {
    const prev = this.mode;
    await Timer.after(Duration.millis(1));
    this.mode = m;
    return prev;
  }
}

async function decide(level: i32): Promise<Cmd> {
  await Timer.after(Duration.millis(1));
  return level > 2 ? Cmd.Go : Cmd.Stop;
}

const fan = new Fan();
const modes: StaticArray<Mode> = [Mode.Low, Mode.High, Mode.Off];

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < 3; i++) {
    const want = modes[i];
    const prev = await fan.set(want);
    const cmd = await decide(i * 2);
    await Timer.after(Duration.millis(1));
    log.info(`enum-values ${i} prev=${prev} now=${fan.mode} cmd=${cmd} high=${fan.mode == Mode.High}`);
    switch (cmd) {
      case Cmd.Go:
        log.infoInt("enum-values go", <i32>want);
        break;
      case Cmd.Stop:
        log.infoInt("enum-values stop", <i32>prev);
        break;
    }
  }
  const c: Cmd = await decide(9);
  log.infoInt("enum-values last", c === Cmd.Go ? 1 : 0);
});

export function main(): void {
  user.spawn();
}
