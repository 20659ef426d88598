// Parity program (test/parity/): a state machine over an enum kept across
// awaits, switched on in a loop, with each state awaiting its own delay.
import { Timer, Duration, log, task } from "outpost";

enum Phase {
  Idle,
  Warming,
  Running = 5,
  Done,
}

async function enter(p: Phase): Promise<Phase> {
  await Timer.after(Duration.millis(<i32>p + 1));
  return p;
}

export const user = task(1, async (): Promise<void> => {
  let phase = Phase.Idle;
  let laps = 0;
  while (phase != Phase.Done) {
    switch (phase) {
      case Phase.Idle:
        phase = await enter(Phase.Warming);
        break;
      case Phase.Warming:
        phase = await enter(Phase.Running);
        break;
      case Phase.Running:
        laps++;
        phase = laps < 2 ? await enter(Phase.Warming) : await enter(Phase.Done);
        break;
    }
    log.infoInt("enum-state phase", phase);
  }
  log.infoInt("enum-state laps", laps);
});

export function main(): void {
  user.spawn();
}
