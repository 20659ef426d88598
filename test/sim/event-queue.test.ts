import { test } from "uvu";
import * as assert from "uvu/assert";
import { EventQueue } from "../../sim/event-queue.ts";

test("items come out by time, and in scheduling order within one µs", () => {
  const q = new EventQueue<string>();
  q.push(30, "c");
  q.push(10, "a1");
  q.push(20, "b");
  q.push(10, "a2");
  q.push(10, "a3");
  const out: string[] = [];
  for (let item; (item = q.popDue(100)); ) out.push(item);
  assert.equal(out, ["a1", "a2", "a3", "b", "c"]);
});

test("nothing comes out before its time", () => {
  const q = new EventQueue<string>();
  q.push(50, "later");
  assert.is(q.popDue(49), undefined);
  assert.is(q.nextTime(), 50);
  assert.is(q.popDue(50), "later");
  assert.is(q.nextTime(), Infinity);
});

test("order holds across many interleaved pushes", () => {
  const q = new EventQueue<number>();
  const times = Array.from({ length: 500 }, (_, i) => (i * 7919) % 97);
  times.forEach((t, i) => q.push(t, i));
  const out: number[] = [];
  for (let item; (item = q.popDue(Infinity)) !== undefined; ) out.push(item);
  const expected = times.map((t, i) => ({ t, i })).sort((a, b) => a.t - b.t || a.i - b.i).map((e) => e.i);
  assert.equal(out, expected);
});

test.run();
