import { readFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Simulator } from "../../sim/index.ts";
import { simulate } from "../helpers/simulate.ts";

const FIRMWARE = "test/firmware/panics.ts";

/** Runs scenario `n` of test/firmware/panics.ts (chosen through pins P0-P3) and returns the panic. */
async function scenario(n: number): Promise<NonNullable<Simulator["panic"]>> {
  const sim = await simulate(FIRMWARE);
  for (let bit = 0; bit < 4; bit++) sim.pin(`P${bit}`).drive(((n >> bit) & 1) as 0 | 1);
  sim.runFor("10ms");
  assert.equal(sim.logs.filter((l) => l.text.startsWith("scenario")).map((l) => l.text), [`scenario ${n}`]);
  assert.ok(sim.panic, "the firmware panicked");
  assert.is(sim.panic!.at, 1_000);
  return sim.panic!;
}

test("no scenario, no panic", async () => {
  const sim = await simulate(FIRMWARE);
  sim.runFor("10ms");
  assert.is(sim.panic, null);
});

test("spawning into a full pool panics POOL_FULL naming the pool, its size and the spawning task", async () => {
  const panic = await scenario(1);
  assert.is(panic.code, "POOL_FULL");
  assert.is(
    panic.message,
    'cannot spawn task "worker": its pool (size 2) is full; raise the pool size where it is declared (task(size, …) or new TaskPool(name, size)) or use trySpawn() to handle it',
  );
  assert.is(panic.task, "spawner");
});

test("allocating in a task after init panics ALLOC_AFTER_INIT naming the task", async () => {
  const panic = await scenario(2);
  assert.is(panic.code, "ALLOC_AFTER_INIT");
  assert.match(
    panic.message,
    /^task "greeter" allocated \d+ bytes after init: firmware may allocate only at module level or in main\(\); preallocate the object there \(string concatenation and `new` allocate\)$/,
  );
  assert.is(panic.task, "greeter");
});

test("a failed assert in a task reaches the host with message, file, line, column and task", async () => {
  const panic = await scenario(3);
  assert.is(panic.code, "ABORT");
  assert.is(panic.message, "sensor reading out of range");
  const source = readFileSync(FIRMWARE, "utf8").split("\n");
  const line = source.findIndex((l) => l.includes("assert(this.reading")) + 1;
  assert.is(panic.file, "panics.ts");
  assert.is(panic.line, line);
  assert.is(panic.column, source[line - 1]!.indexOf("assert") + 1);
  assert.is(panic.task, "checker");
});

test("abort() in a task reaches the host with its message and the task", async () => {
  const panic = await scenario(7);
  assert.is(panic.code, "ABORT");
  assert.is(panic.message, "motor stalled");
  assert.is(panic.task, "aborter");
});

test("a second task waiting on a Signal panics BUSY naming the signal and both tasks", async () => {
  const panic = await scenario(4);
  assert.is(panic.code, "BUSY");
  assert.is(
    panic.message,
    'Signal<i32> "door": task "intruder" waits on it while task "waiter" is already waiting; it has one waiter: give each waiter its own Signal<i32>, or use a Channel',
  );
  assert.is(panic.task, "intruder");
});

test("more receives in flight than a Channel's waiters panics BUSY with the fix", async () => {
  const panic = await scenario(5);
  assert.is(panic.code, "BUSY");
  assert.is(
    panic.message,
    'Channel<i32> "rx": task "receiver" started a receive() while all 1 of its receive waiters were in flight; raise `waiters` in new Channel<i32>(capacity, waiters, name) (each receive() future holds a waiter until it completes or is cancelled)',
  );
  assert.is(panic.task, "receiver");
});

test("unlocking a free Mutex panics ABORT naming it", async () => {
  const panic = await scenario(6);
  assert.is(panic.code, "ABORT");
  assert.is(panic.message, 'Mutex "bus": task "unlocker" called unlock() on a mutex that is not locked');
  assert.is(panic.task, "unlocker");
});

test.run();
