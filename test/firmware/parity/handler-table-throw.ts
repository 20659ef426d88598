// Parity program (test/parity/): async command handlers kept in a table at init throw errors that the dispatcher catches by class, and an async arrow in the catch block reads the caught error.
import { Timer, Duration, log, task } from "outpost";

class UnknownCmd extends Error {
  constructor() {
    super("handler-table-throw unknown");
  }
}
class HandlerFault extends Error {
  constructor(public cmd: i32) {
    super("handler-table-throw fault");
  }
}
const FAULT_2 = new HandlerFault(2);

let state: i32 = 0;

const handlers: StaticArray<(arg: i32) => Promise<i32>> = [
  async (arg: i32): Promise<i32> => {
    await Timer.after(Duration.millis(1));
    state += arg;
    return state;
  },
  async (arg: i32): Promise<i32> => {
    await Timer.after(Duration.millis(2));
    if (arg > 3) throw new Error("handler-table-throw too big");
    return arg * arg;
  },
  async (arg: i32): Promise<i32> => {
    await Timer.after(Duration.millis(1));
    throw FAULT_2;
  },
];

async function dispatch(cmd: i32, arg: i32): Promise<i32> {
  if (cmd < 0 || cmd >= handlers.length) throw new UnknownCmd();
  return await handlers[cmd](arg);
}

async function serve(cmd: i32, arg: i32): Promise<void> {
  try {
    log.infoInt("handler-table-throw ok", await dispatch(cmd, arg));
  } catch (e) {
    const report = async (): Promise<void> => {
      await Timer.after(Duration.millis(1));
      log.info(`handler-table-throw report ${(e as Error).message} for ${cmd}`);
    };
    if (e instanceof HandlerFault) log.infoInt("handler-table-throw fault cmd", (e as HandlerFault).cmd);
    await report();
  }
}

export const user = task(1, async (): Promise<void> => {
  await serve(0, 5);
  await serve(1, 3);
  await serve(1, 4);
  await serve(2, 0);
  await serve(7, 0);
  await serve(0, 1);
});

export function main(): void {
  user.spawn();
}
