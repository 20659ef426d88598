// Parity program (test/parity/): Error subclasses without their own
// constructor, thrown with and without a message, and errors returned as
// values (Promise<Error | null>) from an async method that catches them.
import { Timer, Duration, log, task } from "outpost";

class Timeout extends Error {}
class Refused extends Timeout {}

const GENERIC = new Error("generic");

async function attempt(n: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  if (n == 1) throw new Timeout();
  if (n == 2) throw new Refused("refused by peer");
  if (n == 3) throw GENERIC;
  return n;
}

class Client {
  async tryOnce(n: i32): Promise<Error | null> {
    try {
      await attempt(n);
      return null;
    } catch (e) {
      return e as Error;
    }
  }
}

const client = new Client();

export const user = task(1, async (): Promise<void> => {
  for (let n = 0; n < 4; n++) {
    const err = await client.tryOnce(n);
    if (err == null) log.infoInt("error-values ok", n);
    else if (err instanceof Refused) log.info(`error-values refused ${err.message}`);
    else if (err instanceof Timeout) log.info(`error-values timeout [${err.message}]`);
    else log.info(`error-values other ${err === GENERIC ? "same" : "copy"} ${err.message}`);
  }
});

export function main(): void {
  user.spawn();
}
