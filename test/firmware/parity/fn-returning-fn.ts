// Parity program (test/parity/): an async function returns an async
// function value chosen by a mode, and the caller awaits the call of the
// awaited result (`await (await pick(m))(x)`), also through a ternary of
// function values kept in a local across awaits.
import { Timer, Duration, log, task } from "outpost";

const quick = async (x: i32): Promise<i32> => {
  return x + 1;
};
const slow = async (x: i32): Promise<i32> => {
  await Timer.after(Duration.millis(4));
  return x * 2;
};

async function pick(mode: i32): Promise<(x: i32) => Promise<i32>> {
  await Timer.after(Duration.millis(1));
  return mode == 0 ? quick : slow;
}

export const user = task(1, async (): Promise<void> => {
  for (let m = 0; m < 2; m++) {
    log.infoInt("fn-returning-fn direct", await (await pick(m))(10));
    const op = m == 0 ? slow : quick;
    await Timer.after(Duration.millis(1));
    log.infoInt("fn-returning-fn kept", await op(20));
    const f = await pick(1 - m);
    log.infoInt("fn-returning-fn local", (await f(5)) + (await op(1)));
  }
});

export function main(): void {
  user.spawn();
}
