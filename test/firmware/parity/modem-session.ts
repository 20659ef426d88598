// Parity program (test/parity/): an AT-command modem session: each command
// is sent and its reply awaited with a select between a Channel receive and
// a timeout, retried on silence; calls nest three deep through async
// methods; a withTimeout around the whole session cancels it mid-command,
// and the session's finally awaits a hang-up before the timeout completes.
import { Timer, Duration, Channel, select, withTimeout, log, task } from "outpost";

const OK: i32 = 0;
const ERR: i32 = 1;

class ModemError extends Error {
  constructor(public cmd: i32) {
    super("modem-session command failed");
  }
}
const E_CMD = new ModemError(0);

const replies = new Channel<i32>(2, 4, "replies");

class Modem {
  sent: i32 = 0;
  online: bool = false;
  silentFor: i32 = 0;

  private async send(cmd: i32): Promise<void> {
    this.sent++;
    await Timer.after(Duration.micros(500));
    log.info(`modem-session tx AT+${cmd.toString(16)} #${this.sent}`);
  }

  async command(cmd: i32, tries: i32): Promise<i32> {
    for (let t = 1; t <= tries; t++) {
      await this.send(cmd);
      const r = replies.receive();
      if ((await select(r, Timer.after(Duration.millis(3)))) == 0) {
        if (r.value == ERR) {
          E_CMD.cmd = cmd;
          throw E_CMD;
        }
        return t;
      }
      log.info(`modem-session silence on ${cmd} try ${t}`);
    }
    return -1;
  }

  async session(cmds: StaticArray<i32>): Promise<i32> {
    let done = 0;
    try {
      for (let i = 0; i < cmds.length; i++) {
        const tries = await this.command(cmds[i], 2);
        if (tries < 0) return done;
        done++;
      }
      this.online = true;
      return done;
    } finally {
      log.info(`modem-session hanging up after ${done} online=${this.online}`);
      await this.send(0xff);
      this.online = false;
    }
  }
}

const modem = new Modem();
const boot: StaticArray<i32> = [0x10, 0x2a, 0x3b];
const dial: StaticArray<i32> = [0x10, 0x44, 0x45, 0x46];

export const host = task(1, async (): Promise<void> => {
  log.infoInt("modem-session boot", await modem.session(boot));
  try {
    await modem.session(dial);
  } catch (e) {
    log.info(`modem-session failed on ${(e as ModemError).cmd} sent=${modem.sent}`);
  }
  const t = withTimeout(Duration.millis(6), modem.session(boot));
  await t;
  log.info(`modem-session timed out ${t.timedOut} online=${modem.online} sent=${modem.sent}`);
});

const script: StaticArray<i32> = [OK, OK, -1, OK, OK, ERR, -1, OK];

export const device = task(1, async (): Promise<void> => {
  for (let i = 0; i < script.length; i++) {
    await Timer.after(Duration.millis(2));
    if (script[i] >= 0) await replies.send(script[i]);
  }
});

export function main(): void {
  host.spawn();
  device.spawn();
}
