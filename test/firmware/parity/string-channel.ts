// Parity program (test/parity/): constant strings sent over a Channel and a
// Signal and returned from async methods are compared with == and logged
// in template text after awaits.
import { Timer, Duration, Channel, Signal, log, task } from "outpost";

const commands = new Channel<string>(2, 4, "commands");
const status = new Signal<string>("status");

class Parser {
  async classify(cmd: string): Promise<string> {
    await Timer.after(Duration.millis(1));
    if (cmd == "on" || cmd == "off") return "switch";
    return cmd.length > 3 ? "long" : "short";
  }
}

const parser = new Parser();

export const shell = task(1, async (): Promise<void> => {
  for (let i = 0; i < 4; i++) {
    const cmd = await commands.receive();
    const kind = await parser.classify(cmd);
    log.info(`string-channel ${cmd} is ${kind}`);
    if (cmd == "off") status.signal("dark");
  }
  status.signal("done");
});

export const user = task(1, async (): Promise<void> => {
  await commands.send("on");
  await commands.send("help");
  await commands.send("off");
  log.info(`string-channel status ${await status.wait()}`);
  await commands.send("ls");
  await Timer.after(Duration.millis(3));
  log.info(`string-channel status ${await status.wait()}`);
});

export function main(): void {
  shell.spawn();
  user.spawn();
}
