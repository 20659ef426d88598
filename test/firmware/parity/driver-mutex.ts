// Parity program (test/parity/): a bus driver class whose async transfer
// keeps its state in fields across awaits is shared by two tasks under a
// Mutex held by a helper method, and each transfer sees only its own state.
import { Timer, Duration, Mutex, log, task } from "outpost";

class Bus {
  address: i32 = 0;
  transfers: i32 = 0;
  lastReply: i32 = 0;
  private guard: Mutex = new Mutex(4, "bus");

  private async select(address: i32): Promise<void> {
    this.address = address;
    await Timer.after(Duration.millis(1));
  }

  async transfer(address: i32, payload: i32): Promise<i32> {
    await this.guard.lock();
    try {
      await this.select(address);
      this.transfers++;
      await Timer.after(Duration.millis(payload));
      this.lastReply = this.address * 100 + payload;
      return this.lastReply;
    } finally {
      this.guard.unlock();
    }
  }
}

const bus = new Bus();

export const device = task(2, async (address: i32, payload: i32): Promise<void> => {
  for (let i = 0; i < 3; i++) {
    const reply = await bus.transfer(address, payload + i);
    log.infoInt("driver-mutex reply", reply);
    log.infoInt("driver-mutex count", bus.transfers);
  }
});

export function main(): void {
  device.spawn(1, 2);
  device.spawn(2, 1);
}
