// Parity program (test/parity/): a bursty producer fills a Channel<u8>
// with trySend (counting drops when full) and a consumer that wakes
// periodically drains it with tryReceive, folding bytes into a u16
// Fletcher checksum and a histogram of high nibbles.
import { Timer, Duration, Channel, log, task } from "outpost";

const fifo = new Channel<u8>(5, 4, "fifo");
const hist: StaticArray<i32> = [0, 0, 0, 0];
let drops: i32 = 0;

export const producer = task(1, async (): Promise<void> => {
  let seed: i32 = 0x35;
  for (let burst = 0; burst < 4; burst++) {
    for (let i = 0; i < 3 + burst; i++) {
      seed = (seed * 73 + 41) & 0xff;
      if (!fifo.trySend(<u8>seed)) drops++;
    }
    await Timer.after(Duration.millis(3));
  }
  log.infoInt("burst-drain producer drops", drops);
});

export const consumer = task(1, async (): Promise<void> => {
  let s1: i32 = 0;
  let s2: i32 = 0;
  let got = 0;
  for (let wake = 0; wake < 6; wake++) {
    await Timer.after(Duration.millis(2));
    let batch = 0;
    while (fifo.tryReceive()) {
      const b: u8 = fifo.received;
      s1 = (s1 + b) % 255;
      s2 = (s2 + s1) % 255;
      hist[b >> 6]++;
      batch++;
    }
    got += batch;
    log.info(`burst-drain wake ${wake} batch=${batch} fletch=0x${((s2 << 8) | s1).toString(16)}`);
  }
  log.info(`burst-drain got=${got} drops=${drops} hist=${hist[0]},${hist[1]},${hist[2]},${hist[3]}`);
});

export function main(): void {
  producer.spawn();
  consumer.spawn();
}
