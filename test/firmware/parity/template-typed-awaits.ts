// Parity program (test/parity/): awaited results of every small width,
// f32, f64, bool, an enum and a string written straight into template
// text, and results kept in locals typed only by inference.
import { Timer, Duration, log, task } from "outpost";

enum Color {
  Red = 1,
  Green = 2,
}

class Src {
  async u8v(): Promise<u8> { await Timer.after(Duration.millis(1)); return 255; }
  async i8v(): Promise<i8> { await Timer.after(Duration.millis(1)); return -128; }
  async u16v(): Promise<u16> { await Timer.after(Duration.millis(1)); return 65535; }
  async i16v(): Promise<i16> { await Timer.after(Duration.millis(1)); return -32768; }
  async u32v(): Promise<u32> { await Timer.after(Duration.millis(1)); return 4294967295; }
  async i64v(): Promise<i64> { await Timer.after(Duration.millis(1)); return -9007199254740991; }
  async f32v(): Promise<f32> { await Timer.after(Duration.millis(1)); return 2.5; }
  async f64v(): Promise<f64> { await Timer.after(Duration.millis(1)); return -0.125; }
  async boolv(): Promise<bool> { await Timer.after(Duration.millis(1)); return false; }
  async color(): Promise<Color> { await Timer.after(Duration.millis(1)); return Color.Green; }
  async name(): Promise<string> { await Timer.after(Duration.millis(1)); return "src"; }
}

const s = new Src();

export const user = task(1, async (): Promise<void> => {
  log.info(`template-typed-awaits ${await s.u8v()} ${await s.i8v()} ${await s.u16v()} ${await s.i16v()}`);
  log.info(`template-typed-awaits ${await s.u32v()} ${await s.i64v()} ${await s.f32v()} ${await s.f64v()}`);
  log.info(`template-typed-awaits ${await s.boolv()} ${await s.color()} ${await s.name()}`);
  const a = await s.u8v();
  const b = await s.i8v();
  const c = await s.f32v();
  const d = await s.boolv();
  const e = await s.color();
  const f = await s.name();
  const g = await s.u32v();
  await Timer.after(Duration.millis(1));
  log.info(`template-typed-awaits kept ${a} ${b} ${c} ${d} ${e} ${f} ${g} ${f.length}`);
  log.info(`template-typed-awaits mixed ${<i32>a + <i32>b} ${<i64>g + 1} ${c * 3} ${!d}`);
});

export function main(): void {
  user.spawn();
}
