// Parity program (test/parity/): text in async code writes what array callbacks, pop and reduce, Map and Set lookups, a typed array's byteLength and generic sync functions give, without annotations.
import { Timer, Duration, log, task } from "outpost";

const xs: i32[] = [1, 2, 3, 4];
const regs = new Map<i32, i32>();
const seen = new Set<i32>();
const raw = new Uint8Array(6);

function maxOf<T>(a: T, b: T): T {
  return a > b ? a : b;
}

async function tick(n: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  return n;
}

export const user = task(1, async (): Promise<void> => {
  await tick(0);
  log.info(`text-inferred-calls callbacks ${xs.some((v: i32): bool => v > 3)} ${xs.every((v: i32): bool => v > 0)} ${xs.findIndex((v: i32): bool => v == 3)}`);
  log.info(`text-inferred-calls reduce ${xs.reduce((a: i32, v: i32): i32 => a + v, 0)} ${await tick(5)}`);
  log.info(`text-inferred-calls pop ${xs.pop()} ${xs.length}`);
  log.info(`text-inferred-calls map ${regs.has(3)} ${regs.get(3)} ${regs.size} ${seen.has(9)} ${seen.size}`);
  log.info(`text-inferred-calls generic ${maxOf<i32>(3, 4)} ${maxOf(await tick(8), 7)} ${raw.byteLength}`);
});

export function main(): void {
  regs.set(3, 7);
  seen.add(9);
  user.spawn();
}
