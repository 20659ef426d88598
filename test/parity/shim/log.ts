/**
 * `log` for the shim: each line goes to the trace as "<µs> <text>", the
 * form the simulator's log lines are compared in.
 */
import { world } from "./core.ts";

function line(text: string): void {
  world.trace.push(`${world.now} ${text}`);
}

export const log = {
  info: line,
  warn: line,
  error: line,
  debug: line,
  infoInt(label: string, value: number | bigint | boolean): void {
    line(`${label} ${Number(value)}`);
  },
};

