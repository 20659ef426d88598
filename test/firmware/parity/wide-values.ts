// Parity program (test/parity/): register values near the top of their
// types (u32 above 2^31, u16 0xffff, negative i16 and i8) kept across
// awaits as locals, parameters, results and typed-array elements, compared
// and logged in decimal and hex.
import { Timer, Duration, log, task } from "outpost";

const regs = new Uint32Array(4);
const deltas = new Int16Array(3);

async function readId(): Promise<u32> {
  await Timer.after(Duration.millis(1));
  return 0xdeadbeef;
}

async function readWord(hi: u16): Promise<u16> {
  await Timer.after(Duration.millis(1));
  return hi;
}

async function delta(d: i16): Promise<i16> {
  await Timer.after(Duration.millis(1));
  return d;
}

async function offset(o: i8): Promise<i8> {
  await Timer.after(Duration.millis(1));
  return o;
}

export const user = task(1, async (): Promise<void> => {
  const id = await readId();
  const w = await readWord(0xffff);
  const d = await delta(-32000);
  const o = await offset(-128);
  await Timer.after(Duration.millis(1));
  log.info(`wide-values id=${id} hex=${id.toString(16)} w=${w} d=${d} o=${o}`);
  log.info(`wide-values cmp ${id > 0x80000000} ${w > 0x7fff} ${d < -30000} ${o < 0}`);
  regs[0] = id;
  regs[1] = await readId();
  deltas[0] = d;
  deltas[1] = await delta(-1);
  await Timer.after(Duration.millis(1));
  log.info(`wide-values arrays ${regs[0]} ${regs[1] == id} ${deltas[0]} ${deltas[1]}`);
  log.infoInt("wide-values int id", id);
  log.infoInt("wide-values int d", d);
  const low: u32 = id & 0xffff;
  const high: u32 = id >>> 16;
  log.info(`wide-values split ${high.toString(16)} ${low.toString(16)} ${(await readWord(0x1234)).toString(16)}`);
});

export function main(): void {
  user.spawn();
}
