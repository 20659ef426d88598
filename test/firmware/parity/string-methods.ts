// Parity program (test/parity/): non-allocating string methods on strings
// returned by async functions and kept across awaits: startsWith,
// endsWith, indexOf, includes, charCodeAt, and < between strings.
import { Timer, Duration, log, task } from "outpost";

const lines: StaticArray<string> = ["AT+CSQ", "OK", "+CSQ: 17,99", "ERROR"];

async function readLine(i: i32): Promise<string> {
  await Timer.after(Duration.millis(1));
  return lines[i];
}

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < lines.length; i++) {
    const s = await readLine(i);
    const code = s.charCodeAt(0);
    const comma = s.indexOf(",");
    await Timer.after(Duration.millis(1));
    log.info(`string-methods ${i} at=${s.startsWith("AT")} ok=${s.endsWith("OK")} comma=${comma} code=${code} csq=${s.includes("CSQ")}`);
  }
  const a = await readLine(1);
  const b = await readLine(3);
  log.info(`string-methods order ${a < b} ${b < a} ${a == "OK"} ${a != b}`);
});

export function main(): void {
  user.spawn();
}
