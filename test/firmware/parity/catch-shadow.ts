// Parity program (test/parity/): a catch binding nested in another catch
// with the same name (`catch (e)` inside `catch (e)`) shadows it only in
// the inner block, across awaits, and the outer binding is reassignable.
import { Timer, Duration, log, task } from "outpost";

const first = new Error("catch-shadow first");
const second = new Error("catch-shadow second");
const third = new Error("catch-shadow third");

async function fail(err: Error): Promise<void> {
  await Timer.after(Duration.millis(1));
  throw err;
}

export const user = task(1, async (): Promise<void> => {
  try {
    await fail(first);
  } catch (e) {
    try {
      await fail(second);
    } catch (e) {
      await Timer.after(Duration.millis(1));
      log.info((e as Error).message);
    }
    await Timer.after(Duration.millis(1));
    log.info((e as Error).message);
    e = third;
    await Timer.after(Duration.millis(1));
    log.info((e as Error).message);
  }
});

export function main(): void {
  user.spawn();
}
