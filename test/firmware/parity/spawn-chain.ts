// Parity program (test/parity/): a task spawns tasks of another kind, which
// spawn tasks of a third, with arguments; each runs in spawn order at shared
// instants, and trySpawn fails on a full pool.
import { Timer, Duration, log, task } from "outpost";

export const leaf = task(2, async (id: i32): Promise<void> => {
  log.infoInt("spawn-chain leaf start", id);
  await Timer.after(Duration.millis(2));
  log.infoInt("spawn-chain leaf end", id);
});

export const mid = task(2, async (id: i32): Promise<void> => {
  log.infoInt("spawn-chain mid start", id);
  await Timer.after(Duration.millis(1));
  leaf.spawn(id * 10 + 1);
  const ok = leaf.trySpawn(id * 10 + 2);
  log.infoInt("spawn-chain mid spawned second", ok ? 1 : 0);
  await Timer.after(Duration.millis(3));
  log.infoInt("spawn-chain mid end", id);
});

export const root = task(1, async (): Promise<void> => {
  mid.spawn(1);
  await Timer.after(Duration.millis(5));
  mid.spawn(2);
  log.infoInt("spawn-chain root running", mid.running());
  await Timer.after(Duration.millis(10));
  log.infoInt("spawn-chain root done", leaf.running());
});

export function main(): void {
  root.spawn();
}
