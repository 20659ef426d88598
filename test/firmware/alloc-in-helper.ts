// A sync helper called from a task allocates after init (an Array grows
// past what main() made room for): the panic names the call that
// allocated and the functions that led to it.
import { Duration, Timer, log, task } from "outpost";

const queue = new Array<i32>(0);

function enqueue(v: i32): void {
  queue.push(v);
}

function fill(n: i32): void {
  for (let i = 0; i < n; i++) enqueue(i);
}

export const sampler = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(1));
  fill(40);
  log.infoInt("queued", queue.length);
});

export function main(): void {
  sampler.spawn();
}
