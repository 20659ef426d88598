// Parity program (test/parity/): strings kept in fields and locals across
// awaits, returned by async methods, switched on, compared with == and
// measured with .length.
import { Timer, Duration, log, task } from "outpost";

class Modem {
  state: string = "off";
  last: string = "";
  async command(cmd: string): Promise<string> {
    await Timer.after(Duration.millis(1));
    this.last = cmd;
    switch (cmd) {
      case "AT":
        return "OK";
      case "ATD":
        this.state = "dialing";
        return "CONNECT";
      case "ATH":
        this.state = "idle";
        return "NO CARRIER";
    }
    return "ERROR";
  }
  async status(): Promise<string> {
    await Timer.after(Duration.millis(1));
    return this.state;
  }
}

const modem = new Modem();
const script: StaticArray<string> = ["AT", "ATD", "ATX", "ATH"];

export const user = task(1, async (): Promise<void> => {
  let total = 0;
  for (let i = 0; i < script.length; i++) {
    const cmd = script[i];
    const reply = await modem.command(cmd);
    total += reply.length;
    const ok = reply == "OK" || reply == "CONNECT";
    log.info(`string-fields ${cmd} -> ${reply} (${reply.length}) ok=${ok} last=${modem.last} state=${await modem.status()}`);
    switch (reply) {
      case "NO CARRIER":
        log.info("string-fields hung up");
        break;
      case "ERROR":
        log.info(`string-fields bad ${cmd.length}`);
        break;
      default:
        log.info("string-fields fine");
    }
  }
  const s = await modem.status();
  await Timer.after(Duration.millis(1));
  log.infoInt("string-fields total", total);
  log.infoInt("string-fields idle", s == "idle" ? 1 : 0);
  log.infoInt("string-fields same", s === modem.state ? 1 : 0);
});

export function main(): void {
  user.spawn();
}
