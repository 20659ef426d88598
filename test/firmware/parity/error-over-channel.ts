// Parity program (test/parity/): a worker task catches its errors and sends them over a Channel<Error>; the supervisor rethrows each in its own async function and catches it by class.
import { Timer, Duration, Channel, log, task } from "outpost";

class SensorFault extends Error {
  constructor(public id: i32) {
    super("error-over-channel sensor fault");
  }
}
class Overheat extends Error {
  constructor() {
    super("error-over-channel overheat");
  }
}
const OK = new Error("error-over-channel ok");

const faults = new Channel<Error>(2);

async function sample(i: i32): Promise<i32> {
  await Timer.after(Duration.millis(2));
  if (i == 1) throw new SensorFault(7);
  if (i == 3) throw new Overheat();
  return i;
}

export const worker = task(1, async (): Promise<void> => {
  for (let i = 0; i < 4; i++) {
    try {
      await sample(i);
      await faults.send(OK);
    } catch (e) {
      await faults.send(e as Error);
    }
  }
});

async function check(e: Error): Promise<void> {
  await Timer.after(Duration.millis(1));
  if (e !== OK) throw e;
}

export const supervisor = task(1, async (): Promise<void> => {
  for (let i = 0; i < 4; i++) {
    const e = await faults.receive();
    try {
      await check(e);
      log.infoInt("error-over-channel ok", i);
    } catch (err) {
      if (err instanceof SensorFault) log.infoInt("error-over-channel sensor", (err as SensorFault).id);
      else if (err instanceof Overheat) log.info((err as Error).message);
    }
  }
});

export function main(): void {
  worker.spawn();
  supervisor.spawn();
}
