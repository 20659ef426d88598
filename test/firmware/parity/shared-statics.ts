// Parity program (test/parity/): static fields and module-level lets of
// several types, read into locals before an await and updated by two
// tasks around their awaits: each read after an await sees the other
// task's writes, each local keeps what it read.
import { Timer, Duration, log, task } from "outpost";

let hits = 0;
let wide: i64 = 5_000_000_000;
let last: string = "none";
let busy: bool = false;

class Stats {
  static count: u16 = 0;
  static peak: u32 = 0;
}

export const worker = task(2, async (id: i32): Promise<void> => {
  for (let i = 0; i < 3; i++) {
    const seen = hits;
    const seenWide = wide;
    busy = true;
    await Timer.after(Duration.millis(id + 1));
    hits = hits + 1;
    wide += <i64>id;
    Stats.count += 1;
    if (<u32>hits > Stats.peak) Stats.peak = <u32>hits;
    last = id == 1 ? "one" : "two";
    busy = false;
    log.info(`shared-statics ${id} saw ${seen} now ${hits} wide ${seenWide} -> ${wide} count ${Stats.count} last ${last}`);
  }
});

export const watcher = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(5));
  log.info(`shared-statics watch ${hits} ${busy} ${Stats.peak} ${last}`);
  await Timer.after(Duration.millis(10));
  log.info(`shared-statics end ${hits} ${wide} ${Stats.count} ${Stats.peak} ${busy}`);
});

export function main(): void {
  worker.spawn(1);
  worker.spawn(2);
  watcher.spawn();
}
