// Parity program (test/parity/): an instance getter/setter pair with side
// effects used in compound assignments, ++ and template text around awaits:
// the getter runs once before the await, the setter once after it.
import { Timer, Duration, log, task } from "outpost";

class Reg {
  private raw: i32 = 0;
  gets: i32 = 0;
  sets: i32 = 0;
  get value(): i32 {
    this.gets++;
    return this.raw;
  }
  set value(v: i32) {
    this.sets++;
    this.raw = v & 0xffff;
  }
  get flags(): u8 {
    return <u8>(this.raw & 0x0f);
  }
}

const reg = new Reg();

async function read(n: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  reg.value = reg.value + 1;
  return n;
}

export const user = task(1, async (): Promise<void> => {
  reg.value = 5;
  reg.value += await read(10);
  log.info(`accessors plus ${reg.value} gets=${reg.gets} sets=${reg.sets}`);
  reg.value <<= await read(2);
  log.info(`accessors shift ${reg.value} gets=${reg.gets} sets=${reg.sets}`);
  reg.value++;
  const before = reg.value++ + (await read(3));
  log.info(`accessors post ${before} ${reg.value} gets=${reg.gets} sets=${reg.sets}`);
  reg.value = (await read(0x1_0003)) | reg.value;
  log.info(`accessors masked ${reg.value} flags=${reg.flags} gets=${reg.gets} sets=${reg.sets}`);
  log.info(`accessors text ${reg.value} ${await read(9)} ${reg.value} ${reg.flags}`);
});

export function main(): void {
  user.spawn();
}
