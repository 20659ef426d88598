// Parity program (test/parity/): status bit flags as an enum (members made
// from other members, a const enum of opcodes), combined and tested with
// masks across awaits, passed to and returned from async functions, and
// used as StaticArray indexes and switch cases.
import { Timer, Duration, log, task } from "outpost";

enum Flag {
  None = 0,
  Ready = 1,
  Busy = 2,
  Error = 4,
  Overrun = 8,
  Fault = Flag.Error | Flag.Overrun,
}

const enum Op {
  Poll = 0,
  Clear = 1,
  Inject = 2,
}

const names: StaticArray<string> = ["poll", "clear", "inject"];
const ops: StaticArray<i32> = [Op.Poll, Op.Inject, Op.Poll, Op.Clear, Op.Poll, Op.Inject, Op.Inject, Op.Poll];
let hw: i32 = Flag.Ready;

async function status(): Promise<Flag> {
  await Timer.after(Duration.micros(200));
  return <Flag>hw;
}

async function apply(op: Op, cur: Flag): Promise<Flag> {
  await Timer.after(Duration.micros(100));
  switch (op) {
    case Op.Clear:
      return cur & ~Flag.Fault;
    case Op.Inject:
      return (cur & Flag.Error) != 0 ? cur | Flag.Overrun : cur | Flag.Error;
    default:
      return cur ^ Flag.Busy;
  }
}

export const user = task(1, async (): Promise<void> => {
  let faults = 0;
  let seen: Flag = Flag.None;
  for (const o of ops) {
    const before = await status();
    hw = await apply(<Op>o, before);
    seen |= <Flag>hw;
    const fault = (hw & Flag.Fault) != 0;
    if ((hw & Flag.Fault) == Flag.Fault) faults++;
    log.info(`enum-flags ${names[o]} ${before} -> ${hw} fault=${fault} busy=${(hw & Flag.Busy) == Flag.Busy}`);
  }
  log.info(`enum-flags seen=${seen} faults=${faults} ready=${(seen & Flag.Ready) != 0}`);
});

export function main(): void {
  user.spawn();
}
