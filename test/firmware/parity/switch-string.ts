// Parity program (test/parity/): a switch on an awaited string picks the
// case whose text is equal, falls through and reaches default.
import { Timer, Duration, log, task } from "outpost";

const commands: StaticArray<string> = ["on", "off", "blink", "nope"];

async function command(i: i32): Promise<string> {
  await Timer.after(Duration.millis(1));
  return commands[i];
}

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < 4; i++) {
    switch (await command(i)) {
      case "on":
        log.infoInt("switch-string on", i);
        break;
      case "blink":
        log.infoInt("switch-string blink", i);
        await Timer.after(Duration.millis(2));
      case "off":
        log.infoInt("switch-string off", i);
        break;
      default:
        log.infoInt("switch-string unknown", i);
    }
  }
});

export function main(): void {
  user.spawn();
}
