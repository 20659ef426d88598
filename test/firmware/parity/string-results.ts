// Parity program (test/parity/): string values (constants, picked by a
// condition) passed to and returned from async functions, kept across
// awaits and compared with ===, log as the same text.
import { Timer, Duration, log, task } from "outpost";

const states: StaticArray<string> = ["idle", "busy", "done"];

async function next(state: string): Promise<string> {
  await Timer.after(Duration.millis(2));
  if (state === "idle") return "busy";
  if (state == "busy") return states[2];
  return state;
}

async function describe(code: i32): Promise<string> {
  await Timer.after(Duration.millis(1));
  return code > 0 ? "positive" : code < 0 ? "negative" : "zero";
}

export const user = task(1, async (): Promise<void> => {
  let s = states[0];
  for (let i = 0; i < 3; i++) {
    const before = s;
    s = await next(s);
    log.info(`string-results ${before} -> ${s} same=${before === s ? 1 : 0}`);
  }
  const label = await describe(-4);
  await Timer.after(Duration.millis(1));
  log.info("string-results " + label);
  log.info(`string-results ${await describe(0)} ${(await describe(3)).length}`);
});

export function main(): void {
  user.spawn();
}
