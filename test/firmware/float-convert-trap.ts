// NaN converted to i32 (test/runtime/float-convert.test.ts, test/conformance/): every board's build traps
// ("invalid conversion to integer"), the simulator's included, so the simulator does not saturate where a device stops.
import { Timer, Duration, log, task } from "outpost";

async function later(v: f64): Promise<f64> {
  await Timer.after(Duration.millis(1));
  return v;
}

export const probe = task(1, async (): Promise<void> => {
  log.infoInt("in range", <i32>(await later(-2147483648.0)));
  log.infoInt("not a number", <i32>(await later(NaN)));
});

export function main(): void {
  probe.spawn();
}
