/**
 * Panics: the firmware stops and the host reports why.
 *
 * Build the message with the `text*` writers, then call `panicNow(code)`;
 * or call `panicWith(code, message)`. Both hand the host the message, the
 * source location (for aborts) and the running task, then trap. Nothing here
 * allocates, so a panic works after the heap is sealed.
 * `outpostAbort` is wired by `outpost build` as AssemblyScript's `abort`, so
 * `assert`, `abort()` and bounds checks arrive as `ABORT` panics. Firmware
 * may call `abort("why")` itself: the location is then unknown (use
 * `assert(cond, "why")` to have the compiler fill it in).
 */
import { panic_raise, PanicCode } from "./abi";
import { scratch, textBegin, textFile, textFilePtr, textLength, textString } from "./text";
import { currentTaskId } from "./current";

/** Reports the message built in the scratch buffer and stops the firmware. */
export function panicNow(code: i32, file: string | null = null, line: i32 = 0, column: i32 = 0): void {
  const fileLen = textFile(file);
  panic_raise(code, currentTaskId(), scratch, textLength(), textFilePtr(), fileLen, line, column);
  unreachable();
}

/** Reports `message` and stops the firmware. */
export function panicWith(code: i32, message: string): void {
  textBegin();
  textString(message);
  panicNow(code);
}

/** AssemblyScript's `abort`, routed to the host as an `ABORT` panic. */
export function outpostAbort(message: string | null = null, file: string | null = null, line: u32 = 0, column: u32 = 0): void {
  textBegin();
  textString(message !== null ? message : "abort");
  panicNow(PanicCode.ABORT, file, <i32>line, <i32>column);
}
