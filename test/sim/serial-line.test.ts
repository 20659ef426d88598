import { test } from "uvu";
import * as assert from "uvu/assert";
import { SerialLine } from "../../sim/serial-line.ts";

test("at 9600 baud bytes end at whole µs rounded up from 1041.67 µs each", () => {
  const line = new SerialLine();
  const ends = [1, 2, 3].map(() => line.next(0, 9600));
  assert.equal(ends, [1042, 2084, 3125]);
});

test("a byte handed over while the line is busy waits its turn", () => {
  const line = new SerialLine();
  line.next(0, 115200); // ends at 87
  assert.is(line.next(10, 115200), 174);
});

test("a byte handed over in the µs the line went idle continues the train without drift", () => {
  const line = new SerialLine();
  line.next(0, 9600); // 1041.67 → 1042
  assert.is(line.next(1042, 9600), 2084); // not 1042 + 1042
});

test("a byte handed over later starts a new train", () => {
  const line = new SerialLine();
  line.next(0, 9600);
  assert.is(line.next(5000, 9600), 6042);
});

test("a train of a million bytes ends exactly where the baud rate says", () => {
  const line = new SerialLine();
  let end = 0;
  for (let i = 0; i < 1_000_000; i++) end = line.next(0, 9600);
  assert.is(end, 1_041_666_667); // ceil(1e6 × 10e6 / 9600)
});

test("a change of baud starts a new train once the line is free", () => {
  const line = new SerialLine();
  line.next(0, 9600); // busy until 1042
  assert.is(line.next(0, 115200), 1042 + 87);
});

test.run();
