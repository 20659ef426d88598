// Test firmware for test/hal/blinker.test.ts: plays a pattern of zero
// durations for ever, which has nothing to play (skipping its zeros would
// spin in one poll): play() must stop the firmware with an ABORT panic.
import { task } from "outpost";
import { Output, TimerDelay } from "outpost/hal";
import { Blinker } from "outpost/drivers/blinker";
import { LED1 } from "outpost/board";

const ZEROS = StaticArray.fromArray<i32>([0, 0]);

export const player = task(1, async (blinker: Blinker): Promise<void> => {
  await blinker.play(ZEROS);
});

export function main(): void {
  player.spawn(new Blinker(new Output(LED1, "LED1"), new TimerDelay()));
}
