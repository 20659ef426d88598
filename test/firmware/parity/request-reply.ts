// Parity program (test/parity/): a client sends requests over a Channel
// and awaits each reply on its own Signal; the server answers them in
// order, and a second client's requests queue behind the first's.
import { Timer, Duration, Channel, Signal, log, task } from "outpost";

class Request {
  arg: i32 = 0;
  constructor(public reply: Signal<i32>, public id: i32) {}
}

const requests = new Channel<Request>(1, 4, "requests");
const replyA = new Signal<i32>("replyA");
const replyB = new Signal<i32>("replyB");
const reqA = new Request(replyA, 1);
const reqB = new Request(replyB, 2);

async function call(req: Request, arg: i32): Promise<i32> {
  req.arg = arg;
  await requests.send(req);
  log.infoInt("request-reply sent", req.id * 100 + arg);
  return await req.reply.wait();
}

export const server = task(1, async (): Promise<void> => {
  for (let n = 0; n < 6; n++) {
    const req = await requests.receive();
    await Timer.after(Duration.millis(2));
    req.reply.signal(req.arg * 2 + n);
  }
});

export const client = task(2, async (req: Request, base: i32): Promise<void> => {
  for (let i = 0; i < 3; i++) {
    const r = await call(req, base + i);
    log.infoInt("request-reply got", req.id * 1000 + r);
  }
});

export function main(): void {
  server.spawn();
  client.spawn(reqA, 10);
  client.spawn(reqB, 20);
}
