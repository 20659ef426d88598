// Parity program (test/parity/): walking a linked list made at init with
// an async method that returns the next node or null, across awaits, until
// null.
import { Timer, Duration, log, task } from "outpost";

class Node {
  next: Node | null = null;
  constructor(public value: i32) {}

  async advance(): Promise<Node | null> {
    await Timer.after(Duration.millis(this.value));
    return this.next;
  }
}

const c = new Node(3);
const b = new Node(2);
const a = new Node(1);

export const user = task(1, async (): Promise<void> => {
  a.next = b;
  b.next = c;
  let node: Node | null = a;
  let sum = 0;
  while (node != null) {
    sum += node.value;
    log.infoInt("linked-walk at", node.value);
    node = await node.advance();
  }
  log.infoInt("linked-walk sum", sum);
});

export function main(): void {
  user.spawn();
}
