// Parity program (test/parity/): a nullable local narrowed by === null
// with an early return, by !x with an else, by !== null on the left of
// && with an await on the right, and assigned from an await in a while
// condition, is used as its object after awaits.
import { Timer, Duration, log, task } from "outpost";

class Node {
  constructor(public id: i32) {}
  next: Node | null = null;
  async ping(): Promise<i32> {
    await Timer.after(Duration.millis(1));
    return this.id;
  }
}

const n1 = new Node(1);
const n2 = new Node(2);
const n3 = new Node(3);
n1.next = n2;
n2.next = n3;
let cursor: Node | null = n1;

async function nextNode(): Promise<Node | null> {
  await Timer.after(Duration.millis(1));
  const c = cursor;
  if (c === null) return null;
  cursor = c.next;
  return c;
}

async function idOf(x: Node | null): Promise<i32> {
  if (x === null) return -1;
  await Timer.after(Duration.millis(1));
  return x.id * 10;
}

export const user = task(1, async (): Promise<void> => {
  log.info(`nullable-narrow-forms idOf ${await idOf(n2)} ${await idOf(null)}`);
  const m: Node | null = n3.next;
  if (!m) {
    await Timer.after(Duration.millis(1));
    log.info("nullable-narrow-forms none");
  } else {
    await Timer.after(Duration.millis(1));
    log.infoInt("nullable-narrow-forms some", m.id);
  }
  const k: Node | null = n1.next;
  if (k !== null && (await k.ping()) > 1) log.infoInt("nullable-narrow-forms and", k.id);
  let x: Node | null = null;
  let sum = 0;
  while ((x = await nextNode()) != null) {
    sum += await x!.ping();
  }
  log.infoInt("nullable-narrow-forms walked", sum);
});

export function main(): void {
  user.spawn();
}
