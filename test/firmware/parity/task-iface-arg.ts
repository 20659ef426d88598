// Parity program (test/parity/): a task pool whose argument is typed by an
// interface runs each slot on another implementation, awaiting the
// interface's async method in a loop.
import { Timer, Duration, log, task } from "outpost";

interface Sampler {
  sample(i: i32): Promise<i32>;
}

class Light implements Sampler {
  async sample(i: i32): Promise<i32> {
    await Timer.after(Duration.millis(2));
    return 100 + i;
  }
}

class Sound implements Sampler {
  gain: i32 = 3;
  async sample(i: i32): Promise<i32> {
    await Timer.after(Duration.millis(3));
    return 200 + i * this.gain;
  }
}

const light = new Light();
const sound = new Sound();

export const poller = task(2, async (s: Sampler, rounds: i32): Promise<void> => {
  for (let i = 0; i < rounds; i++) log.infoInt("task-iface-arg sample", await s.sample(i));
});

export function main(): void {
  poller.spawn(light, 3);
  poller.spawn(sound, 2);
}
