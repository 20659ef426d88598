// Parity program (test/parity/): a select nested in a join and a join
// nested in a select, of generic async calls at i32, i64 and a class type,
// with each kept future's .value and each winner index read afterwards.
import { Timer, Duration, select, select3, join, join3, log, task } from "outpost";

class Box {
  constructor(public n: i32) {}
}

const small = new Box(5);
const large = new Box(50);

async function after<T>(ms: i32, v: T): Promise<T> {
  await Timer.after(Duration.millis(ms));
  return v;
}

export const user = task(1, async (): Promise<void> => {
  const a = after<i32>(3, 30);
  const b = after<i64>(1, 10_000_000_000);
  const s = select(a, b);
  const c = after<Box>(2, large);
  await join(s, c);
  log.info(`select-nested-values s=${s.value} b=${b.value} c=${c.value.n}`);

  const d = after<i32>(4, 4);
  const e = after<Box>(1, small);
  const j = join(d, e);
  const f = after<i64>(3, 3);
  const w = await select(j, f);
  log.info(`select-nested-values w=${w} f=${w == 1 ? f.value : -1}`);

  const g = after<i32>(2, 7);
  const h = after<Box>(2, small);
  const k = after<i64>(2, 9);
  const w3 = await select3(g, h, k);
  await Timer.after(Duration.millis(1));
  log.info(`select-nested-values w3=${w3} g=${w3 == 0 ? g.value : 0}`);

  const p = after<Box>(1, large);
  const q = after<Box>(2, small);
  const r = after<i32>(3, 1);
  await join3(p, q, r);
  log.info(`select-nested-values join3 ${p.value.n + q.value.n + r.value} same=${p.value === large}`);
});

export function main(): void {
  user.spawn();
}
