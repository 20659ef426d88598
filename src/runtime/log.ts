/**
 * Logging to the host (`log` import): a line per call, no allocation.
 * For numbers use the two-part forms (`log.infoInt("count", n)`): string
 * concatenation would allocate and panic after init.
 */
import { log_write } from "./abi";
import { scratch, Text, textBegin, textByte, textInt, textLength, textPut, textString } from "./text";

export namespace LogLevel {
  // @ts-ignore: decorator
  @inline export const ERROR: i32 = 1;
  // @ts-ignore: decorator
  @inline export const WARN: i32 = 2;
  // @ts-ignore: decorator
  @inline export const INFO: i32 = 3;
  // @ts-ignore: decorator
  @inline export const DEBUG: i32 = 4;
}

function emit(level: i32): void {
  log_write(level, scratch, textLength());
}

/**
 * `log.info("…")` and its siblings on a string literal, as `outpost build`
 * rewrites them (src/toolchain/text-literals.ts): the line is a `Text`, so
 * no UTF-16 copy of it is stored and deferred-text boards send 3 bytes.
 */
// @ts-ignore: decorator
@global export function __outpost_log_text(level: i32, line: Text): void {
  textBegin();
  textPut(line);
  emit(level);
}

/**
 * Logs the line built since `textBegin()` with the text writers: what
 * `log.info(\`count ${n}\`)` (a template literal or a string concatenation
 * in async code) becomes, so the line is never a string and nothing is
 * allocated.
 */
export function logBuilt(level: i32): void {
  emit(level);
}

export namespace log {
  export function error(message: string): void { textBegin(); textString(message); emit(LogLevel.ERROR); }
  export function warn(message: string): void { textBegin(); textString(message); emit(LogLevel.WARN); }
  export function info(message: string): void { textBegin(); textString(message); emit(LogLevel.INFO); }
  export function debug(message: string): void { textBegin(); textString(message); emit(LogLevel.DEBUG); }
  /** Logs `label value` at info level. */
  export function infoInt(label: string, value: i64): void {
    textBegin();
    textString(label);
    textByte(0x20);
    textInt(value);
    emit(LogLevel.INFO);
  }
}
