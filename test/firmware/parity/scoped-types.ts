// Parity program (test/parity/): locals of one name and different types in
// nested and sibling blocks, each live across awaits, keep their own
// values; locals typed by inference from a float literal, an array
// element and a closure-captured small integer do too.
import { Timer, Duration, log, task } from "outpost";

const table: StaticArray<u8> = [200, 201, 202];
const names: StaticArray<string> = ["zero", "one"];

async function tick(): Promise<void> {
  await Timer.after(Duration.millis(1));
}

export const user = task(1, async (): Promise<void> => {
  let v: u8 = 250;
  {
    let v: i64 = -6_000_000_000;
    await tick();
    v -= 1;
    log.info(`scoped-types inner ${v}`);
  }
  await tick();
  log.info(`scoped-types outer ${v}`);
  {
    const w: string = names[1];
    await tick();
    log.info(`scoped-types a ${w}`);
  }
  {
    const w: f64 = 0.375;
    await tick();
    log.info(`scoped-types b ${w}`);
  }
  let f = 0.5;
  await tick();
  f += 0.25;
  const e = table[2];
  await tick();
  log.info(`scoped-types inferred ${f} ${e} ${e > v}`);
  let c: u8 = 10;
  const bump = async (n: u8): Promise<u8> => {
    await tick();
    c += n;
    return c;
  };
  const r = await bump(5);
  await bump(7);
  log.info(`scoped-types captured ${r} ${c}`);
});

export function main(): void {
  user.spawn();
}
