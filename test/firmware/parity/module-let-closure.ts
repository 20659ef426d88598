// Parity program (test/parity/): a module-level `let` holding an async arrow, with or without a type, can be given another async function later, as any let can; one never given another is called by two tasks at once.
import { Timer, Duration, log, task } from "outpost";

let handler: (n: i32) => Promise<i32> = async (n: i32): Promise<i32> => n;
export let scale = async (n: i32): Promise<i32> => {
  await Timer.after(Duration.millis(2));
  return n * 2;
};

let work = async (n: i32): Promise<i32> => {
  await Timer.after(Duration.millis(5));
  return n * 7;
};

export const helper = task(1, async (): Promise<void> => {
  log.infoInt("module-let-closure helper work", await work(2));
});

async function triple(n: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  return n * 3;
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("module-let-closure work", await work(1));
  log.infoInt("module-let-closure handler", await handler(4));
  log.infoInt("module-let-closure scale", await scale(4));
  scale = async (n: i32): Promise<i32> => n + 1;
  log.infoInt("module-let-closure scale again", await scale(4));
  scale = triple;
  log.infoInt("module-let-closure scale named", await scale(4));
});

export function main(): void {
  handler = async (n: i32): Promise<i32> => {
    await Timer.after(Duration.millis(1));
    return n * 10;
  };
  user.spawn();
  helper.spawn();
}
