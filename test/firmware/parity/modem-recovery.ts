// Parity program (test/parity/): a modem driver recovers from command errors and timeouts with retries, power cycles after repeated failures, and reports through a channel to a supervisor task.
import { Timer, Duration, Channel, Signal, withTimeout, select, log, task } from "outpost";

const enum Reply { Ok, Error, Silent }

class ModemError extends Error {
  constructor(public kind: i32) {
    super("modem-recovery modem");
  }
}
const E_CMD = new ModemError(1);
const E_NORESP = new ModemError(2);
const E_DEAD = new ModemError(3);

const script: StaticArray<i32> = [Reply.Ok, Reply.Error, Reply.Silent, Reply.Ok, Reply.Silent, Reply.Silent, Reply.Silent, Reply.Ok, Reply.Error, Reply.Ok];
let step: i32 = 0;
let powerCycles: i32 = 0;
const events = new Channel<i32>(4);
const stop = new Signal<i32>();

async function exchange(cmd: i32): Promise<i32> {
  const r = step < script.length ? script[step] : Reply.Ok;
  step++;
  if (r == Reply.Silent) {
    await Timer.after(Duration.millis(100));
    return -1;
  }
  await Timer.after(Duration.millis(3));
  if (r == Reply.Error) throw E_CMD;
  return cmd * 2;
}

async function command(cmd: i32): Promise<i32> {
  const t = withTimeout(Duration.millis(10), exchange(cmd));
  await t;
  if (t.timedOut) throw E_NORESP;
  return t.inner!.value;
}

async function powerCycle(): Promise<void> {
  powerCycles++;
  try {
    await Timer.after(Duration.millis(5));
  } finally {
    log.infoInt("modem-recovery power cycled", powerCycles);
  }
}

async function robust(cmd: i32): Promise<i32> {
  let silent: i32 = 0;
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      return await command(cmd);
    } catch (e) {
      const kind = (e as ModemError).kind;
      await events.send(kind);
      if (kind == 2) {
        silent++;
        if (silent == 2) {
          await powerCycle();
          silent = 0;
        }
      } else {
        await Timer.after(Duration.millis(2));
      }
    }
  }
  throw E_DEAD;
}

export const driver = task(1, async (): Promise<void> => {
  for (let c = 1; c <= 4; c++) {
    try {
      log.infoInt("modem-recovery reply", await robust(c));
    } catch (e) {
      log.infoInt("modem-recovery gave up on", c);
    }
  }
  stop.signal(1);
});

export const supervisor = task(1, async (): Promise<void> => {
  let errors: i32 = 0;
  while (true) {
    const ev = events.receive();
    const s = stop.wait();
    const w = await select(ev, s);
    if (w == 1) break;
    errors++;
    log.infoInt("modem-recovery event", ev.value);
  }
  log.infoInt("modem-recovery errors seen", errors);
});

export function main(): void {
  driver.spawn();
  supervisor.spawn();
}
