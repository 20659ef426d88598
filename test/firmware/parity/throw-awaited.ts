// Parity program (test/parity/): an error object picked by an async call
// (`throw await pick(code)`, module-level errors made at init) is thrown,
// caught and compared with ===.
import { Timer, Duration, log, task } from "outpost";

const E_BUSY = new Error("throw-awaited busy");
const E_GONE = new Error("throw-awaited gone");

async function pick(code: i32): Promise<Error> {
  await Timer.after(Duration.millis(1));
  return code == 1 ? E_BUSY : E_GONE;
}

async function fail(code: i32): Promise<i32> {
  await Timer.after(Duration.millis(2));
  throw await pick(code);
}

export const user = task(1, async (): Promise<void> => {
  for (let code = 1; code <= 2; code++) {
    try {
      await fail(code);
    } catch (e) {
      log.info((e as Error).message);
      log.infoInt("throw-awaited is busy", e === E_BUSY ? 1 : 0);
    }
  }
});

export function main(): void {
  user.spawn();
}
