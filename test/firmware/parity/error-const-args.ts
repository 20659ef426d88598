// Parity program (test/parity/): an error made with arguments known at init (an expression over module consts, a namespace's const, a class's static readonly field, a conditional over consts) is thrown and caught with those values.
import { Timer, Duration, log, task } from "outpost";

const BASE: i32 = 100;
const STRICT: bool = true;

namespace Codes {
  export const NAK: i32 = 21;
}

class Limits {
  static readonly MAX: i32 = 3;
}

class CodeError extends Error {
  code: i32;
  constructor(code: i32) {
    super("error-const-args failed");
    this.code = code;
  }
}

async function step(kind: i32): Promise<void> {
  await Timer.after(Duration.millis(1));
  if (kind == 0) throw new CodeError(BASE + 1);
  if (kind == 1) throw new CodeError(Codes.NAK);
  if (kind == 2) throw new CodeError(Limits.MAX * 2);
  throw new CodeError(STRICT ? -BASE : BASE);
}

export const user = task(1, async (): Promise<void> => {
  for (let kind = 0; kind < 4; kind++) {
    try {
      await step(kind);
    } catch (e) {
      log.infoInt("error-const-args code", (e as CodeError).code);
    }
  }
});

export function main(): void {
  user.spawn();
}
