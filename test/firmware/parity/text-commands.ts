// Parity program (test/parity/): text commands from a table of strings are
// tokenised with charCodeAt and length inside an async loop (name hash,
// decimal arguments), dispatched with a switch on the hash, and answered
// with template text holding awaited values and string fields.
import { Timer, Duration, log, task } from "outpost";

const lines: StaticArray<string> = ["SET 3 120", "GET 3", "ADD 3 -20", "GET 3", "PING", "SET 9 1", "BOGUS 1"];
const regs: StaticArray<i32> = [0, 0, 0, 0, 0, 0, 0, 0];

class Reply {
  status: string = "ok";
  value: i32 = 0;
}
const reply = new Reply();

function hashName(s: string, end: i32): i32 {
  let h = 5381;
  for (let i = 0; i < end; i++) h = ((h << 5) + h + s.charCodeAt(i)) & 0xffff;
  return h;
}

async function bus(reg: i32, v: i32, write: bool): Promise<i32> {
  await Timer.after(Duration.micros(400));
  if (reg > 7) {
    reply.status = "range";
    return -1;
  }
  if (write) regs[reg] = v;
  reply.status = "ok";
  return regs[reg];
}

const H_SET = hashName("SET", 3);
const H_GET = hashName("GET", 3);
const H_ADD = hashName("ADD", 3);
const H_PING = hashName("PING", 4);
const args: StaticArray<i32> = [0, 0];

export const user = task(1, async (): Promise<void> => {
  for (const line of lines) {
    let end = 0;
    while (end < line.length && line.charCodeAt(end) != 32) end++;
    const h = hashName(line, end);
    let argc = 0;
    let i = end + 1;
    while (i < line.length && argc < 2) {
      let neg = false;
      let v = 0;
      if (line.charCodeAt(i) == 45) {
        neg = true;
        i++;
      }
      while (i < line.length && line.charCodeAt(i) != 32) v = v * 10 + (line.charCodeAt(i++) - 48);
      args[argc++] = neg ? -v : v;
      i++;
      await Timer.after(Duration.micros(20));
    }
    switch (h) {
      case H_SET:
        reply.value = await bus(args[0], args[1], true);
        break;
      case H_GET:
        reply.value = await bus(args[0], 0, false);
        break;
      case H_ADD:
        reply.value = await bus(args[0], (await bus(args[0], 0, false)) + args[1], true);
        break;
      case H_PING:
        reply.status = "pong";
        reply.value = argc;
        break;
      default:
        reply.status = "unknown";
        reply.value = h;
    }
    log.info(`text-commands "${line}" len=${line.length} argc=${argc} -> ${reply.status} ${reply.value}`);
  }
});

export function main(): void {
  user.spawn();
}
