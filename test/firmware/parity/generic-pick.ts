// Parity program (test/parity/): a generic async function returns one of
// its arguments at a class type, a string type and a nullable class type;
// the caller gets the same object back and changes it.
import { Timer, Duration, log, task } from "outpost";

class Node {
  constructor(public id: i32) {}
}

const left = new Node(1);
const right = new Node(2);

async function pick<T>(a: T, b: T, first: bool): Promise<T> {
  await Timer.after(Duration.millis(1));
  return first ? a : b;
}

export const user = task(1, async (): Promise<void> => {
  const n = await pick<Node>(left, right, false);
  n.id += 10;
  log.infoInt("generic-pick node", right.id);
  log.info(`generic-pick text ${await pick<string>("alpha", "beta", true)}`);
  const m = await pick<Node | null>(null, left, true);
  log.infoInt("generic-pick null", m == null ? 1 : 0);
  const k = await pick<Node | null>(null, left, false);
  if (k != null) log.infoInt("generic-pick left", k.id);
});

export function main(): void {
  user.spawn();
}
