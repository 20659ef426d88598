/**
 * The stimulus file a native image's test channel plays (format in
 * boards/wasm/host/bench.c): what `outpost run` (and the conformance tests)
 * do to a board, worked out here exactly as `outpost sim` does it, so that
 * every host sees the same input at the same µs:
 *
 *   --uartN TEXT|@FILE   bytes sent at t=0; the image paces them at line rate
 *   --press B@T:HOLD     the button's pin driven and let go, with the contact
 *                        bounce the simulator's Button model (sim/button.ts,
 *                        same seed) gives, as a list of timed levels
 *   --expect-text T / --fail-text T, and the stop time (--for)
 */
import { Button } from "../../../sim/button.ts";
import type { Bench } from "../../../sim/bench.ts";
import type { Pin } from "../../../sim/gpio.ts";
import { type Board, resolveButton, resolvePin, resolveUart, consoleUartName } from "../../contract/boards.ts";
import { formatDuration } from "../../contract/duration.ts";

export interface Stimuli {
  /** µs; the image stops after that instant. */
  limit: number;
  inputs: { uart: string; bytes: Uint8Array }[];
  presses: { button: string; at: number; hold: number }[];
  expectText: string[];
  failText: string[];
}

/** The simulator's default seed, which Button bounce is drawn from. */
const SEED = 1;

interface Drive {
  at: number;
  pin: number;
  level: number | null;
  seq: number;
}

/** Every level each pressed button's pin is driven to, in (time, order) as the simulator would apply them. */
export function buttonDrives(board: Board, presses: Stimuli["presses"]): Drive[] {
  const drives: Drive[] = [];
  const actions: { at: number; seq: number; run: () => void }[] = [];
  let now = 0;
  let seq = 0;
  const bench: Bench = {
    now: () => now,
    at: (time, run) => void actions.push({ at: time, seq: seq++, run }),
    raise: () => {},
    warn: () => {},
    historyLimit: 1, // buttons keep no history
  };
  const buttons = new Map<string, Button>();
  for (const press of presses) {
    let button = buttons.get(press.button);
    if (!button) {
      const pin = resolvePin(board, press.button);
      const fake = {
        drive: (level: 0 | 1 | null, at?: number | string) => {
          const time = typeof at === "number" ? at : now;
          drives.push({ at: time, pin, level, seq: seq++ });
        },
      } as unknown as Pin;
      button = new Button(bench, fake, resolveButton(board, press.button), SEED, press.button);
      buttons.set(press.button, button);
    }
    button.tap(press.at, press.hold);
  }
  actions.sort((a, b) => a.at - b.at || a.seq - b.seq);
  for (const action of actions) {
    now = action.at;
    action.run();
  }
  return drives.sort((a, b) => a.at - b.at || a.seq - b.seq);
}

class Writer {
  private readonly parts: Uint8Array[] = [];
  u8(v: number): void {
    this.parts.push(Uint8Array.of(v & 0xff));
  }
  u32(v: number): void {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, v, true);
    this.parts.push(b);
  }
  i64(v: number): void {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigInt64(0, BigInt(v), true);
    this.parts.push(b);
  }
  bytes(b: Uint8Array): void {
    this.u32(b.length);
    this.parts.push(b);
  }
  text(t: string): void {
    this.bytes(new TextEncoder().encode(t));
  }
  /** "OPST", version 1, the stop time, the words after a timeout, the console's name. */
  header(limit: number, within: string, console: string): void {
    this.parts.push(new TextEncoder().encode("OPST"));
    this.u32(1);
    this.i64(limit);
    this.text(within);
    this.text(console);
  }
  done(): Uint8Array {
    const out = new Uint8Array(this.parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

const REC = { END: 0, SEND: 1, DRIVE: 2, GOAL: 3 } as const;

export function stimulusFile(board: Board, stimuli: Stimuli): Uint8Array {
  const w = new Writer();
  w.header(stimuli.limit, ` within ${formatDuration(stimuli.limit)}`, consoleUartName(board) ?? "UART0");
  for (const [fail, texts] of [[0, stimuli.expectText], [1, stimuli.failText]] as const) {
    for (const text of texts) {
      w.u8(REC.GOAL);
      w.u8(fail);
      w.text(text);
      w.text(JSON.stringify(text));
    }
  }
  const timed: { at: number; seq: number; write: () => void }[] = [];
  stimuli.inputs.forEach(({ uart, bytes }, i) => {
    const port = resolveUart(board, uart).port;
    timed.push({ at: 0, seq: i, write: () => (w.u8(REC.SEND), w.u8(port), w.i64(0), w.bytes(bytes)) });
  });
  for (const d of buttonDrives(board, stimuli.presses)) {
    timed.push({ at: d.at, seq: 1e6 + d.seq, write: () => (w.u8(REC.DRIVE), w.u8(d.pin), w.i64(d.at), w.u8(d.level === null ? 0xff : d.level)) });
  }
  timed.sort((a, b) => a.at - b.at || a.seq - b.seq).forEach((t) => t.write());
  w.u8(REC.END);
  return w.done();
}
