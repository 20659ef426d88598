// Parity program (test/parity/): an interface with async methods is
// implemented by three classes; a transport is chosen at run time from a
// config value and swapped after a failure, through a variable of the
// interface type kept across awaits.
import { Timer, Duration, log, task } from "outpost";

interface Transport {
  name(): string;
  open(): Promise<bool>;
  write(n: i32): Promise<i32>;
}

class Uart implements Transport {
  written: i32 = 0;
  name(): string { return "uart"; }
  async open(): Promise<bool> {
    await Timer.after(Duration.millis(1));
    return true;
  }
  async write(n: i32): Promise<i32> {
    await Timer.after(Duration.millis(n));
    this.written += n;
    return this.written;
  }
}

class Radio implements Transport {
  fails: i32 = 0;
  name(): string { return "radio"; }
  async open(): Promise<bool> {
    await Timer.after(Duration.millis(5));
    this.fails++;
    return this.fails > 1;
  }
  async write(n: i32): Promise<i32> {
    await Timer.after(Duration.millis(2));
    if (n > 3) throw new Error("radio too long");
    return n * 100;
  }
}

class Loopback implements Transport {
  name(): string { return "loop"; }
  async open(): Promise<bool> { return true; }
  async write(n: i32): Promise<i32> { return -n; }
}

const uart = new Uart();
const radio = new Radio();
const loop = new Loopback();
const cfgs: StaticArray<i32> = [1, 0, 2, 1];

function pick(cfg: i32): Transport {
  if (cfg == 1) return radio;
  if (cfg == 2) return loop;
  return uart;
}

export const user = task(1, async (): Promise<void> => {
  for (let c = 0; c < cfgs.length; c++) {
    let t: Transport = pick(cfgs[c]);
    if (!(await t.open())) {
      log.info(`iface-pick ${t.name()} open failed, fallback`);
      t = pick(2);
    }
    for (let n = 2; n <= 4; n++) {
      try {
        log.info(`iface-pick ${t.name()} write ${n} -> ${await t.write(n)}`);
      } catch (e) {
        log.info(`iface-pick ${t.name()} error ${(e as Error).message}`);
        t = uart;
      }
    }
  }
});

export function main(): void {
  user.spawn();
}
