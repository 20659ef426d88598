// Parity program (test/parity/): less common expression forms around
// awaits: several declarators in one `let`, casts and `!` on awaited
// values, `**`, `~`, `!!`, `void await`, a comma update, `switch (true)`
// and string equality on an awaited string.
import { Timer, Duration, log, task } from "outpost";

class Node {
  v: i32 = 0;
  constructor(v: i32) {
    this.v = v;
  }
}
const nodes: StaticArray<Node | null> = [new Node(4), null, new Node(9)];
const words: StaticArray<string> = ["idle", "run", "stop"];

async function num(n: i32): Promise<i32> {
  await Timer.after(Duration.micros(100));
  return n;
}

async function node(i: i32): Promise<Node | null> {
  await Timer.after(Duration.micros(100));
  return nodes[i];
}

async function word(i: i32): Promise<string> {
  await Timer.after(Duration.micros(100));
  return words[i];
}

export const user = task(1, async (): Promise<void> => {
  let a = 2,
    b = await num(a * 3),
    c = a + b;
  log.info(`expr-forms decl ${a} ${b} ${c}`);
  const p = (await num(3)) ** (await num(4));
  const q = ~(await num(5));
  const r = !!(await num(0));
  const s = <u8>((await num(0x1ff)) & 0xff);
  const t = (await node(2))!.v + (await node(0))!.v;
  log.info(`expr-forms ops ${p} ${q} ${r} ${s} ${t}`);
  await num(1);
  let k = 0;
  for (let i = 0; i < 20; i += await num(3), k++) {
    if (i > 10) break;
  }
  log.infoInt("expr-forms comma", k);
  for (let i = 0; i < 3; i++) {
    const w = await word(i);
    switch (true) {
      case w == "run":
        log.info(`expr-forms running ${await num(i)}`);
        break;
      case w.length > 3:
        log.info(`expr-forms long ${w} ${(await word(i)) == w}`);
        break;
      default:
        log.info(`expr-forms other ${w}`);
    }
  }
  const n1 = await node(1);
  log.info(`expr-forms null ${n1 == null} ${(await node(1)) === null}`);
});

export function main(): void {
  user.spawn();
}
