/**
 * Timer storm benchmark firmware: TASKS tasks, each sleeping until a
 * random instant (seeded xorshift32) in every virtual second, ROUNDS
 * times. Window k = [k s, k+1 s) holds exactly one deadline of every task,
 * so the host (bench/timer_storm.bench.ts) times TASKS timers per virtual
 * second it runs. Each task counts deadlines it woke up late for; the last
 * task to finish a window's timer logs `window <k> late <n>`.
 */
import { Timer, Instant, Duration, log, task } from "outpost";

const TASKS: i32 = 10_000; // the sleeper pool size below
const ROUNDS: i32 = 1_000;

let seed: u32 = 2463534242;
/** xorshift32: the same sequence as bench/lib.ts's `xorshift32`. */
function random(): u32 {
  let x = seed;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  seed = x;
  return x;
}

let fired: i32 = 0;
let late: i32 = 0;

export const sleeper = task(10_000, async (): Promise<void> => {
  for (let k: i64 = 1; k <= <i64>ROUNDS; k++) {
    const at = Duration.seconds(k) + <i64>(random() % 1_000_000);
    await Timer.at(at);
    if (Instant.now() != at) late++;
    if (++fired == TASKS) {
      log.infoInt("late", late);
      fired = 0;
    }
  }
});

export function main(): void {
  for (let i = 0; i < TASKS; i++) sleeper.spawn();
}
