// Parity program (test/parity/): a three-level class chain where each
// override awaits its parent's method through `super` between its own
// awaits, called through a base-class reference.
import { Timer, Duration, log, task } from "outpost";

class Base {
  async step(x: i32): Promise<i32> {
    await Timer.after(Duration.millis(1));
    log.infoInt("super-chain base", x);
    return x + 1;
  }
}

class Middle extends Base {
  override async step(x: i32): Promise<i32> {
    await Timer.after(Duration.millis(2));
    const r = await super.step(x * 2);
    log.infoInt("super-chain middle", r);
    return r * 10;
  }
}

class Top extends Middle {
  override async step(x: i32): Promise<i32> {
    const r = await super.step(x + 3);
    await Timer.after(Duration.millis(3));
    log.infoInt("super-chain top", r);
    return r + 5;
  }
}

const objects: StaticArray<Base> = [new Base(), new Middle(), new Top()];

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < 3; i++) log.infoInt("super-chain result", await objects[i].step(i + 1));
});

export function main(): void {
  user.spawn();
}
