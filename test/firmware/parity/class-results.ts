// Parity program (test/parity/): async functions returning objects, null,
// bool, i64 and f64, used in expressions right after the await.
import { Timer, Duration, log, task } from "outpost";

class Point {
  constructor(public x: i32, public y: i32) {}
}

const origin = new Point(0, 0);
const far = new Point(30, 40);

async function find(near: bool): Promise<Point | null> {
  await Timer.after(Duration.millis(1));
  return near ? origin : null;
}

async function farthest(): Promise<Point> {
  await Timer.after(Duration.millis(1));
  return far;
}

async function big(): Promise<i64> {
  await Timer.after(Duration.millis(1));
  return 5_000_000_000;
}

async function half(x: f64): Promise<f64> {
  await Timer.after(Duration.millis(1));
  return x / 2;
}

export const user = task(1, async (): Promise<void> => {
  const a = await find(true);
  log.infoInt("class-results near", a != null ? a.x + 1 : -1);
  const b = await find(false);
  log.infoInt("class-results far", b != null ? b.x : -1);
  log.infoInt("class-results sum", (await farthest()).x + (await farthest()).y);
  log.infoInt("class-results big", <i32>((await big()) / 1_000_000));
  log.infoInt("class-results half", <i32>((await half(9)) * 10));
});

export function main(): void {
  user.spawn();
}
