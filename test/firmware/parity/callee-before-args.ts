// Parity program (test/parity/): a function held in a variable, a field, an array element or a namespace let is read before an awaited argument, so a change made while awaiting does not call the new function.
import { Timer, Duration, log, task } from "outpost";

function twice(n: i32): i32 {
  return n * 2;
}
function thrice(n: i32): i32 {
  return n * 3;
}

let handler: (n: i32) => i32 = twice;

class Dev {
  cb: (n: i32) => i32 = twice;
}
const dev = new Dev();
const ops: StaticArray<(n: i32) => i32> = [twice, twice];

namespace Hooks {
  export let on: (n: i32) => i32 = twice;
}

async function swap(n: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  handler = thrice;
  dev.cb = thrice;
  ops[0] = thrice;
  Hooks.on = thrice;
  return n;
}

function reset(): void {
  handler = twice;
  dev.cb = twice;
  ops[0] = twice;
  Hooks.on = twice;
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("callee-before-args variable", handler(await swap(7)));
  reset();
  log.infoInt("callee-before-args field", dev.cb(await swap(7)));
  reset();
  log.infoInt("callee-before-args element", ops[0](await swap(7)));
  reset();
  log.infoInt("callee-before-args namespace", Hooks.on(await swap(7)));
  let local: (n: i32) => i32 = twice;
  const change = async (n: i32): Promise<i32> => {
    await Timer.after(Duration.millis(1));
    local = thrice;
    return n;
  };
  log.infoInt("callee-before-args local", local(await change(7)));
  log.infoInt("callee-before-args after", handler(1) + dev.cb(1) + ops[0](1) + Hooks.on(1) + local(1));
});

export function main(): void {
  user.spawn();
}
