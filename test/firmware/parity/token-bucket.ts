// Parity program (test/parity/): a token-bucket rate limiter class refills
// from Instant.now() and makes callers await until a token is available;
// two tasks share it and log when each request is admitted.
import { Timer, Duration, Instant, log, task } from "outpost";

class TokenBucket {
  tokens: i32;
  lastRefill: i64 = 0;
  waited: i32 = 0;
  constructor(public capacity: i32, public refillUs: i64) {
    this.tokens = capacity;
  }
  refill(): void {
    const now: i64 = <i64>(Instant.now() - 0);
    while (now - this.lastRefill >= this.refillUs) {
      this.lastRefill += this.refillUs;
      if (this.tokens < this.capacity) this.tokens++;
    }
  }
  async take(): Promise<i64> {
    this.refill();
    while (this.tokens == 0) {
      this.waited++;
      const now: i64 = <i64>(Instant.now() - 0);
      await Timer.after(Duration.micros(this.lastRefill + this.refillUs - now));
      this.refill();
    }
    this.tokens--;
    return <i64>(Instant.now() - 0);
  }
}

const bucket = new TokenBucket(2, 3000);

export const a = task(1, async (): Promise<void> => {
  for (let i = 0; i < 4; i++) log.info(`token-bucket a ${i} at ${await bucket.take()}`);
});

export const b = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(1));
  for (let i = 0; i < 3; i++) {
    const t = await bucket.take();
    log.info(`token-bucket b ${i} at ${t} tokens=${bucket.tokens}`);
    await Timer.after(Duration.millis(1));
  }
  log.infoInt("token-bucket waited", bucket.waited);
});

export function main(): void {
  a.spawn();
  b.spawn();
}
