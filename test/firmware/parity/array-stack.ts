// Parity program (test/parity/): a module-level Array<i32> made with room
// at init and emptied, then used as a stack and queue from async code
// (push within its capacity, pop, shift, unshift-free indexing, length
// writes) across awaits.
import { Timer, Duration, log, task } from "outpost";

const stack: i32[] = new Array<i32>(8);
const queue: i32[] = new Array<i32>(8);

async function sample(n: i32): Promise<i32> {
  await Timer.after(Duration.micros(100));
  return n * n - 3;
}

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < 6; i++) {
    stack.push(await sample(i));
    queue.push(i * 10 + (await sample(1)));
    if (stack.length > 3) {
      const top: i32 = stack.pop();
      const head: i32 = queue.shift();
      log.info(`array-stack ${i} popped ${top} shifted ${head} sizes ${stack.length} ${queue.length}`);
    }
  }
  let sum = 0;
  while (stack.length > 0) {
    const v: i32 = stack.pop();
    sum += v * (await sample(2));
  }
  log.info(`array-stack drained sum=${sum} queue=${queue.length} first=${queue[0]} last=${queue[queue.length - 1]}`);
  queue.length = 1;
  queue.push(await sample(3));
  log.info(`array-stack truncated ${queue.length} ${queue[0]} ${queue[1]}`);
});

export function main(): void {
  stack.length = 0;
  queue.length = 0;
  user.spawn();
}
