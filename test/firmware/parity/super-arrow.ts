// Parity program (test/parity/): an override makes an async arrow that
// calls the parent's method through `super` and passes it to a helper,
// which calls it twice.
import { Timer, Duration, log, task } from "outpost";

async function twice(f: (n: i32) => Promise<i32>, n: i32): Promise<i32> {
  const a = await f(n);
  return a + (await f(n + 1));
}

class Base {
  async read(n: i32): Promise<i32> {
    await Timer.after(Duration.millis(1));
    return n;
  }
}

class Child extends Base {
  override async read(n: i32): Promise<i32> {
    const viaSuper = async (k: i32): Promise<i32> => (await super.read(k)) * 10;
    return await twice(viaSuper, n);
  }
}

const base: Base = new Base();
const child: Base = new Child();

export const user = task(1, async (): Promise<void> => {
  log.infoInt("super-arrow base", await base.read(1));
  log.infoInt("super-arrow child", await child.read(2));
});

export function main(): void {
  user.spawn();
}
