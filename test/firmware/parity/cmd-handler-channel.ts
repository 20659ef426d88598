// Parity program (test/parity/): a command task handles requests from a channel, turns errors of async handlers into reply codes, and a client task retries on a busy reply.
import { Timer, Duration, Channel, log, task } from "outpost";

class BusyError extends Error {
  constructor() {
    super("cmd-handler-channel busy");
  }
}
class BadArgError extends Error {
  constructor(public arg: i32) {
    super("cmd-handler-channel bad arg");
  }
}

const requests = new Channel<i32>(2);
const replies = new Channel<i32>(2);
let busyUntil: i32 = 2;

async function doCommand(req: i32): Promise<i32> {
  await Timer.after(Duration.millis(3));
  if (busyUntil > 0) {
    busyUntil--;
    throw new BusyError();
  }
  if (req < 0) throw new BadArgError(0);
  return req * 10;
}

export const server = task(1, async (): Promise<void> => {
  for (let n = 0; n < 6; n++) {
    const req = await requests.receive();
    let reply: i32 = 0;
    try {
      reply = await doCommand(req);
    } catch (e) {
      if (e instanceof BusyError) reply = -1;
      else if (e instanceof BadArgError) reply = -2;
      else reply = -3;
    } finally {
      log.infoInt("cmd-handler-channel served", req);
    }
    await replies.send(reply);
  }
});

async function call(req: i32): Promise<i32> {
  for (let attempt = 0; attempt < 4; attempt++) {
    await requests.send(req);
    const r = await replies.receive();
    if (r != -1) return r;
    log.infoInt("cmd-handler-channel busy, retry", attempt);
    await Timer.after(Duration.millis(2 * (attempt + 1)));
  }
  throw new BusyError();
}

export const client = task(1, async (): Promise<void> => {
  log.infoInt("cmd-handler-channel r", await call(4));
  log.infoInt("cmd-handler-channel r", await call(-5));
  log.infoInt("cmd-handler-channel r", await call(7));
});

export function main(): void {
  server.spawn();
  client.spawn();
}
