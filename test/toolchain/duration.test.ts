import { test } from "uvu";
import * as assert from "uvu/assert";
import { formatDuration, formatTime, parseDuration, toMicros } from "../../src/contract/duration.ts";
import { OutpostError } from "../../src/contract/errors.ts";

test("every unit converts to whole µs", () => {
  assert.is(parseDuration("250us"), 250);
  assert.is(parseDuration("500ms"), 500_000);
  assert.is(parseDuration("10s"), 10_000_000);
  assert.is(parseDuration("2m"), 120_000_000);
  assert.is(parseDuration("2h"), 7_200_000_000);
  assert.is(parseDuration("30d"), 2_592_000_000_000);
});

test("decimals are exact", () => {
  assert.is(parseDuration("1.5s"), 1_500_000);
  assert.is(parseDuration("0.1s"), 100_000);
  assert.is(parseDuration("0.25ms"), 250);
});

function durationError(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    assert.instance(e, OutpostError);
    assert.is((e as OutpostError).code, "BAD_DURATION");
    return (e as Error).message;
  }
  throw new Error("expected BAD_DURATION");
}

test("a duration without a unit, with an unknown unit or finer than 1 µs is refused", () => {
  const hint = "write a number and a unit, like 250us, 500ms, 10s, 2h or 30d";
  assert.is(durationError(() => parseDuration("10x")), `bad duration "10x": ${hint}`);
  assert.is(durationError(() => parseDuration("10")), `bad duration "10": ${hint}`);
  assert.is(durationError(() => parseDuration("-1s")), `bad duration "-1s": ${hint}`);
  assert.is(durationError(() => parseDuration("0.5us")), `bad duration "0.5us": ${hint}`);
});

test("numbers are µs and must be whole", () => {
  assert.is(toMicros(1234), 1234);
  assert.is(toMicros("1ms"), 1000);
  assert.is(durationError(() => toMicros(1.5)), "bad duration 1.5: a number of microseconds must be a whole number >= 0");
});

test("timestamps print as fixed-width seconds with µs", () => {
  assert.is(formatTime(0), "   0.000000");
  assert.is(formatTime(500_000), "   0.500000");
  assert.is(formatTime(12_345_678), "  12.345678");
});

test("durations print in the largest unit that divides them, and parse back", () => {
  const cases: [number, string][] = [[5_000_000, "5s"], [250_000, "250ms"], [1_500, "1500us"], [0, "0us"], [90_000_000, "90s"], [120_000_000, "2m"], [86_400_000_000, "1d"]];
  for (const [us, text] of cases) {
    assert.is(formatDuration(us), text);
    assert.is(parseDuration(text), us);
  }
});

test.run();
