// Test firmware for test/espruino/traps.test.ts: what must stop the
// firmware in the same words on every host, the Espruino one included.
// The first byte received on UART0 picks it (the operands come from that
// byte, so no compiler can fold them away):
//
//   d  i32 division by zero               r  i32 remainder by zero
//   D  i64 division by zero               R  i64 remainder by zero
//   o  i32.MIN / -1 (unrepresentable)     O  i64.MIN / -1
//   f  a float out of i32's range converted to i32
//   p  a third task spawned into the pool "worker" of 2: POOL_FULL, whose
//      message carries the task's name and the pool's size
//   l  logs a name and a number (log.infoInt), then abort("probe gave up")
//   u  logs "café ≥ 0x80" (UTF-8 beyond ASCII)
// Any other byte logs "unknown <byte>".
import { Task, TaskPool, log, task } from "outpost";
import { Uart } from "outpost/hal";
import { UART0 } from "outpost/board";

const buf = new StaticArray<u8>(1);
let sink: i64 = 0;

class Worker extends Task {
  poll(): bool {
    return false; // never finishes: its slot stays taken
  }
}
const workers = new TaskPool<Worker>("worker", 2);

export const probe = task(1, async (uart: Uart): Promise<void> => {
  const n: i32 = await uart.read(buf);
  if (n < 1) return;
  const b = <i32>buf[0];
  const zero = b & 0; // 0, but only known at run time
  if (b == 0x64) sink = b / zero;
  else if (b == 0x72) sink = b % zero;
  else if (b == 0x44) sink = <i64>b / <i64>zero;
  else if (b == 0x52) sink = <i64>b % <i64>zero;
  else if (b == 0x6f) sink = (i32.MIN_VALUE + zero) / (zero - 1);
  else if (b == 0x4f) sink = (i64.MIN_VALUE + <i64>zero) / (<i64>zero - 1);
  else if (b == 0x66) sink = <i64><i32>(<f64>b * 1e10);
  else if (b == 0x70) {
    workers.spawn();
    workers.spawn();
    workers.spawn();
  } else if (b == 0x6c) {
    log.infoInt("probe got byte", b);
    abort("probe gave up");
  } else if (b == 0x75) log.info("café ≥ 0x80");
  else log.infoInt("unknown", b);
  log.infoInt("went on with", <i32>sink);
});

export function main(): void {
  probe.spawn(new Uart(UART0, 115200, "UART0"));
}
